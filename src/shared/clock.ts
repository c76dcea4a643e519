/** Time is injected (STYLE habit 7) so schedules and expiries are testable without sleeping. */
export interface Clock {
  now(): number
}

export const systemClock: Clock = { now: () => Date.now() }
