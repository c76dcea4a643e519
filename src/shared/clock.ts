/** Time is injected (code asks a Clock, not Date.now()), so schedules and expiries are testable without sleeping. */
export interface Clock {
  now(): number
}

export const systemClock: Clock = { now: () => Date.now() }
