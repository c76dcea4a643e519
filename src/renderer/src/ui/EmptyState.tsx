import type { ReactNode } from 'react'

interface EmptyStateProps {
  icon: ReactNode
  title: string
  children: ReactNode
  note?: string
}

/** What a page will do, said honestly while it has nothing to show. */
export function EmptyState({ icon, title, children, note }: EmptyStateProps) {
  return (
    <div className="empty-state">
      <div className="empty-state-icon">{icon}</div>
      <h2 className="empty-state-title">{title}</h2>
      <p className="empty-state-body">{children}</p>
      {note ? <p className="empty-state-note">{note}</p> : null}
    </div>
  )
}
