import { type ChangeEvent, useEffect } from 'react'
import { type MessageStatus, messageStatuses } from '../../../../shared/domain/message.ts'
import { SearchIcon } from '../../components/icons.tsx'
import { useAppStore } from '../../stores/index.ts'
import { asMessageId, statusLabels } from './format.ts'

interface MessagesToolbarProps {
  search: string
  onSearch: (text: string) => void
}

/** Search (a pasted message_id opens that message) and the status, subscription and topic filters. */
export function MessagesToolbar({ search, onSearch }: MessagesToolbarProps) {
  const filters = useAppStore((state) => state.messageFilters)
  const setFilters = useAppStore((state) => state.setMessageFilters)
  const showMessage = useAppStore((state) => state.showMessage)

  const onSearchChange = (event: ChangeEvent<HTMLInputElement>) => {
    const text = event.target.value
    onSearch(text)
    const id = asMessageId(text)
    if (id) showMessage(id)
  }

  return (
    <div className="messages-toolbar">
      <div className="filter messages-search">
        <label htmlFor="message-search" className="visually-hidden">
          Search messages
        </label>
        <span className="filter-icon">
          <SearchIcon />
        </span>
        <input
          id="message-search"
          className="filter-input"
          type="search"
          placeholder="Search, or paste a message_id"
          autoComplete="off"
          spellCheck={false}
          value={search}
          onChange={onSearchChange}
          onKeyDown={(event) => {
            const id = event.key === 'Enter' ? asMessageId(search) : null
            if (id) showMessage(id)
          }}
        />
      </div>
      <label className="toolbar-field">
        <span className="visually-hidden">Status</span>
        <select
          className="toolbar-select"
          value={filters.status ?? ''}
          onChange={(event) => setFilters({ status: (event.target.value || null) as MessageStatus | null })}
        >
          <option value="">Any status</option>
          {messageStatuses.map((status) => (
            <option key={status} value={status}>
              {statusLabels[status]}
            </option>
          ))}
        </select>
      </label>
      <SubscriptionFilter />
      <TopicFilter />
      {filters.event ? (
        <span className="filter-chip">
          Event <code>{filters.event.event_id.slice(0, 8)}</code>
          <button
            type="button"
            className="chip-remove"
            aria-label="Show messages of every event"
            onClick={() => setFilters({ event: null, topic: null })}
          >
            ×
          </button>
        </span>
      ) : null}
    </div>
  )
}

function SubscriptionFilter() {
  const value = useAppStore((state) => state.messageFilters.subscription_id)
  const labels = useAppStore((state) => state.subscriptionLabels.items)
  const setFilters = useAppStore((state) => state.setMessageFilters)
  return (
    <label className="toolbar-field">
      <span className="visually-hidden">Subscription</span>
      <select
        className="toolbar-select"
        value={value ?? ''}
        onChange={(event) => setFilters({ subscription_id: event.target.value || null })}
      >
        <option value="">Any subscription</option>
        {labels.map((label) => (
          <option key={label.id} value={label.id}>
            {label.name}
            {label.enabled ? '' : ' (disabled)'}
          </option>
        ))}
      </select>
    </label>
  )
}

function TopicFilter() {
  const value = useAppStore((state) => state.messageFilters.topic)
  const profiles = useAppStore((state) => state.catalog.profiles)
  const catalogStatus = useAppStore((state) => state.catalog.status)
  const loadCatalog = useAppStore((state) => state.loadCatalog)
  const setFilters = useAppStore((state) => state.setMessageFilters)

  useEffect(() => {
    if (catalogStatus === 'idle') void loadCatalog()
  }, [catalogStatus, loadCatalog])

  const known = profiles.some((profile) => profile.event_types.some((type) => type.topic === value))
  return (
    <label className="toolbar-field">
      <span className="visually-hidden">Topic</span>
      <select
        className="toolbar-select"
        value={value ?? ''}
        onChange={(event) => setFilters({ topic: event.target.value || null })}
      >
        <option value="">Any topic</option>
        {value && !known ? <option value={value}>{value}</option> : null}
        {profiles.map((profile) => (
          <optgroup key={profile.id} label={profile.name}>
            {profile.event_types.map((type) => (
              <option key={type.topic} value={type.topic}>
                {type.topic}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </label>
  )
}
