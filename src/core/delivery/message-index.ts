import type { z } from 'zod'
import type { ListMessagesInputSchema, MessageRecord, MessageSummary } from '../../shared/domain/message.ts'
import { HookbenchError } from '../../shared/errors.ts'
import type { RecordLog } from '../store/log/record-log.ts'

type ListInput = z.output<typeof ListMessagesInputSchema>

/** created_at, then message_id: the order of the list, and its cursor. Never changes for a message. */
type OrderKey = Pick<MessageSummary, 'created_at' | 'message_id'>

/**
 * Summaries of every stored message in memory (no bodies), kept in creation order, so the
 * Messages table filters and pages without reading the log or sorting on each call. Kept current
 * from the engine's changes; rebuilt from the log at startup and after a workspace import.
 */
export class MessageIndex {
  private readonly byId = new Map<string, MessageSummary>()
  /** Oldest first by created_at, then message_id; new messages land at the end, so inserting is usually O(1). */
  private ordered: MessageSummary[] = []
  private readonly log: RecordLog<MessageRecord>

  constructor(log: RecordLog<MessageRecord>) {
    this.log = log
  }

  /**
   * Reads every message from the log. Returns the ones still pending, oldest first, so the engine
   * resumes them from this same scan instead of decoding the whole log a second time.
   */
  async load(): Promise<MessageRecord[]> {
    this.byId.clear()
    const pending: MessageRecord[] = []
    for await (const { value } of this.log.scan('oldest')) {
      this.byId.set(value.message_id, summaryOf(value))
      if (value.status === 'pending') pending.push(value)
    }
    this.ordered = [...this.byId.values()].sort(compare)
    return pending
  }

  update(message: MessageRecord): void {
    const summary = summaryOf(message)
    const known = this.byId.has(message.message_id)
    this.byId.set(message.message_id, summary)
    const at = this.position(summary)
    if (known && this.ordered[at]?.message_id === message.message_id) this.ordered[at] = summary
    else this.ordered.splice(at, 0, summary)
  }

  /** Newest first; the cursor is the last item's `created_at|message_id`. */
  async list(
    input: ListInput,
  ): Promise<{ items: MessageSummary[]; next_cursor: string | null; total: number }> {
    const since = input.since ?? null
    const until = input.until ?? null
    const matches = (m: MessageSummary) =>
      (!input.subscription_id || m.subscription_id === input.subscription_id) &&
      (!input.event_id || m.event_id === input.event_id) &&
      (!input.topic || m.topic === input.topic) &&
      (!input.status || m.status === input.status) &&
      (since === null || Date.parse(m.created_at) >= Date.parse(since)) &&
      (until === null || Date.parse(m.created_at) <= Date.parse(until))
    const start = input.cursor ? this.position(decodeCursor(input.cursor)) - 1 : this.ordered.length - 1
    const items: MessageSummary[] = []
    let total = 0
    let more = false
    for (let i = this.ordered.length - 1; i >= 0; i--) {
      const summary = this.ordered[i] as MessageSummary
      if (!matches(summary)) continue
      total++
      if (i > start) continue
      if (items.length < input.limit) items.push(summary)
      else more = true
    }
    const last = items.at(-1)
    return { items, next_cursor: more && last ? encodeCursor(last) : null, total }
  }

  /** Where the message with this key is or would go in `ordered` (binary search). */
  private position(key: OrderKey): number {
    let low = 0
    let high = this.ordered.length
    while (low < high) {
      const mid = (low + high) >> 1
      if (compare(this.ordered[mid] as MessageSummary, key) < 0) low = mid + 1
      else high = mid
    }
    return low
  }
}

function summaryOf(message: MessageRecord): MessageSummary {
  const { body: _body, attempt_ids, cycle_offset: _cycle, ...rest } = message
  return { ...rest, attempts: attempt_ids.length }
}

/** By created_at, then message_id (what `created_at|message_id` would sort by, without building it). */
function compare(a: OrderKey, b: OrderKey): number {
  if (a.created_at !== b.created_at) return a.created_at < b.created_at ? -1 : 1
  return a.message_id < b.message_id ? -1 : a.message_id > b.message_id ? 1 : 0
}

function encodeCursor(key: OrderKey): string {
  return Buffer.from(`${key.created_at}|${key.message_id}`).toString('base64url')
}

function decodeCursor(cursor: string): OrderKey {
  const [created_at, message_id, ...rest] = Buffer.from(cursor, 'base64url').toString('utf8').split('|')
  if (!created_at || !message_id || rest.length > 0) {
    throw new HookbenchError('bad_request', 'Invalid input at "cursor": not a cursor from a previous page', {
      issues: [
        { path: 'cursor', message: 'not a cursor from a previous page: pass the next_cursor you were given' },
      ],
    })
  }
  return { created_at, message_id }
}
