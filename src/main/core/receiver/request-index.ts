import type { RequestSummary } from '../../../shared/receiver/captured-request.ts'

interface Entry {
  /** received_at in ms, then id: the order of the list. */
  ms: number
  id: string
  summary: RequestSummary
  removed: boolean
}

/**
 * The list of captures in memory, ordered by arrival: the log is ordered by last write (a
 * forward result moves a capture to the end), so newest-first paging and the cheap filters run
 * here, and only a text search or a page's details read the log. Entries are small summaries.
 */
export class RequestIndex {
  private readonly byId = new Map<string, Entry>()
  private order: Entry[] = []
  private removedEntries = 0
  /** Ids whose newest line in the log is a tombstone: the log still counts them. */
  tombstones = 0

  get size(): number {
    return this.byId.size
  }

  has(id: string): boolean {
    return this.byId.has(id)
  }

  summary(id: string): RequestSummary | null {
    return this.byId.get(id)?.summary ?? null
  }

  /** Adds a capture or replaces its summary (same received_at, so its place does not change). */
  upsert(summary: RequestSummary): void {
    const existing = this.byId.get(summary.id)
    if (existing) {
      existing.summary = summary
      return
    }
    const entry: Entry = { ms: Date.parse(summary.received_at), id: summary.id, summary, removed: false }
    this.byId.set(entry.id, entry)
    // Captures almost always arrive in order: appending is the common case. Pushing never moves
    // an entry a running `newestFirst` has yet to reach; an insertion builds a new array instead.
    const last = this.order.at(-1)
    if (!last || compare(last, entry) < 0) this.order.push(entry)
    else this.order = this.order.toSpliced(this.lowerBound(entry.ms, entry.id), 0, entry)
  }

  /** Removes a capture that was deleted (a tombstone now stands in the log for it). */
  remove(id: string): boolean {
    const entry = this.byId.get(id)
    if (!entry) return false
    this.byId.delete(id)
    entry.removed = true
    this.tombstones++
    this.removedEntries++
    if (this.removedEntries > 1024 && this.removedEntries > this.order.length / 2) {
      this.order = this.order.filter((item) => !item.removed)
      this.removedEntries = 0
    }
    return true
  }

  ids(predicate: (summary: RequestSummary) => boolean): string[] {
    const ids: string[] = []
    for (const entry of this.byId.values()) if (predicate(entry.summary)) ids.push(entry.id)
    return ids
  }

  /**
   * Newest first, strictly older than `before` (a cursor), as a snapshot: captures arriving while
   * the caller awaits (a text search reads the log) do not shift what it iterates.
   */
  *newestFirst(before: { ms: number; id: string } | null): Generator<RequestSummary> {
    const order = this.order
    let index = before ? this.lowerBound(before.ms, before.id) - 1 : order.length - 1
    for (; index >= 0; index--) {
      const entry = order[index] as Entry
      if (!entry.removed) yield entry.summary
    }
  }

  /** First position whose entry is not less than (ms, id). */
  private lowerBound(ms: number, id: string): number {
    let low = 0
    let high = this.order.length
    while (low < high) {
      const middle = (low + high) >>> 1
      if (compare(this.order[middle] as Entry, { ms, id }) < 0) low = middle + 1
      else high = middle
    }
    return low
  }
}

function compare(a: { ms: number; id: string }, b: { ms: number; id: string }): number {
  if (a.ms !== b.ms) return a.ms - b.ms
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}
