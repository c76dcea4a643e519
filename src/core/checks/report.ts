import type { CheckLevel, CheckRequest, CheckResponse, CheckResult } from '../../shared/domain/check-run.ts'
import type { SubscriptionProfile } from '../../shared/domain/subscription.ts'

/**
 * What `hookbench check` (and whoever else runs the checks) gets back: one result per check, in
 * the order they ran, with the request as sent and the answer as received. The result's shape is
 * declared with the API's schemas (src/shared/domain/check-run.ts).
 */
export type { CheckLevel, CheckRequest, CheckResponse, CheckResult }

/** The webhook dialects an endpoint can be checked against: the subscription profiles. */
export type CheckProfile = SubscriptionProfile

export type Credentials =
  | { scheme: 'basic'; username: string; password: string }
  | { scheme: 'bearer'; token: string }

export interface CheckReport {
  url: string
  profile: CheckProfile
  started_at: string
  finished_at: string
  passed: number
  failed: number
  skipped: number
  checks: CheckResult[]
}

export interface CheckOptions {
  url: string
  profile: CheckProfile
  /** The endpoint's Standard Webhooks secret (`whsec_…`); the signature checks are skipped without it. */
  secret?: string | null
  /** Sent with every request; Rustici's credential checks are skipped without them. */
  credentials?: Credentials | null
  /** Per request, and the limit of `answers-in-time` (default 15 s, a subscription's default). */
  timeoutMs?: number
  /** Only these check ids, in the usual order. */
  only?: readonly string[]
  /** Stops before the next check (the one running finishes). */
  signal?: AbortSignal
  userAgent?: string
  /** Time for timestamps; tests pass a fixed clock. */
  now?: () => number
}

export const DEFAULT_CHECK_TIMEOUT_MS = 15_000

/** True when no `must` check failed: `hookbench check` exits 0. */
export function mustChecksPassed(report: CheckReport): boolean {
  return report.checks.every((check) => check.level !== 'must' || check.ok !== false)
}
