import { useMemo } from 'react'
import type { AttemptRecord } from '../../../../shared/domain/message.ts'
import { diffHeaders } from './header-diff.ts'
import { shownValue } from './masking.ts'

interface HeaderDiffProps {
  previous: AttemptRecord
  current: AttemptRecord
  revealed: boolean
}

/** What this attempt's request headers changed against attempt n−1 (e.g. a new timestamp and signature). */
export function HeaderDiff({ previous, current, revealed }: HeaderDiffProps) {
  const changes = useMemo(
    () => diffHeaders(previous.request.headers, current.request.headers),
    [previous, current],
  )
  return (
    <section className="messages-attempt-section" aria-label={`Changes since attempt ${previous.number}`}>
      <header className="messages-attempt-section-header">
        <h4>Headers vs attempt {previous.number}</h4>
        {previous.request.url !== current.request.url ? <span className="badge">URL changed</span> : null}
        {previous.request.body !== current.request.body ? <span className="badge">body changed</span> : null}
      </header>
      {changes.length === 0 ? (
        <p className="muted">Same headers{revealed ? '' : ' (masked values compare as shown)'}.</p>
      ) : (
        <ul className="messages-diff-list">
          {changes.map((change) => (
            <li key={change.name} className={`messages-diff-item messages-diff-${change.kind}`}>
              <span className="messages-diff-kind">{change.kind}</span>
              <code className="diff-name">{change.name}</code>
              {change.before !== null ? (
                <del className="messages-diff-before">{shownValue(change.name, change.before, revealed)}</del>
              ) : null}
              {change.after !== null ? (
                <ins className="messages-diff-after">{shownValue(change.name, change.after, revealed)}</ins>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
