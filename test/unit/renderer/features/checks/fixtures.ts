import type {
  CheckDefinitionSummary,
  CheckResult,
  CheckRun,
} from '../../../../../src/shared/domain/check-run.ts'

/** A check of the standard profile, as `GET /api/check-definitions` lists it. */
export function definition(id: string, fields: Partial<CheckDefinitionSummary> = {}): CheckDefinitionSummary {
  return { id, title: id, level: 'must', needs: [], profiles: ['standard'], ...fields }
}

export function result(id: string, ok: boolean | null, fields: Partial<CheckResult> = {}): CheckResult {
  return {
    id,
    title: id,
    level: 'must',
    ok,
    expected: '2xx',
    observed: ok === null ? 'skipped: no --secret' : ok ? '200 OK in 3 ms' : '500 in 3 ms',
    request: { method: 'POST', url: 'http://127.0.0.1:3000/hook', headers: [], body: '{}' },
    response: null,
    error: null,
    ...fields,
  }
}

/** A run planning checks a, b, c and d, with the results given. */
export function run(fields: Partial<CheckRun> = {}): CheckRun {
  return {
    check_run_id: 'chk_1',
    url: 'http://127.0.0.1:3000/hook',
    profile: 'standard',
    status: 'running',
    started_at: '2026-12-02T09:00:00.000Z',
    finished_at: null,
    passed: 0,
    failed: 0,
    skipped: 0,
    total: 4,
    must_passed: true,
    running_check_id: null,
    subscription_id: null,
    error: null,
    planned: ['a', 'b', 'c', 'd'].map((id) => ({ id, title: `Check ${id}`, level: 'must' as const })),
    checks: [],
    timeout_ms: 15_000,
    has_secret: false,
    credentials: null,
    ...fields,
  }
}
