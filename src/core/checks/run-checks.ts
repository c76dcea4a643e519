import { HookbenchError } from '../../shared/errors.ts'
import { isValidSecret } from '../signing/standard-webhooks.ts'
import { type CheckDefinition, type CheckNeed, checkDefinitions } from './definitions.ts'
import { Probe } from './probe.ts'
import {
  type CheckOptions,
  type CheckProfile,
  type CheckReport,
  type CheckResult,
  DEFAULT_CHECK_TIMEOUT_MS,
} from './report.ts'

/** Every check id, in the order they run. */
export const checkIds: readonly string[] = checkDefinitions.map((check) => check.id)

/** What a check is, before it runs (for listing the checks of a profile). */
export interface CheckSummary {
  id: string
  title: string
  level: CheckResult['level']
}

/**
 * The checks a run of these options makes, in order: the profile's, narrowed to `only`. Refuses
 * (bad_request) what runChecks would refuse — a URL, secret or timeout it cannot use, a check id
 * that does not exist or is not a check of this profile — so a caller can say so before starting.
 */
export function planChecks(options: CheckOptions): CheckSummary[] {
  validate(options)
  return planned(options.profile, options.only).map(({ id, title, level }) => ({ id, title, level }))
}

function planned(profile: CheckProfile, only?: readonly string[]): CheckDefinition[] {
  const applicable = checkDefinitions.filter((check) => check.appliesTo?.(profile) ?? true)
  if (only === undefined) return applicable
  for (const [index, id] of only.entries()) {
    const check = checkDefinitions.find((each) => each.id === id)
    if (!check) throw badInput(`only.${index}`, `Unknown check "${id}". The checks: ${checkIds.join(', ')}.`)
    if (!applicable.includes(check)) {
      throw badInput(`only.${index}`, `"${id}" is not a check of the ${profile} profile.`)
    }
  }
  return applicable.filter((check) => only.includes(check.id))
}

const SKIPPED_BECAUSE: Record<CheckNeed, string> = {
  secret: 'skipped: no signing secret given',
  credentials: 'skipped: no credentials given (Basic or bearer)',
}

/**
 * Runs the checks against `options.url`, one after another (duplicates and ordering depend on
 * it), handing each result to `onResult` as soon as it is known, and returns the whole report.
 * Nothing is stored: the endpoint is all that is touched.
 */
export async function runChecks(
  options: CheckOptions,
  onResult: (result: CheckResult) => void = () => {},
): Promise<CheckReport> {
  validate(options)
  const checks = planned(options.profile, options.only)
  const now = options.now ?? Date.now
  const probe = new Probe({
    url: options.url,
    profile: options.profile,
    secret: options.secret ?? null,
    credentials: options.credentials ?? null,
    timeoutMs: options.timeoutMs ?? DEFAULT_CHECK_TIMEOUT_MS,
    userAgent: options.userAgent ?? 'Hookbench-check',
    now,
  })
  const startedAt = new Date(now()).toISOString()
  const results: CheckResult[] = []
  for (const check of checks) {
    options.signal?.throwIfAborted()
    const result = await runOne(check, probe)
    results.push(result)
    onResult(result)
  }
  return {
    url: options.url,
    profile: options.profile,
    started_at: startedAt,
    finished_at: new Date(now()).toISOString(),
    passed: results.filter((result) => result.ok === true).length,
    failed: results.filter((result) => result.ok === false).length,
    skipped: results.filter((result) => result.ok === null).length,
    checks: results,
  }
}

async function runOne(check: CheckDefinition, probe: Probe): Promise<CheckResult> {
  const { id, title, level } = check
  const missing = check.needs.find((need) =>
    need === 'secret' ? !probe.settings.secret : !probe.settings.credentials,
  )
  if (missing) {
    const observed = SKIPPED_BECAUSE[missing]
    return { id, title, level, ok: null, expected: '', observed, request: null, response: null, error: null }
  }
  try {
    const { ok, expected, observed, exchange } = await check.run(probe)
    return { id, title, level, ok, expected, observed, ...exchange }
  } catch (error) {
    // A request that could not even be built: the check fails, the run goes on.
    const message = error instanceof Error ? error.message : String(error)
    return {
      id,
      title,
      level,
      ok: false,
      expected: '',
      observed: message,
      request: null,
      response: null,
      error: message,
    }
  }
}

function validate(options: CheckOptions): void {
  if (!/^https?:\/\/./.test(options.url) || !URL.canParse(options.url)) {
    throw badInput('url', `"${options.url}" is not an http:// or https:// URL.`)
  }
  if (options.secret && !isValidSecret(options.secret)) {
    throw badInput('secret', 'The secret is not a Standard Webhooks secret (whsec_ and base64).')
  }
  const timeout = options.timeoutMs
  if (timeout !== undefined && (!Number.isInteger(timeout) || timeout < 1)) {
    throw badInput('timeout_ms', 'The timeout is a whole number of milliseconds, 1 or more.')
  }
}

/** A 400 whose one issue names the field, as every other bad input is answered. */
function badInput(path: string, message: string): HookbenchError {
  return new HookbenchError('bad_request', message, { issues: [{ path, message }] })
}
