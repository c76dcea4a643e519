import type { KeyboardEvent } from 'react'
import type { AttemptRecord } from '../../../../shared/domain/message.ts'
import { formatLatency, formatTime } from '../../ui/format.ts'

interface AttemptTimelineProps {
  attempts: readonly AttemptRecord[]
  selectedId: string | null
  onSelect: (attemptId: string) => void
}

const TRIGGERS: Record<AttemptRecord['trigger'], string> = {
  scheduled: 'first try',
  retry: 'retry',
  replay: 'replay',
  'token-refresh': 'after token refresh',
}

/** Every attempt in order, as tabs: ← → move between them, the panel below shows the chosen one. */
export function AttemptTimeline({ attempts, selectedId, onSelect }: AttemptTimelineProps) {
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const next =
      event.key === 'ArrowRight' || event.key === 'ArrowDown'
        ? index + 1
        : event.key === 'ArrowLeft' || event.key === 'ArrowUp'
          ? index - 1
          : null
    const target = next === null ? undefined : attempts[next]
    if (!target) return
    event.preventDefault()
    onSelect(target.attempt_id)
    event.currentTarget.parentElement?.querySelectorAll<HTMLButtonElement>('[role="tab"]')[next ?? 0]?.focus()
  }

  return (
    <div className="messages-timeline" role="tablist" aria-label="Attempts">
      {attempts.map((attempt, index) => {
        const selected = attempt.attempt_id === selectedId
        const code = attempt.response?.status
        return (
          <button
            key={attempt.attempt_id}
            type="button"
            role="tab"
            id={`attempt-tab-${attempt.attempt_id}`}
            aria-selected={selected}
            aria-controls="attempt-panel"
            tabIndex={selected ? 0 : -1}
            className={`messages-timeline-item messages-outcome-${attempt.outcome}`}
            onClick={() => onSelect(attempt.attempt_id)}
            onKeyDown={(event) => onKeyDown(event, index)}
          >
            <span className="messages-timeline-dot" aria-hidden="true" />
            <span className="messages-timeline-title">
              #{attempt.number} · {code !== undefined ? `HTTP ${code}` : 'no response'}
            </span>
            <span className="messages-timeline-meta">
              {TRIGGERS[attempt.trigger]} · {formatLatency(attempt.duration_ms)} ·{' '}
              {formatTime(attempt.started_at)}
            </span>
          </button>
        )
      })}
    </div>
  )
}
