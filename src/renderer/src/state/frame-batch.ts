/**
 * Collects what the live stream pushes and hands it over once per animation frame, however fast
 * it arrives, so the page re-renders at most once a frame (no layout shift as events pour in).
 */
export function batchPerFrame<T>(flush: (batch: T[]) => void): { push: (item: T) => void; stop: () => void } {
  let pending: T[] = []
  let frame: number | null = null
  const run = () => {
    frame = null
    const batch = pending
    pending = []
    flush(batch)
  }
  return {
    push: (item) => {
      pending.push(item)
      frame ??= window.requestAnimationFrame(run)
    },
    stop: () => {
      if (frame !== null) window.cancelAnimationFrame(frame)
      frame = null
      pending = []
    },
  }
}
