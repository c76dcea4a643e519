/**
 * Delivery timing as data (Svix-style defaults), pure so the UI can show the schedule it implies.
 * `retry_schedule[i]` is the delay in seconds before attempt i+1: the first entry is the first
 * attempt's delay (0 = immediately), and the schedule's length is the number of attempts.
 */
export const DEFAULT_RETRY_SCHEDULE = [0, 5, 300, 1800, 7200, 18000, 36000, 36000] as const
export const DEFAULT_TIMEOUT_MS = 15_000
/** ±20 % jitter spreads retries of many messages that failed together. */
export const JITTER_RATIO = 0.2

/**
 * When the attempt after `attemptsMade` attempts is due, or null when the schedule is exhausted.
 * `random` is injected (0 ≤ r < 1) so tests are deterministic; `retryAfterMs` from a 429/503
 * response wins over the schedule when it asks for longer.
 */
export function nextAttemptAt(options: {
  schedule: readonly number[]
  attemptsMade: number
  now: number
  random: () => number
  retryAfterMs?: number | null
  /** Compressed time: 3600 runs one hour of schedule per second. */
  timeScale?: number
}): number | null {
  const seconds = options.schedule[options.attemptsMade]
  if (seconds === undefined) return null
  const scale = options.timeScale ?? 1
  const jitter = options.attemptsMade === 0 ? 0 : seconds * JITTER_RATIO * (options.random() * 2 - 1)
  const scheduled = ((seconds + jitter) * 1000) / scale
  const delay = Math.max(scheduled, options.retryAfterMs ?? 0)
  return options.now + Math.round(delay)
}

/** `Retry-After` as milliseconds: delta-seconds or an HTTP date; null when absent or unusable. */
export function parseRetryAfter(value: string | null | undefined, now: number): number | null {
  if (!value) return null
  const trimmed = value.trim()
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000
  const date = Date.parse(trimmed)
  return Number.isNaN(date) ? null : Math.max(0, date - now)
}
