import { z } from 'zod'
import { LocalizedTextSchema, subscriptionProfiles } from './subscription.ts'

/** `POST /api/events`: one occurrence of a topic; every enabled matching subscription gets a message. */
export const SendEventInputSchema = z.strictObject({
  topic: z.string().min(1),
  data: z.json(),
  tenant_id: z.string().min(1).optional(),
  entity_key: z.string().min(1).optional(),
  resource_id: z.string().min(1).optional(),
})
export type SendEventInput = z.output<typeof SendEventInputSchema>

export const SendEventOutputSchema = z.object({
  event_id: z.string(),
  messages: z.array(z.object({ message_id: z.string(), subscription_id: z.string() })),
})

/**
 * `POST /api/events/recipients`: the event as it would be sent (data may be left out when it is not
 * JSON yet; Contensis filters that read it then match nothing). Nothing is sent or stored.
 */
export const EventRecipientsInputSchema = SendEventInputSchema.extend({ data: z.json().default(null) })

/** The enabled subscriptions that sending this event now would give a message, by the sending rule. */
export const EventRecipientsOutputSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      name: LocalizedTextSchema,
      profile: z.enum(subscriptionProfiles),
    }),
  ),
})

export const EventRecordSchema = z.object({
  event_id: z.string(),
  topic: z.string(),
  data: z.json(),
  tenant_id: z.string().nullable(),
  entity_key: z.string().nullable(),
  resource_id: z.string().nullable(),
  created_at: z.iso.datetime(),
})
export type EventRecord = z.output<typeof EventRecordSchema>

export const messageStatuses = ['pending', 'delivered', 'failed', 'exhausted'] as const
export type MessageStatus = (typeof messageStatuses)[number]

/**
 * One event rendered for one subscription. The body is rendered once, so every retry sends the
 * same bytes; a state change (attempt made, delivered, exhausted) is a new version of the record.
 */
export const MessageRecordSchema = z.object({
  message_id: z.string(),
  event_id: z.string(),
  subscription_id: z.string(),
  profile: z.string(),
  topic: z.string(),
  /** The rendered URL (templates applied). */
  url: z.string(),
  /** Set by a replay "to another URL": where this message is delivered instead. */
  url_override: z.string().nullable(),
  body: z.string(),
  status: z.enum(messageStatuses),
  /** Why delivery stopped, for failed and exhausted messages. */
  status_reason: z.string().nullable(),
  attempt_ids: z.array(z.string()),
  /** Attempts made before the current delivery cycle (a same-id replay starts a new cycle). */
  cycle_offset: z.number().int().nonnegative(),
  next_attempt_at: z.number().nullable(),
  last_status_code: z.number().int().nullable(),
  last_latency_ms: z.number().nullable(),
  created_at: z.iso.datetime(),
  updated_at: z.iso.datetime(),
  /** A new-id replay points back at the message it copied. */
  replay_of: z.string().nullable(),
})
export type MessageRecord = z.output<typeof MessageRecordSchema>

const HeaderListSchema = z.array(z.tuple([z.string(), z.string()]))

export const TokenExchangeSchema = z.object({
  request: z.object({ method: z.string(), url: z.string(), headers: HeaderListSchema, body: z.string() }),
  response: z.object({ status: z.number().int(), body: z.string() }).nullable(),
  error: z.string().nullable(),
  duration_ms: z.number(),
})
export type TokenExchange = z.output<typeof TokenExchangeSchema>

/** One HTTP try of a message: the request exactly as sent, and what came back. */
export const AttemptRecordSchema = z.object({
  attempt_id: z.string(),
  message_id: z.string(),
  /** 1 for the first attempt of this message, counting across retries and same-id replays. */
  number: z.number().int().positive(),
  trigger: z.enum(['scheduled', 'retry', 'replay', 'token-refresh']),
  request: z.object({ method: z.string(), url: z.string(), headers: HeaderListSchema, body: z.string() }),
  response: z
    .object({
      status: z.number().int(),
      headers: HeaderListSchema,
      body: z.string(),
      body_truncated: z.boolean(),
    })
    .nullable(),
  error: z.string().nullable(),
  outcome: z.enum(['success', 'failure']),
  started_at: z.iso.datetime(),
  duration_ms: z.number(),
  /** Where the OAuth token came from, and the exchange when one was made (secrets sealed). */
  token: z
    .object({ source: z.enum(['cache', 'fetch']), exchange: TokenExchangeSchema.nullable() })
    .nullable(),
})
export type AttemptRecord = z.output<typeof AttemptRecordSchema>

/**
 * An attempt as the attempts log keeps it: without the request body, which is always its
 * message's body (rendered once, resent as is), so each attempt does not store a copy. Records
 * written by earlier versions, and imported ones, may still carry it.
 */
export const StoredAttemptSchema = AttemptRecordSchema.extend({
  request: AttemptRecordSchema.shape.request.extend({ body: z.string().optional() }),
})
export type StoredAttempt = z.output<typeof StoredAttemptSchema>

export const MessageDetailSchema = MessageRecordSchema.extend({ attempts: z.array(AttemptRecordSchema) })
export type MessageDetail = z.output<typeof MessageDetailSchema>

export const MessageSummarySchema = MessageRecordSchema.omit({
  body: true,
  attempt_ids: true,
  cycle_offset: true,
}).extend({
  attempts: z.number().int(),
})
export type MessageSummary = z.output<typeof MessageSummarySchema>

const flag = z.union([z.boolean(), z.stringbool()])

export const ListMessagesInputSchema = z.strictObject({
  subscription_id: z.string().optional(),
  event_id: z.string().optional(),
  topic: z.string().optional(),
  status: z.enum(messageStatuses).optional(),
  since: z.iso.datetime().optional(),
  until: z.iso.datetime().optional(),
  cursor: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
})

export const ListMessagesOutputSchema = z.object({
  items: z.array(MessageSummarySchema),
  next_cursor: z.string().nullable(),
  total: z.number().int(),
})

export const GetMessageInputSchema = z.strictObject({
  message_id: z.string().min(1),
  reveal: flag.default(false),
})

export const ReplayMessageInputSchema = z.strictObject({
  message_id: z.string().min(1),
  mode: z.enum(['same-id', 'new-id']).default('same-id'),
  url: z
    .string()
    .regex(/^https?:\/\//, 'url must start with http:// or https://')
    .optional(),
})
export const ReplayMessageOutputSchema = z.object({
  message_id: z.string(),
  subscription_id: z.string(),
  mode: z.enum(['same-id', 'new-id']),
  /** A same-id replay asked for while an attempt ran: it starts right after that attempt ends. */
  queued: z.literal(true).optional(),
})

export const AttemptCurlInputSchema = z.strictObject({
  message_id: z.string().min(1),
  attempt_id: z.string().min(1),
  reveal: flag.default(false),
})
