import type { CheckRunSummary } from '../../../../shared/domain/check-run.ts'
import { useAppStore } from '../../state/index.ts'
import { formatCount, formatDateTime, formatTime, plural } from '../../ui/format.ts'
import { rowOpener } from '../../ui/row-opener.ts'
import { TableHead } from '../../ui/TableHead.tsx'

/** Earlier runs, newest first, a page at a time; a row opens its report. */
export function RunHistory() {
  const runs = useAppStore((state) => state.checkRuns)
  const openId = useAppStore((state) => state.checkRun.id)
  const load = useAppStore((state) => state.loadCheckRuns)
  const loadOlder = useAppStore((state) => state.loadOlderCheckRuns)
  return (
    <section className="chk-card chk-history" aria-labelledby="chk-history-title">
      <div className="chk-history-head">
        <h2 id="chk-history-title" className="chk-card-title">
          History
        </h2>
        <button
          type="button"
          className="button button-small push-right"
          disabled={runs.status === 'loading'}
          onClick={() => void load()}
        >
          Refresh
        </button>
      </div>
      {runs.error ? (
        <p className="inline-error" role="alert">
          Could not list the runs: {runs.error.message}
        </p>
      ) : null}
      {runs.items.length === 0 ? (
        <p className="muted">
          {runs.status === 'loading' ? 'Loading…' : 'No runs yet: runs you start are kept here.'}
        </p>
      ) : (
        <table className="data-table chk-history-table" aria-label="Check runs">
          <TableHead columns={['Started', 'URL', 'Profile', ['Result', 'chk-col-result']]} />
          <tbody>
            {runs.items.map((run) => (
              <HistoryRow key={run.check_run_id} run={run} selected={run.check_run_id === openId} />
            ))}
          </tbody>
        </table>
      )}
      {runs.items.length > 0 ? (
        <div className="chk-history-foot">
          <span className="muted" data-testid="check-run-count">
            {formatCount(runs.items.length)} of {plural(runs.total, 'run')}
          </span>
          {runs.nextCursor ? (
            <button
              type="button"
              className="button button-small"
              disabled={runs.loadingMore || runs.status === 'loading'}
              onClick={() => void loadOlder()}
            >
              {runs.loadingMore ? 'Loading…' : 'Show older'}
            </button>
          ) : null}
        </div>
      ) : null}
    </section>
  )
}

function HistoryRow({ run, selected }: { run: CheckRunSummary; selected: boolean }) {
  const show = useAppStore((state) => state.showCheckRun)
  return (
    <tr
      className={selected ? 'chk-history-row is-selected' : 'chk-history-row'}
      aria-selected={selected}
      data-testid="check-run-row"
      {...rowOpener(() => show(run.check_run_id))}
    >
      <td>
        <time dateTime={run.started_at} title={formatDateTime(run.started_at)}>
          {formatTime(run.started_at)}
        </time>
      </td>
      <td className="chk-history-url">
        <code title={run.url}>{run.url}</code>
        {run.subscription_id ? (
          <span className="chk-from-sub">from subscription {run.subscription_id}</span>
        ) : null}
      </td>
      <td>
        <span className="badge">{run.profile}</span>
      </td>
      <td className="chk-col-result">
        {run.status === 'running' ? (
          <span className="muted">running…</span>
        ) : (
          <>
            <span className="text-ok">{run.passed} passed</span>
            {' · '}
            <span className={run.failed > 0 ? 'text-danger' : 'muted'}>{run.failed} failed</span>
            {run.status === 'cancelled' ? <span className="muted"> · cancelled</span> : null}
          </>
        )}
      </td>
    </tr>
  )
}
