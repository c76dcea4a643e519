import type { CheckRun } from '../../../../shared/domain/check-run.ts'
import { useAppStore } from '../../state/index.ts'
import { subscriptionHref } from '../../state/routes.ts'
import { ErrorState } from '../../ui/ErrorState.tsx'
import { formatDateTime } from '../../ui/format.ts'
import { CheckRow } from './CheckRow.tsx'
import { plannedChecks, runSummary } from './check-status.ts'

const runStatusLabels: Record<CheckRun['status'], string> = {
  running: 'Running',
  finished: 'Finished',
  cancelled: 'Cancelled',
  failed: 'Stopped',
}

/** The open run: its checks as they come, each expandable to the request and the answer. */
export function RunReport() {
  const run = useAppStore((state) => state.checkRun)
  const show = useAppStore((state) => state.showCheckRun)
  const refresh = useAppStore((state) => state.refreshCheckRun)

  if (run.value === null || run.value.check_run_id !== run.id) {
    return (
      <section className="chk-card chk-report" aria-label="Check run">
        {run.status === 'error' ? (
          <ErrorState
            title="Could not open this run"
            error={run.error}
            hint="It may have been deleted; pick another from the history."
            onRetry={() => void refresh()}
          />
        ) : (
          <p className="muted">Loading the run…</p>
        )}
      </section>
    )
  }
  const value = run.value
  return (
    <section className="chk-card chk-report" aria-labelledby="chk-report-title">
      <header className="chk-report-header">
        <div className="chk-report-heading">
          <h2 id="chk-report-title" className="chk-card-title">
            <span className={`chk-run-status is-${value.status}`}>{runStatusLabels[value.status]}</span>{' '}
            <code className="chk-report-url">{value.url}</code>
          </h2>
          <p className="muted">
            {value.profile} · started {formatDateTime(value.started_at)} · {value.timeout_ms} ms timeout
            {value.has_secret ? ' · signed' : ' · unsigned'}
            {value.credentials ? ` · ${value.credentials} credentials` : ''}
            {value.subscription_id ? (
              <>
                {' · from subscription '}
                <a href={subscriptionHref({ kind: 'edit', id: value.subscription_id })}>
                  {value.subscription_id}
                </a>
              </>
            ) : null}
          </p>
        </div>
        <button
          type="button"
          className="button button-small button-icon"
          aria-label="Close run"
          onClick={() => show(null)}
        >
          ×
        </button>
      </header>
      <RunSummaryLine run={value} />
      <ol className="chk-checks" aria-label="Checks">
        {plannedChecks(value).map((check) => (
          <CheckRow key={check.id} check={check} run={value} />
        ))}
      </ol>
    </section>
  )
}

function RunSummaryLine({ run }: { run: CheckRun }) {
  const action = useAppStore((state) => state.checkRunAction)
  const cancel = useAppStore((state) => state.cancelCheckRun)
  const summary = runSummary(run)
  const cancelling = action.status === 'saving' && action.checkId === null
  return (
    <div className={`chk-summary is-${summary.tone}`} role="status" data-testid="check-summary">
      <div>
        <p className="chk-summary-counts">{summary.counts}</p>
        <p className="chk-summary-verdict">{summary.verdict}</p>
        {action.status === 'error' ? (
          <p className="field-error" role="alert">
            {action.error?.message}
          </p>
        ) : null}
      </div>
      <div className="chk-summary-actions">
        {run.status === 'running' ? (
          <button
            type="button"
            className="button button-small"
            disabled={cancelling}
            onClick={() => void cancel()}
          >
            {cancelling ? 'Cancelling…' : 'Cancel'}
          </button>
        ) : null}
      </div>
    </div>
  )
}
