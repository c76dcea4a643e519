import type { FileHandle } from 'node:fs/promises'

/**
 * Group commit at its barest, the durable baseline the benches measure the product against: lines
 * that arrive while a write + fdatasync is running go together in the next one. Resolves once the
 * line is on disk.
 */
export function groupedAppender(handle: FileHandle): (line: string) => Promise<void> {
  let queued: Array<{ line: string; done: () => void }> = []
  let flushing = false
  const flush = async () => {
    flushing = true
    while (queued.length > 0) {
      const group = queued
      queued = []
      await handle.write(group.map((g) => g.line).join(''))
      await handle.datasync()
      for (const g of group) g.done()
    }
    flushing = false
  }
  return (line) =>
    new Promise<void>((done) => {
      queued.push({ line, done })
      if (!flushing) void flush()
    })
}
