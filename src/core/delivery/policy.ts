import type { AttemptRecord, MessageRecord } from '../../shared/domain/message.ts'
import type { Subscription } from '../../shared/domain/subscription.ts'
import { nextAttemptAt, parseRetryAfter } from '../../shared/retry.ts'

/**
 * What happens after an attempt, as a pure function of its outcome: no clock, store or network,
 * so each rule is tested on its own. The engine applies the decision (writes the message, disables
 * the subscription, queues the retry).
 */

/** The subscription settings the policy reads. */
export type PolicySettings = Pick<Subscription, 'retry_schedule' | 'time_scale' | 'disable_after_failing_ms'>

export interface AttemptOutcome {
  settings: PolicySettings
  /** The last attempt of this step (the second one after an OAuth token refresh). */
  last: Pick<AttemptRecord, 'outcome' | 'response'>
  /** Attempts made in the message's current delivery cycle, this step's included. */
  attemptsMade: number
  now: number
  /** When every delivery of the subscription began failing, or undefined while they succeed. */
  failingSince: number | undefined
  random: () => number
}

export interface Decision {
  /** The message's new state. */
  message: Pick<MessageRecord, 'status' | 'status_reason' | 'next_attempt_at'>
  /** Why to disable the subscription, or null to leave it as it is. */
  disable: string | null
  /**
   * When the subscription's failures began, counting this attempt; null once one succeeds.
   * Disabling the subscription ends the failing window too (the engine does that once it is off).
   */
  failingSince: number | null
}

/** When a new message's first attempt is due. */
export function firstAttemptAt(settings: PolicySettings, now: number, random: () => number): number | null {
  return nextAttemptAt({
    schedule: settings.retry_schedule,
    attemptsMade: 0,
    now,
    random,
    timeScale: settings.time_scale,
  })
}

/** Shared rather than built per delivery: most attempts succeed, and callers only read it. */
const DELIVERED: Decision = Object.freeze({
  message: Object.freeze({ status: 'delivered', status_reason: null, next_attempt_at: null }),
  disable: null,
  failingSince: null,
})

/**
 * The rules, in order: a success delivers the message and ends the subscription's failing window;
 * 410 Gone fails it and disables the subscription; any other failure schedules the next attempt
 * (a longer Retry-After on 429 or 503 wins; `time_scale` compresses both), exhausts the message
 * when the schedule is spent, and disables the subscription once every delivery has failed for
 * `disable_after_failing_ms`.
 */
export function decide(attempt: AttemptOutcome): Decision {
  const { settings, last, now } = attempt
  if (last.outcome === 'success') return DELIVERED
  const status = last.response?.status ?? null
  if (status === 410) {
    return {
      message: {
        status: 'failed',
        status_reason: '410 Gone: the subscription was disabled',
        next_attempt_at: null,
      },
      disable: 'the endpoint answered 410 Gone',
      failingSince: attempt.failingSince ?? null,
    }
  }
  const since = attempt.failingSince ?? now
  const disable =
    now - since >= settings.disable_after_failing_ms / settings.time_scale
      ? `every delivery failed since ${new Date(since).toISOString()}`
      : null
  const retryAfter =
    status === 429 || status === 503
      ? parseRetryAfter(last.response?.headers.find(([name]) => name === 'retry-after')?.[1], now)
      : null
  const next = nextAttemptAt({
    schedule: settings.retry_schedule,
    attemptsMade: attempt.attemptsMade,
    now,
    random: attempt.random,
    retryAfterMs: retryAfter === null ? null : retryAfter / settings.time_scale,
    timeScale: settings.time_scale,
  })
  return {
    message:
      next === null
        ? {
            status: 'exhausted',
            status_reason: `all ${attempt.attemptsMade} attempts failed`,
            next_attempt_at: null,
          }
        : { status: 'pending', status_reason: null, next_attempt_at: next },
    disable,
    failingSince: since,
  }
}

/** Why a message can no longer be delivered, or null. A replay to another url goes even while disabled. */
export function orphanReason(
  subscription: Pick<Subscription, 'enabled' | 'disabled_reason'> | undefined,
  message: Pick<MessageRecord, 'url_override'>,
): string | null {
  if (!subscription) return 'subscription deleted'
  if (subscription.enabled || message.url_override !== null) return null
  return `subscription disabled: ${subscription.disabled_reason ?? 'by the user'}`
}
