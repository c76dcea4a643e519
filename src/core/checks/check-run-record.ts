import { z } from 'zod'
import {
  type CheckResult,
  type CheckRun,
  CheckRunSchema,
  type CheckRunSummary,
} from '../../shared/domain/check-run.ts'
import { REDACTED } from '../../shared/redacted.ts'
import type { SecretBox } from '../secrets/secret-box.ts'
import type { Credentials } from './report.ts'

/**
 * A check run as the `check_runs` log keeps it: the report the API shows, plus the run's signing
 * secret and credentials sealed with the SecretBox (a rerun of one check needs them). A sealed
 * value is `••••` when the run came from an export without secrets: it was given, but is not here.
 */
export const StoredCheckRunSchema = CheckRunSchema.omit({ has_secret: true, credentials: true }).extend({
  secret: z.string().nullable(),
  /** Basic is sealed as `user:password`, bearer as the token. */
  credentials: z.object({ scheme: z.enum(['basic', 'bearer']), sealed: z.string() }).nullable(),
})
export type StoredCheckRun = z.infer<typeof StoredCheckRunSchema>

/** A sealed value that was left out of the export this run was imported from. */
export function isLeftOut(sealed: string | null): boolean {
  return sealed === REDACTED
}

export function summaryOf(run: StoredCheckRun): CheckRunSummary {
  const { planned: _p, checks: _c, timeout_ms: _t, secret: _s, credentials: _k, ...summary } = run
  return summary
}

/** What the API shows: never a secret, only whether the run has one to rerun with. */
export function publicOf(run: StoredCheckRun): CheckRun {
  const { secret, credentials, ...rest } = run
  return {
    ...rest,
    has_secret: secret !== null && !isLeftOut(secret),
    credentials: credentials && !isLeftOut(credentials.sealed) ? credentials.scheme : null,
  }
}

/** The run's totals recounted from its results (after a result came in or was replaced). */
export function withResults(run: StoredCheckRun, checks: CheckResult[]): StoredCheckRun {
  return {
    ...run,
    checks,
    passed: checks.filter((check) => check.ok === true).length,
    failed: checks.filter((check) => check.ok === false).length,
    skipped: checks.filter((check) => check.ok === null).length,
    must_passed: checks.every((check) => check.level !== 'must' || check.ok !== false),
  }
}

/** What the user gave, as the API takes it. */
export interface GivenSecrets {
  secret?: string | null | undefined
  basic?: string | null | undefined
  bearer?: string | null | undefined
}

/** `user:password` (the password may hold colons) or a bearer token, as the checks send them. */
export function credentialsOf(given: GivenSecrets): Credentials | null {
  if (given.bearer) return { scheme: 'bearer', token: given.bearer }
  if (!given.basic) return null
  const colon = given.basic.indexOf(':')
  return { scheme: 'basic', username: given.basic.slice(0, colon), password: given.basic.slice(colon + 1) }
}

export function sealedSecretsOf(
  box: SecretBox,
  secret: string | null,
  credentials: Credentials | null,
): Pick<StoredCheckRun, 'secret' | 'credentials'> {
  return {
    secret: secret ? box.seal(secret) : null,
    credentials:
      credentials === null
        ? null
        : credentials.scheme === 'bearer'
          ? { scheme: 'bearer', sealed: box.seal(credentials.token) }
          : { scheme: 'basic', sealed: box.seal(`${credentials.username}:${credentials.password}`) },
  }
}

/** The run's own secret and credentials, opened; a left-out one is null (the caller says so). */
export function openedSecretsOf(
  box: SecretBox,
  run: Pick<StoredCheckRun, 'secret' | 'credentials'>,
): { secret: string | null; credentials: Credentials | null } {
  const secret = run.secret === null || isLeftOut(run.secret) ? null : box.open(run.secret)
  const sealed = run.credentials
  if (sealed === null || isLeftOut(sealed.sealed)) return { secret, credentials: null }
  const plain = box.open(sealed.sealed)
  return {
    secret,
    credentials: credentialsOf(sealed.scheme === 'bearer' ? { bearer: plain } : { basic: plain }),
  }
}
