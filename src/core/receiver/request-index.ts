import type { RequestSummary } from '../../shared/receiver/captured-request.ts'

interface Entry {
  /** received_at in ms, then the order this index learnt of it: the order of the list. */
  ms: number
  seq: number
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
  private nextSeq = 0
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
    const entry: Entry = {
      ms: Date.parse(summary.received_at),
      seq: this.nextSeq++,
      id: summary.id,
      summary,
      removed: false,
    }
    this.byId.set(entry.id, entry)
    // Captures almost always arrive in order, many within one millisecond: appending is the common
    // case (ties go by arrival, so they append too). Pushing never moves an entry a running
    // `newestFirst` has yet to reach; an insertion (a HAR import of older ones) builds a new array.
    const last = this.order.at(-1)
    if (!last || last.ms <= entry.ms) this.order.push(entry)
    else this.order = this.order.toSpliced(this.lowerBound(entry.ms, entry.seq), 0, entry)
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
   * Newest first, strictly older than `before` (a cursor: the last capture of a previous page), as
   * a snapshot: captures arriving while the caller awaits (a text search reads the log) do not
   * shift what it iterates. If that capture was deleted since, its millisecond is listed again
   * whole: better a capture shown twice than one skipped.
   */
  *newestFirst(before: { ms: number; id: string } | null): Generator<RequestSummary> {
    const order = this.order
    const at = before ? this.byId.get(before.id) : undefined
    const seq = at && at.ms === before?.ms ? at.seq : Number.POSITIVE_INFINITY
    let index = before ? this.lowerBound(before.ms, seq) - 1 : order.length - 1
    for (; index >= 0; index--) {
      const entry = order[index] as Entry
      if (!entry.removed) yield entry.summary
    }
  }

  /** First position whose entry is not less than (ms, seq). */
  private lowerBound(ms: number, seq: number): number {
    let low = 0
    let high = this.order.length
    while (low < high) {
      const middle = (low + high) >>> 1
      const entry = this.order[middle] as Entry
      if (entry.ms < ms || (entry.ms === ms && entry.seq < seq)) low = middle + 1
      else high = middle
    }
    return low
  }
}
