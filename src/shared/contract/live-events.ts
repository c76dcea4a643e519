import { z } from 'zod'
import { CheckRunSummarySchema } from '../domain/check-run.ts'
import { MessageSummarySchema } from '../domain/message.ts'
import { RequestSummarySchema } from '../receiver/captured-request.ts'
import { defineLiveFamily, type LiveEventOfFamily, liveEvent } from './define.ts'

/** A message_id is a GUID: "a random GUID used to uniquely identify a message". */
export const MessageIdSchema = z.guid()

/**
 * The one table of live events, beside the operations: what main and core push to the UI without
 * being asked. Each family names its events and their payload schemas and says how it travels;
 * the IPC channel, the preload's `window.desktop.on<Family>`, the main-process sender, the SSE
 * route and the renderer's subscription all follow from it.
 */
export const liveEvents = {
  /**
   * Desktop-only messages from main to the page: menu items whose work happens in the UI, and
   * `hookbench://message/{message_id}` deep links. Kept until the page listens (a deep link can
   * launch the app), at most 20 at a time.
   */
  menuAction: defineLiveFamily({
    envelope: 'action-fields',
    ipc: { channel: 'menu', keepUndelivered: 20 },
    events: {
      'export-workspace': liveEvent('File › Export workspace…', z.strictObject({})),
      'import-workspace': liveEvent('File › Import workspace…', z.strictObject({})),
      'import-har': liveEvent('File › Import HAR…', z.strictObject({})),
      'open-message': liveEvent(
        'A hookbench://message/{message_id} link, or a clicked delivery notification.',
        z.strictObject({ message_id: MessageIdSchema }),
      ),
    },
  }),
  /**
   * What happens while the UI watches: one event per kind of change, each with a small payload
   * (a summary, never a 10 MB body) that the UI can apply without asking again. Live only: none
   * is kept for a page that is not listening, which fetches the current lists when it starts.
   */
  streamEvent: defineLiveFamily({
    envelope: 'type-data',
    ipc: { channel: 'stream', keepUndelivered: 0 },
    sse: { path: '/api/stream' },
    events: {
      'request.received': liveEvent('A bin captured a request.', RequestSummarySchema),
      'request.updated': liveEvent('A capture changed: forwarded, replayed.', RequestSummarySchema),
      'requests.deleted': liveEvent(
        'Captures were deleted: those of one bin, or all of them (`bin_id: null`).',
        z.object({ bin_id: z.string().nullable(), count: z.number().int() }),
      ),
      'message.updated': liveEvent(
        'A message was created or changed state (delivered, retry scheduled, exhausted…).',
        MessageSummarySchema,
      ),
      'attempt.completed': liveEvent(
        'One HTTP attempt finished (the full attempt is in `GET /api/messages/{message_id}`).',
        z.object({
          attempt_id: z.string(),
          message_id: z.string(),
          number: z.number().int(),
          outcome: z.enum(['success', 'failure']),
          status_code: z.number().int().nullable(),
          error: z.string().nullable(),
          duration_ms: z.number(),
        }),
      ),
      'check_run.updated': liveEvent(
        'A check run started, finished a check, or ended (the whole report is in `GET /api/checks/{id}`).',
        CheckRunSummarySchema,
      ),
      'subscription.disabled': liveEvent(
        'Delivery disabled a subscription (410 Gone, or failing for too long).',
        z.object({ subscription_id: z.string(), name: z.string(), reason: z.string() }),
      ),
    },
  }),
} as const

export type LiveEvents = typeof liveEvents
export type LiveFamilyName = keyof LiveEvents
export type LiveEventOf<K extends LiveFamilyName> = LiveEventOfFamily<LiveEvents[K]>
export const liveFamilyNames = Object.keys(liveEvents) as LiveFamilyName[]

/** A family's schema, typed by its name (TypeScript cannot narrow `liveEvents[name]` for a generic name). */
export function liveEventSchema<K extends LiveFamilyName>(name: K): z.ZodType<LiveEventOf<K>> {
  return liveEvents[name].schema as z.ZodType<LiveEventOf<K>>
}

export type SseFamilyName = {
  [K in LiveFamilyName]: LiveEvents[K] extends { sse: object } ? K : never
}[LiveFamilyName]

/** `{ type, data }`, as `GET /api/stream` and the desktop bridge deliver it. */
export type StreamEvent = LiveEventOf<'streamEvent'>
export type StreamEventType = StreamEvent['type']
/** `{ action, …fields }`, from the desktop app's menu, deep links and notifications. */
export type MenuAction = LiveEventOf<'menuAction'>

/** The families that `GET <path>` also serves as Server-Sent Events (`event:` = name, `data:` = JSON). */
export const sseFamilyNames = liveFamilyNames.filter((name) => 'sse' in liveEvents[name]) as SseFamilyName[]
