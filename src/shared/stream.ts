import { z } from 'zod'
import { MessageSummarySchema } from './domain/message.ts'
import { RequestSummarySchema } from './receiver/captured-request.ts'

/**
 * What happens while the UI watches: one event type per kind of change, each with a small payload
 * (a summary, never a 10 MB body) that the UI can apply without asking again. Sent over
 * `GET /api/stream` (Server-Sent Events, `event:` = type, `data:` = JSON of the whole event) and,
 * in the desktop app, over the `hookbench:stream` IPC channel.
 *
 * The delivery engine adds `attempt.completed` and `message.updated` here as further members of
 * the union; every sender and receiver validates against this one schema.
 */
export const StreamEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('request.received'), data: RequestSummarySchema }),
  /** A capture changed: forwarded, replayed. */
  z.object({ type: z.literal('request.updated'), data: RequestSummarySchema }),
  /** Captures were deleted: those of one bin, or all of them (`bin_id: null`). */
  /** A message was created or changed state (delivered, retry scheduled, exhausted…). */
  z.object({ type: z.literal('message.updated'), data: MessageSummarySchema }),
  /** One HTTP attempt finished (the full attempt is in `GET /api/messages/{message_id}`). */
  z.object({
    type: z.literal('attempt.completed'),
    data: z.object({
      attempt_id: z.string(),
      message_id: z.string(),
      number: z.number().int(),
      outcome: z.enum(['success', 'failure']),
      status_code: z.number().int().nullable(),
      error: z.string().nullable(),
      duration_ms: z.number(),
    }),
  }),
  /** A subscription was disabled by delivery (410 Gone, or failing for too long). */
  z.object({
    type: z.literal('subscription.disabled'),
    data: z.object({ subscription_id: z.string(), name: z.string(), reason: z.string() }),
  }),
  z.object({
    type: z.literal('requests.deleted'),
    data: z.object({ bin_id: z.string().nullable(), count: z.number().int() }),
  }),
])
export type StreamEvent = z.output<typeof StreamEventSchema>
export type StreamEventType = StreamEvent['type']
