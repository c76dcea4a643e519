import { useState } from 'react'
import type { CheckRun } from '../../../../shared/domain/check-run.ts'
import { CheckDetail } from './CheckDetail.tsx'
import { type PlannedCheck, type PlannedStatus, plannedStatusLabels } from './check-status.ts'
import { LevelBadge } from './LevelBadge.tsx'

const marks: Record<PlannedStatus, string> = {
  pending: '·',
  running: '…',
  passed: '✓',
  failed: '✗',
  skipped: '–',
  'not-run': '·',
}

/** One planned check: its status and what was observed; opens to the request and the answer. */
export function CheckRow({ check, run }: { check: PlannedCheck; run: CheckRun }) {
  const [open, setOpen] = useState(false)
  const detailId = `chk-detail-${check.id}`
  const result = check.result
  return (
    <li
      className={`chk-check is-${check.status}`}
      data-testid={`check-${check.id}`}
      data-status={check.status}
    >
      <button
        type="button"
        className="chk-check-head"
        aria-expanded={open}
        aria-controls={detailId}
        disabled={result === null}
        onClick={() => setOpen(!open)}
      >
        <span className="chk-mark" role="img" aria-label={plannedStatusLabels[check.status]}>
          {marks[check.status]}
        </span>
        <span className="chk-check-main">
          <span className="chk-check-title">
            {check.title} <LevelBadge level={check.level} />
          </span>
          <span className="chk-check-observed">
            {result
              ? result.observed
              : check.status === 'running'
                ? 'Running…'
                : plannedStatusLabels[check.status]}
          </span>
        </span>
        <code className="chk-check-id">{check.id}</code>
      </button>
      {open && result ? (
        <div id={detailId} className="chk-check-detail">
          <CheckDetail result={result} run={run} />
        </div>
      ) : null}
    </li>
  )
}
