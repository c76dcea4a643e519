import { describe, expect, it } from 'vitest'
import {
  type AttemptOutcome,
  decide,
  firstAttemptAt,
  orphanReason,
  type PolicySettings,
} from '../../../../src/core/delivery/policy.ts'

const now = Date.UTC(2026, 0, 1)
const HOUR = 3_600_000
const settings: PolicySettings = {
  retry_schedule: [0, 5, 300],
  time_scale: 1,
  disable_after_failing_ms: 5 * 24 * HOUR,
}
/** 0.5 is no jitter: each delay is exactly the schedule's. */
const noJitter = () => 0.5

function answered(status: number | null, headers: Array<[string, string]> = []): AttemptOutcome['last'] {
  return {
    outcome: status !== null && status >= 200 && status < 300 ? 'success' : 'failure',
    response: status === null ? null : { status, headers, body: '', body_truncated: false },
  }
}

function outcome(overrides: Partial<AttemptOutcome>): AttemptOutcome {
  return {
    settings,
    last: answered(500),
    attemptsMade: 1,
    now,
    failingSince: undefined,
    random: noJitter,
    ...overrides,
  }
}

describe('delivery policy', () => {
  it('delivers on success and ends the failing window', () => {
    expect(decide(outcome({ last: answered(204), failingSince: now - HOUR }))).toEqual({
      message: { status: 'delivered', status_reason: null, next_attempt_at: null },
      disable: null,
      failingSince: null,
    })
  })

  it('retries a failure on the schedule, jittered by ±20 %', () => {
    const decision = decide(outcome({ attemptsMade: 1 }))
    expect(decision.message).toEqual({ status: 'pending', status_reason: null, next_attempt_at: now + 5_000 })
    expect(decide(outcome({ attemptsMade: 2, random: () => 0 })).message.next_attempt_at).toBe(now + 240_000)
    // An attempt that was never sent (no response) follows the same schedule.
    expect(decide(outcome({ last: answered(null) })).message.next_attempt_at).toBe(now + 5_000)
  })

  it('exhausts the message once the schedule is spent', () => {
    expect(decide(outcome({ attemptsMade: 3 })).message).toEqual({
      status: 'exhausted',
      status_reason: 'all 3 attempts failed',
      next_attempt_at: null,
    })
  })

  it('fails the message and disables the subscription on 410 Gone, at any attempt', () => {
    const decision = decide(outcome({ last: answered(410), attemptsMade: 1 }))
    expect(decision).toEqual({
      message: {
        status: 'failed',
        status_reason: '410 Gone: the subscription was disabled',
        next_attempt_at: null,
      },
      disable: 'the endpoint answered 410 Gone',
      failingSince: null,
    })
    expect(decide(outcome({ last: answered(410), failingSince: now - HOUR })).failingSince).toBe(now - HOUR)
  })

  it('waits as long as Retry-After asks on 429 and 503 (seconds or an HTTP date), never less than the schedule', () => {
    const retryAfter = (status: number, value: string) =>
      decide(outcome({ last: answered(status, [['retry-after', value]]) })).message.next_attempt_at
    expect(retryAfter(429, '120')).toBe(now + 120_000)
    expect(retryAfter(503, new Date(now + 60_000).toUTCString())).toBe(now + 60_000)
    expect(retryAfter(429, '1')).toBe(now + 5_000)
    expect(retryAfter(500, '120')).toBe(now + 5_000)
    expect(retryAfter(429, 'soon')).toBe(now + 5_000)
  })

  it('starts the failing window at the first failure and disables the subscription once it spans disable_after_failing_ms', () => {
    expect(decide(outcome({ failingSince: undefined }))).toMatchObject({ disable: null, failingSince: now })
    const window = settings.disable_after_failing_ms
    expect(decide(outcome({ failingSince: now - window + 1 }))).toMatchObject({
      disable: null,
      failingSince: now - window + 1,
    })
    const since = now - window
    const disabled = decide(outcome({ failingSince: since }))
    expect(disabled.disable).toBe(`every delivery failed since ${new Date(since).toISOString()}`)
    // The message itself still follows its schedule; the engine fails it once the subscription is off.
    expect(disabled.message.status).toBe('pending')
  })

  it('compresses the schedule, Retry-After and the failing window by time_scale', () => {
    const fast = { ...settings, time_scale: 1000 }
    expect(decide(outcome({ settings: fast })).message.next_attempt_at).toBe(now + 5)
    expect(
      decide(outcome({ settings: fast, last: answered(429, [['retry-after', '120']]) })).message
        .next_attempt_at,
    ).toBe(now + 120)
    expect(
      decide(outcome({ settings: fast, failingSince: now - settings.disable_after_failing_ms / 1000 }))
        .disable,
    ).toMatch(/^every delivery failed since/)
    expect(firstAttemptAt({ ...fast, retry_schedule: [60] }, now, () => 0)).toBe(now + 60)
  })

  it("schedules a new message's first attempt at the schedule's first delay, without jitter", () => {
    expect(firstAttemptAt(settings, now, () => 0)).toBe(now)
    expect(firstAttemptAt({ ...settings, retry_schedule: [60, 5] }, now, () => 0)).toBe(now + 60_000)
    expect(firstAttemptAt({ ...settings, retry_schedule: [] }, now, () => 0)).toBeNull()
  })

  it('says why a message can no longer be delivered: its subscription deleted, or disabled unless replayed elsewhere', () => {
    const queued = { url_override: null }
    expect(orphanReason(undefined, queued)).toBe('subscription deleted')
    expect(orphanReason({ enabled: true, disabled_reason: null }, queued)).toBeNull()
    expect(orphanReason({ enabled: false, disabled_reason: null }, queued)).toBe(
      'subscription disabled: by the user',
    )
    expect(orphanReason({ enabled: false, disabled_reason: 'the endpoint answered 410 Gone' }, queued)).toBe(
      'subscription disabled: the endpoint answered 410 Gone',
    )
    expect(
      orphanReason({ enabled: false, disabled_reason: null }, { url_override: 'http://127.0.0.1/x' }),
    ).toBeNull()
  })
})
