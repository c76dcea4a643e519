import { useMemo } from 'react'
import { useAppStore } from '../../state/index.ts'
import { Chip } from '../../ui/Chip.tsx'
import { filterChips } from './filter-chips.ts'
import type { SubscriptionName } from './subscription-names.ts'

/** The filters in force, each with its ×, and one button for all: nothing narrows the table unseen. */
export function FilterChips({ nameOf }: { nameOf: (id: string) => SubscriptionName }) {
  const filters = useAppStore((state) => state.messageFilters)
  const setFilters = useAppStore((state) => state.setMessageFilters)
  const clearFilters = useAppStore((state) => state.clearMessageFilters)
  const chips = useMemo(() => filterChips(filters, nameOf), [filters, nameOf])
  if (chips.length === 0) return null

  return (
    <div className="messages-filters">
      <ul className="topic-chips" aria-label="Active filters">
        {chips.map((chip) => (
          <Chip
            key={chip.key}
            removeLabel={chip.removeLabel}
            onRemove={() => setFilters({ [chip.key]: null })}
          >
            <span title={chip.title}>{chip.text}</span>
          </Chip>
        ))}
      </ul>
      <button type="button" className="button button-small" onClick={clearFilters}>
        Clear filters
      </button>
    </div>
  )
}
