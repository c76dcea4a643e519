import type { Clock } from '../../shared/clock.ts'
import { HookbenchError } from '../../shared/errors.ts'
import {
  type CapturedRequest,
  type ListRequestsOutput,
  type RequestSummary,
  summaryOf,
} from '../../shared/receiver/captured-request.ts'
import { maskedTarget } from '../../shared/receiver/query-credentials.ts'
import type { RecordLog } from '../store/log/record-log.ts'
import { RequestIndex } from './request-index.ts'
import { isTombstone, type RequestRecord } from './request-record.ts'

export interface RequestFilter {
  binId?: string
  method?: string
  path?: string
  q?: string
  sinceMs?: number
  untilMs?: number
  cursor?: string
  limit: number
}

/**
 * Captured requests: the `requests` record log is the truth, a RequestIndex the arrival-ordered
 * list in memory. The index is built by one scan in the background at startup (which also finds
 * the forwards still pending) and again whenever the log changed behind its back — a workspace
 * import adds records, retention drops old ones.
 */
export interface RequestStore {
  /** Resolves once the startup scan is done. */
  readonly ready: Promise<void>
  /** Stores a new capture; resolves with its summary once it is on disk. */
  add(capture: CapturedRequest): Promise<RequestSummary>
  get(id: string): Promise<CapturedRequest | null>
  /**
   * Writes a new version of a capture. Changes to one id run one after another; a capture deleted
   * meanwhile is not written again (null).
   */
  update(id: string, change: (current: CapturedRequest) => CapturedRequest): Promise<CapturedRequest | null>
  list(filter: RequestFilter): Promise<ListRequestsOutput>
  /** Appends a tombstone for every capture of a bin (or all); answers how many. */
  removeAll(binId: string | null): Promise<number>
  /** Ids whose forward was still pending when the log was scanned at startup. */
  pendingForwards(): Promise<string[]>
}

