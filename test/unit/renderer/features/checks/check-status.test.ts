import { describe, expect, it } from 'vitest'
import { plannedChecks, runSummary } from '../../../../../src/renderer/src/features/checks/check-status.ts'
import { result, run } from './fixtures.ts'

const statuses = (value: ReturnType<typeof run>) => plannedChecks(value).map((check) => check.status)

describe('each planned check of a run', () => {
  it('is listed at once, waiting, then running, then with its verdict as results come', () => {
    expect(statuses(run())).toEqual(['pending', 'pending', 'pending', 'pending'])
    expect(statuses(run({ running_check_id: 'c', checks: [result('a', true), result('b', null)] }))).toEqual([
      'passed',
      'skipped',
      'running',
      'pending',
    ])
  })

  it('shows a rerun as running while keeping its last result', () => {
    const [first] = plannedChecks(run({ running_check_id: 'a', checks: [result('a', false)] }))
    expect(first?.status).toBe('running')
    expect(first?.result?.ok).toBe(false)
  })

  it('says what a cancelled run never reached', () => {
    expect(statuses(run({ status: 'cancelled', checks: [result('a', false)] }))).toEqual([
      'failed',
      'not-run',
      'not-run',
      'not-run',
    ])
  })
})

describe("a run's summary line", () => {
  it('says all must checks pass when none failed', () => {
    const summary = runSummary(
      run({ status: 'finished', passed: 3, skipped: 1, checks: [result('a', true)] }),
    )
    expect(summary).toEqual({
      counts: '3 passed, 0 failed, 1 skipped',
      verdict: 'All must checks pass.',
      tone: 'ok',
    })
  })

  it('does not call a run green when must checks were skipped, and says what would run them', () => {
    const summary = runSummary(
      run({
        status: 'finished',
        passed: 1,
        skipped: 3,
        checks: [
          result('a', true),
          result('b', null, { observed: 'skipped: no signing secret given' }),
          result('c', null, { observed: 'skipped: no signing secret given' }),
          result('d', null, { observed: 'skipped: no credentials given (Basic or bearer)' }),
        ],
      }),
    )
    expect(summary).toEqual({
      counts: '1 passed, 0 failed, 3 skipped',
      verdict:
        'The must checks that ran pass; 3 checks were skipped: give the signing secret and credentials to run them.',
      tone: 'neutral',
    })
  })

  it('names the must checks that failed, not the should ones', () => {
    const summary = runSummary(
      run({
        status: 'finished',
        failed: 3,
        checks: [result('a', false), result('b', false, { level: 'should' }), result('c', false)],
      }),
    )
    expect(summary.verdict).toBe('Must checks that failed: a, c.')
    expect(summary.tone).toBe('fail')
  })

  it('counts progress while running, and says why a run stopped', () => {
    expect(runSummary(run({ passed: 1, skipped: 1 })).counts).toBe(
      '1 passed, 0 failed, 1 skipped — 2 of 4 done',
    )
    expect(runSummary(run({ status: 'failed', error: 'Hookbench closed while it ran' })).verdict).toBe(
      'The run stopped: Hookbench closed while it ran.',
    )
  })
})
