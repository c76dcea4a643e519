import type { ReactNode } from 'react'

interface ChipProps {
  children: ReactNode
  /** Accessible name of the remove button, e.g. "Remove topic user.created". */
  removeLabel: string
  onRemove: () => void
  invalid?: boolean
  /** Makes the chip's text a button (e.g. to edit a filter). */
  onOpen?: (() => void) | undefined
  openLabel?: string | undefined
  current?: boolean
}

export function Chip({ children, removeLabel, onRemove, invalid, onOpen, openLabel, current }: ChipProps) {
  const className = ['topic-chip', invalid ? 'is-invalid' : '', current ? 'is-current' : '']
    .filter(Boolean)
    .join(' ')
  return (
    <li className={className}>
      {onOpen ? (
        <button
          type="button"
          className="topic-chip-text topic-chip-open"
          aria-label={openLabel}
          aria-expanded={current}
          onClick={onOpen}
        >
          {children}
        </button>
      ) : (
        <span className="topic-chip-text">{children}</span>
      )}
      <button type="button" className="topic-chip-remove" aria-label={removeLabel} onClick={onRemove}>
        ×
      </button>
    </li>
  )
}
