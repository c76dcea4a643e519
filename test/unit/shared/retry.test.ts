import { describe, expect, it } from 'vitest'
import { DEFAULT_RETRY_SCHEDULE, nextAttemptAt, parseRetryAfter } from '../../../src/shared/retry.ts'

const now = 1_700_000_000_000

describe('retry schedule', () => {
  it('follows the schedule, then gives up', () => {
    const at = (attemptsMade: number, random = 0.5) =>
      nextAttemptAt({ schedule: DEFAULT_RETRY_SCHEDULE, attemptsMade, now, random: () => random })
    expect(at(0)).toBe(now)
    expect(at(1)).toBe(now + 5_000)
    expect(at(2)).toBe(now + 300_000)
    expect(at(8)).toBeNull()
  })

  it('jitters retries by at most ±20 %, never the first attempt', () => {
    const low = nextAttemptAt({ schedule: [0, 100], attemptsMade: 1, now, random: () => 0 })
    const high = nextAttemptAt({ schedule: [0, 100], attemptsMade: 1, now, random: () => 0.999999 })
    expect(low).toBe(now + 80_000)
    expect(high).toBeCloseTo(now + 120_000, -2)
    expect(nextAttemptAt({ schedule: [0, 100], attemptsMade: 0, now, random: () => 0 })).toBe(now)
  })

  it('honours a longer Retry-After and compresses time on request', () => {
    expect(
      nextAttemptAt({ schedule: [0, 5], attemptsMade: 1, now, random: () => 0.5, retryAfterMs: 60_000 }),
    ).toBe(now + 60_000)
    expect(
      nextAttemptAt({ schedule: [0, 3600], attemptsMade: 1, now, random: () => 0.5, timeScale: 3600 }),
    ).toBe(now + 1_000)
  })

  it('parses Retry-After as seconds or as an HTTP date', () => {
    expect(parseRetryAfter('120', now)).toBe(120_000)
    expect(parseRetryAfter(new Date(now + 30_000).toUTCString(), now)).toBe(30_000)
    expect(parseRetryAfter('soon', now)).toBeNull()
    expect(parseRetryAfter(undefined, now)).toBeNull()
  })
})
