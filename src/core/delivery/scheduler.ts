import type { Clock } from '../../shared/clock.ts'

/**
 * Time for the delivery engine: the clock plus "call me at". Injected so a whole retry schedule
 * runs in a test in milliseconds (a manual scheduler jumps from one due time to the next).
 */
export interface Scheduler extends Clock {
  /** Calls `run` at `at` (ms since the epoch) or as soon as possible after; returns a cancel. */
  at(at: number, run: () => void): () => void
}

export const realScheduler: Scheduler = {
  now: () => Date.now(),
  at(at, run) {
    // setTimeout's limit is about 24.8 days; later wake-ups re-arm themselves.
    const delay = Math.min(Math.max(0, at - Date.now()), 2 ** 31 - 1)
    const timer = setTimeout(() => (Date.now() >= at ? run() : realScheduler.at(at, run)), delay)
    timer.unref?.()
    return () => clearTimeout(timer)
  },
}

/** For tests: time stands still until `advanceTo`/`runDue` moves it. */
export class ManualScheduler implements Scheduler {
  private time: number
  private pending: Array<{ at: number; run: () => void; cancelled: boolean }> = []

  constructor(start = Date.UTC(2026, 0, 1)) {
    this.time = start
  }

  now(): number {
    return this.time
  }

  at(at: number, run: () => void): () => void {
    const entry = { at, run, cancelled: false }
    this.pending.push(entry)
    return () => {
      entry.cancelled = true
    }
  }

  /** The earliest time something is waiting for, or null. */
  nextDue(): number | null {
    const live = this.pending.filter((p) => !p.cancelled)
    return live.length === 0 ? null : Math.min(...live.map((p) => p.at))
  }

  /** Moves time forward and runs everything due by then. */
  advanceTo(time: number): void {
    this.time = Math.max(this.time, time)
    const due = this.pending.filter((p) => !p.cancelled && p.at <= this.time)
    this.pending = this.pending.filter((p) => !p.cancelled && p.at > this.time)
    for (const entry of due) entry.run()
  }
}
