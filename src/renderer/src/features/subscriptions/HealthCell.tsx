import type { ReactNode } from 'react'
import type { Subscription } from '../../../../shared/domain/subscription.ts'
import { useAppStore } from '../../state/index.ts'
import { relativeTime } from '../../ui/format.ts'

const STATUS_TONE = { delivered: 'ok', pending: 'muted', failed: 'danger', exhausted: 'danger' } as const

/** Last delivery and failure streak, from the newest few messages of this subscription. */
export function HealthCell({ subscription }: { subscription: Subscription }) {
  const health = useAppStore((state) => state.subscriptionHealth[subscription.id])
  const disabledReason = !subscription.enabled ? subscription.disabled_reason : null

  let summary: ReactNode
  if (!health || health.status === 'loading') summary = <span className="muted">…</span>
  else if (health.status === 'error') summary = <span className="muted">unknown</span>
  else if (!health.last) summary = <span className="muted">No deliveries yet</span>
  else {
    const { last, streak } = health
    const tone = streak > 0 ? 'danger' : STATUS_TONE[last.status]
    summary = (
      <span className="subs-health-summary">
        <span className={`status-dot is-${tone}`} aria-hidden="true" />
        <span>
          {last.status === 'pending' && streak > 0 ? 'retrying' : last.status}
          {last.code !== null ? ` · HTTP ${last.code}` : ''}
        </span>
        {streak > 1 ? <span className="subs-health-streak">{streak} failing in a row</span> : null}
        <span className="muted" title={last.at}>
          {relativeTime(last.at)}
        </span>
      </span>
    )
  }
  return (
    <div className="subs-health">
      {summary}
      {disabledReason ? (
        <span className="subs-health-disabled" title={disabledReason}>
          Disabled: {disabledReason}
        </span>
      ) : null}
    </div>
  )
}
