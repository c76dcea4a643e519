/**
 * At most `size` check runs send at once (each one sends its checks one after another); the
 * others wait their turn in order. A wait ends early, with false, when its signal aborts, so a
 * queued run can be cancelled without waiting for a slot.
 */
export class RunSlots {
  private free: number
  private readonly waiting: Array<(took: boolean) => void> = []

  constructor(size: number) {
    this.free = size
  }

  /** True once a slot is this caller's (give it back with `release`); false when aborted first. */
  take(signal: AbortSignal): Promise<boolean> {
    if (signal.aborted) return Promise.resolve(false)
    if (this.free > 0) {
      this.free--
      return Promise.resolve(true)
    }
    return new Promise((resolve) => {
      const waiter = (took: boolean) => {
        signal.removeEventListener('abort', onAbort)
        resolve(took)
      }
      const onAbort = () => {
        this.waiting.splice(this.waiting.indexOf(waiter), 1)
        waiter(false)
      }
      signal.addEventListener('abort', onAbort, { once: true })
      this.waiting.push(waiter)
    })
  }

  release(): void {
    const next = this.waiting.shift()
    if (next) next(true)
    else this.free++
  }
}
