import type { CheckLevel, CheckResult, CheckRun } from '../../../../shared/domain/check-run.ts'

/** Where one planned check of a run is: waiting, running now, or its verdict. */
export type PlannedStatus = 'pending' | 'running' | 'passed' | 'failed' | 'skipped' | 'not-run'

export interface PlannedCheck {
  id: string
  title: string
  level: CheckLevel
  status: PlannedStatus
  /** The last result (kept while a rerun of it runs); null before its first. */
  result: CheckResult | null
}

export const plannedStatusLabels: Record<PlannedStatus, string> = {
  pending: 'Waiting',
  running: 'Running',
  passed: 'Passed',
  failed: 'Failed',
  skipped: 'Skipped',
  'not-run': 'Not run',
}

/** Every planned check in order, with its status: results come in one by one while the run runs. */
export function plannedChecks(run: CheckRun): PlannedCheck[] {
  const results = new Map(run.checks.map((result) => [result.id, result]))
  return run.planned.map((check) => {
    const result = results.get(check.id) ?? null
    return { ...check, result, status: statusOf(run, check.id, result) }
  })
}

function statusOf(run: CheckRun, id: string, result: CheckResult | null): PlannedStatus {
  if (run.status === 'running' && run.running_check_id === id) return 'running'
  if (result) return result.ok === null ? 'skipped' : result.ok ? 'passed' : 'failed'
  // A cancelled or broken-off run never reached the rest.
  return run.status === 'running' ? 'pending' : 'not-run'
}

export interface RunSummary {
  /** "8 passed, 5 failed, 0 skipped" (and how far a running run is). */
  counts: string
  /** Whether the must checks pass, or which failed; why the run stopped, when it did. */
  verdict: string
  tone: 'ok' | 'fail' | 'neutral'
}

/** The line under a run's title, as `hookbench check` ends its output. */
export function runSummary(run: CheckRun): RunSummary {
  const done = run.passed + run.failed + run.skipped
  const progress = run.status === 'running' ? ` — ${done} of ${run.total} done` : ''
  const counts = `${run.passed} passed, ${run.failed} failed, ${run.skipped} skipped${progress}`
  const failedMust = run.checks.filter((check) => check.level === 'must' && check.ok === false)
  if (failedMust.length > 0) {
    const ids = failedMust.map((check) => check.id).join(', ')
    return { counts, verdict: `Must checks that failed: ${ids}.`, tone: 'fail' }
  }
  switch (run.status) {
    case 'running':
      return { counts, verdict: 'No must check has failed so far.', tone: 'neutral' }
    case 'finished': {
      // Skipped must checks proved nothing: say what would run them instead of a green "pass".
      const skippedMust = run.checks.filter((check) => check.level === 'must' && check.ok === null)
      if (skippedMust.length === 0) return { counts, verdict: 'All must checks pass.', tone: 'ok' }
      const lacking = [
        skippedMust.some((check) => check.observed.includes('secret')) ? 'the signing secret' : null,
        skippedMust.some((check) => check.observed.includes('credentials')) ? 'credentials' : null,
      ].filter((need) => need !== null)
      const checks = skippedMust.length === 1 ? 'check was' : 'checks were'
      return {
        counts,
        verdict: `The must checks that ran pass; ${skippedMust.length} ${checks} skipped: give ${lacking.join(' and ')} to run them.`,
        tone: 'neutral',
      }
    }
    case 'cancelled':
      return {
        counts,
        verdict: `Cancelled after ${done} of ${run.total} checks; no must check failed.`,
        tone: 'neutral',
      }
    case 'failed':
      return { counts, verdict: `The run stopped: ${run.error ?? 'no reason given'}.`, tone: 'fail' }
    default: {
      const unreachable: never = run.status
      return unreachable
    }
  }
}