export function createRequestStore(
  log: RecordLog<RequestRecord>,
  clock: Clock,
  /** Header values a text search must not match: credentials, sealed or (older captures) not. */
  hidesValue: (name: string, value: string) => boolean = () => false,
): RequestStore {
  let index = new RequestIndex()
  /** New captures appended but not yet acknowledged: the log may already count them. */
  let inFlight = 0
  /** Changes made while a rebuild scans, replayed onto the fresh index before it is swapped in. */
  let journal: Array<(target: RequestIndex) => void> | null = null
  const locks = new Map<string, Promise<unknown>>()
  const pending: string[] = []

  const record = (change: (target: RequestIndex) => void) => {
    change(index)
    journal?.push(change)
  }

  async function rebuild(collectPending: boolean): Promise<void> {
    const fresh = new RequestIndex()
    journal = []
    try {
      // The log is in order of last write (a forward result moves a capture to the end): sort by
      // arrival once, so every upsert appends instead of inserting into the middle.
      const summaries: RequestSummary[] = []
      for await (const stored of log.scan('oldest')) {
        if (isTombstone(stored.value)) {
          fresh.tombstones++
          continue
        }
        summaries.push(summaryOf(stored.value))
        if (collectPending && stored.value.forward?.state === 'pending') pending.push(stored.id)
      }
      summaries.sort((a, b) => Date.parse(a.received_at) - Date.parse(b.received_at))
      for (const summary of summaries) fresh.upsert(summary)
      for (const change of journal) change(fresh)
      index = fresh
    } finally {
      journal = null
    }
  }

  let rebuilding: Promise<void> | null = null
  const ready = rebuild(true)
  ready.catch((error: unknown) => console.error('[hookbench] could not read the captured requests:', error))

  /** The log holds ids the index does not know (imported) or lost some (retention): scan again. */
  async function current(): Promise<RequestIndex> {
    await ready
    const known = index.size + index.tombstones
    if (log.size > known + inFlight || log.size < known) {
      rebuilding ??= rebuild(false).finally(() => {
        rebuilding = null
      })
      await rebuilding
    }
    return index
  }

  function locked<T>(id: string, work: () => Promise<T>): Promise<T> {
    const previous = locks.get(id) ?? Promise.resolve()
    const run = previous.then(work, work)
    const settled = run.catch(() => {})
    locks.set(id, settled)
    void settled.then(() => {
      if (locks.get(id) === settled) locks.delete(id)
    })
    return run
  }

  async function get(id: string): Promise<CapturedRequest | null> {
    const stored = await log.get(id)
    if (!stored || isTombstone(stored.value)) return null
    return stored.value
  }

  return {
    ready,
    async add(capture) {
      inFlight++
      try {
        await log.append([{ id: capture.id, value: capture, at: Date.parse(capture.received_at) }])
      } finally {
        inFlight--
      }
      const summary = summaryOf(capture)
      record((target) => target.upsert(summary))
      return summary
    },
    get,
    update(id, change) {
      return locked(id, async () => {
        const current = await get(id)
        if (!current) return null
        const next = change(current)
        // Checked right before the append is queued: a deletion that ran meanwhile has already
        // removed it from the index, and its tombstone must stay the newest line.
        if (!index.has(id)) return null
        await log.append([{ id, value: next, at: clock.now() }])
        record((target) => {
          if (target.has(id)) target.upsert(summaryOf(next))
        })
        return next
      })
    },
    async list(filter) {
      const source = await current()
      const before = filter.cursor ? decodeCursor(filter.cursor) : null
      const items: RequestSummary[] = []
      let more = false
      for (const summary of source.newestFirst(before)) {
        const receivedMs = Date.parse(summary.received_at)
        if (filter.sinceMs !== undefined && receivedMs < filter.sinceMs) break
        if (!(await matches(summary, receivedMs, filter))) continue
        if (items.length === filter.limit) {
          more = true
          break
        }
        items.push(summary)
      }
      const last = items.at(-1)
      return { items, next_cursor: more && last ? encodeCursor(last) : null }
    },
    async removeAll(binId) {
      const target = await current()
      const ids = target.ids((summary) => binId === null || summary.bin_id === binId)
      if (ids.length === 0) return 0
      const deletedAt = new Date(clock.now()).toISOString()
      const tombstones = ids.map((id) => {
        const summary = target.summary(id)
        // Removed from the index first, synchronously, so no update can write a version after it.
        record((next) => next.remove(id))
        return { id, value: { deleted: true as const, bin_id: summary?.bin_id ?? '', deleted_at: deletedAt } }
      })
      await log.append(tombstones)
      return ids.length
    },
    async pendingForwards() {
      await ready
      return pending.splice(0)
    },
  }

  async function matches(
    summary: RequestSummary,
    receivedMs: number,
    filter: RequestFilter,
  ): Promise<boolean> {
    if (filter.binId !== undefined && summary.bin_id !== filter.binId) return false
    if (filter.method !== undefined && summary.method !== filter.method.toUpperCase()) return false
    if (filter.untilMs !== undefined && receivedMs > filter.untilMs) return false
    if (
      filter.path !== undefined &&
      !summary.path.startsWith(filter.path) &&
      !summary.sub_path.startsWith(filter.path)
    ) {
      return false
    }
    if (filter.q === undefined) return true
    const request = await get(summary.id)
    return request !== null && containsText(request, filter.q.toLowerCase(), hidesValue)
  }
}

function containsText(
  request: CapturedRequest,
  needle: string,
  hidesValue: (name: string, value: string) => boolean,
): boolean {
  // Credentials in the query never match (a capture stored before they were masked included).
  if (maskedTarget(request.url).toLowerCase().includes(needle)) return true
  for (const [name, value] of request.headers) {
    if (name.toLowerCase().includes(needle)) return true
    // A search that matched a credential would tell whoever searched what it contains.
    if (value.toLowerCase().includes(needle) && !hidesValue(name, value)) return true
  }
  return request.body_encoding === 'utf8' && request.body.toLowerCase().includes(needle)
}

/** Opaque to clients: where the last page ended (arrival time and id). */
function encodeCursor(summary: RequestSummary): string {
  return Buffer.from(`${Date.parse(summary.received_at)}|${summary.id}`).toString('base64url')
}

function decodeCursor(cursor: string): { ms: number; id: string } {
  const [ms, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|')
  const value = Number(ms)
  if (!Number.isSafeInteger(value) || !id) {
    throw new HookbenchError('bad_request', 'Invalid cursor: pass the next_cursor of a previous page.', {
      issues: [{ path: 'cursor', message: 'not a cursor this API issued' }],
    })
  }
  return { ms: value, id }
}
