import type { z } from 'zod'
import type {
  ListMessagesInputSchema,
  MessageRecord,
  MessageSummary,
} from '../../../shared/domain/message.ts'
import { HookbenchError } from '../../../shared/errors.ts'
import type { RecordLog } from '../store/log/record-log.ts'

type ListInput = z.output<typeof ListMessagesInputSchema>

/**
 * Summaries of every stored message in memory (no bodies), so the Messages table filters and
 * pages without reading the log. Kept current from the engine's changes; rebuilt at startup.
 */
export class MessageIndex {
  private readonly summaries = new Map<string, MessageSummary>()

  async load(messages: RecordLog<MessageRecord>): Promise<void> {
    for await (const { value } of messages.scan('oldest')) this.update(value)
  }

  update(message: MessageRecord): void {
    const { body: _body, attempt_ids, cycle_offset: _cycle, ...rest } = message
    this.summaries.set(message.message_id, { ...rest, attempts: attempt_ids.length })
  }

  /** Newest first; the cursor is the last item's `created_at|message_id`. */
  list(input: ListInput): { items: MessageSummary[]; next_cursor: string | null; total: number } {
    const since = input.since ? Date.parse(input.since) : null
    const until = input.until ? Date.parse(input.until) : null
    const matching = [...this.summaries.values()].filter(
      (m) =>
        (!input.subscription_id || m.subscription_id === input.subscription_id) &&
        (!input.event_id || m.event_id === input.event_id) &&
        (!input.topic || m.topic === input.topic) &&
        (!input.status || m.status === input.status) &&
        (since === null || Date.parse(m.created_at) >= since) &&
        (until === null || Date.parse(m.created_at) <= until),
    )
    matching.sort((a, b) =>
      a.created_at === b.created_at ? cmp(b.message_id, a.message_id) : cmp(b.created_at, a.created_at),
    )
    let start = 0
    if (input.cursor) {
      const [createdAt, id] = decodeCursor(input.cursor)
      start = matching.findIndex(
        (m) => m.created_at < createdAt || (m.created_at === createdAt && m.message_id < id),
      )
      if (start === -1) start = matching.length
    }
    const items = matching.slice(start, start + input.limit)
    const last = items.at(-1)
    const hasMore = start + input.limit < matching.length
    return { items, next_cursor: hasMore && last ? encodeCursor(last) : null, total: matching.length }
  }
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

function encodeCursor(summary: MessageSummary): string {
  return Buffer.from(`${summary.created_at}|${summary.message_id}`).toString('base64url')
}

function decodeCursor(cursor: string): [string, string] {
  const [createdAt, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|')
  if (!createdAt || !id)
    throw new HookbenchError('bad_request', 'Invalid input at "cursor": not a cursor from a previous page')
  return [createdAt, id]
}
