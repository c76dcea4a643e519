import { z } from 'zod'
import { RevealFlagSchema } from '../domain/oauth-client.ts'
import { maskedTarget } from './query-credentials.ts'

/**
 * A request captured by a bin, exactly as it arrived: headers in order with duplicates, the raw
 * body (as text when it is valid UTF-8, else base64), who sent it and when, whether it passed the
 * bin's checks, and what happened when it was forwarded or replayed.
 */

/** `[name, value]` pairs in the order they came, duplicates kept (from `req.rawHeaders`). */
export const HeaderPairsSchema = z.array(z.tuple([z.string(), z.string()]))
export type HeaderPairs = z.output<typeof HeaderPairsSchema>

export const BodyEncodingSchema = z.enum(['utf8', 'base64'])
export type BodyEncoding = z.output<typeof BodyEncodingSchema>

export const verdicts = ['verified', 'failed', 'not_configured'] as const
export type Verdict = (typeof verdicts)[number]
export const checkKinds = ['basic', 'bearer', 'standard_webhooks'] as const
export type CheckKind = (typeof checkKinds)[number]

export const VerificationSchema = z.object({
  verdict: z.enum(verdicts),
  checks: z.array(z.object({ kind: z.enum(checkKinds), ok: z.boolean(), reason: z.string() })),
})
export type Verification = z.output<typeof VerificationSchema>

/** One HTTP exchange Hookbench made on the user's behalf (a forward or a replay). */
export const ExchangeSchema = z.object({
  url: z.string(),
  method: z.string(),
  started_at: z.iso.datetime(),
  duration_ms: z.number(),
  /** null when no answer came (refused, timed out, bad URL): `error` says why. */
  status: z.number().int().nullable(),
  headers: HeaderPairsSchema,
  body: z.string(),
  body_encoding: BodyEncodingSchema,
  /** Bodies are kept up to 1 MB; `size` is the full length that arrived. */
  body_truncated: z.boolean(),
  size: z.number().int(),
  error: z.string().nullable(),
})
export type Exchange = z.output<typeof ExchangeSchema>

export const forwardStates = ['pending', 'delivered', 'failed'] as const
export type ForwardState = (typeof forwardStates)[number]

/** Forwarding to the bin's `forward_to`: pending until the app answers, retried with backoff. */
export const ForwardSchema = z.object({
  url: z.string(),
  state: z.enum(forwardStates),
  attempts: z.number().int(),
  last: ExchangeSchema.nullable(),
  next_attempt_at: z.iso.datetime().nullable(),
})
export type Forward = z.output<typeof ForwardSchema>

export const CapturedRequestSchema = z.object({
  id: z.string(),
  bin_id: z.string(),
  bin_name: z.string(),
  /** receiver: arrived on /hooks/…; har: imported from a HAR file. */
  source: z.enum(['receiver', 'har']),
  method: z.string(),
  /** The request target as sent: path and query (`/hooks/demo/orders?x=1`). */
  url: z.string(),
  path: z.string(),
  /** What followed `/hooks/{bin}` (`/orders`), `/` when nothing did. */
  sub_path: z.string(),
  query: z.array(z.tuple([z.string(), z.string()])),
  http_version: z.string(),
  headers: HeaderPairsSchema,
  body: z.string(),
  body_encoding: BodyEncodingSchema,
  size: z.number().int(),
  content_type: z.string().nullable(),
  remote_address: z.string().nullable(),
  received_at: z.iso.datetime(),
  verification: VerificationSchema,
  /** What the bin answered (decided when the request arrived, sent once it was on disk). */
  response: z.object({ status: z.number().int(), delay_ms: z.number().int() }).nullable(),
  forward: ForwardSchema.nullable(),
  /** The latest replays, newest last. */
  replays: z.array(ExchangeSchema).default([]),
})
export type CapturedRequest = z.output<typeof CapturedRequestSchema>

/** One line of the list: no headers or body, so a page of 500 stays small. */
export const RequestSummarySchema = CapturedRequestSchema.pick({
  id: true,
  bin_id: true,
  bin_name: true,
  source: true,
  method: true,
  url: true,
  path: true,
  sub_path: true,
  size: true,
  content_type: true,
  remote_address: true,
  received_at: true,
}).extend({
  verdict: z.enum(verdicts),
  response_status: z.number().int().nullable(),
  forward_state: z.enum(forwardStates).nullable(),
  replays: z.number().int(),
})
export type RequestSummary = z.output<typeof RequestSummarySchema>

export function summaryOf(request: CapturedRequest): RequestSummary {
  return {
    id: request.id,
    bin_id: request.bin_id,
    bin_name: request.bin_name,
    source: request.source,
    method: request.method,
    // Credentials in the query are never in a list (captures stored before they were masked too).
    url: maskedTarget(request.url),
    path: request.path,
    sub_path: request.sub_path,
    size: request.size,
    content_type: request.content_type,
    remote_address: request.remote_address,
    received_at: request.received_at,
    verdict: request.verification.verdict,
    response_status: request.response?.status ?? null,
    forward_state: request.forward?.state ?? null,
    replays: request.replays.length,
  }
}

const dateFilter = z.iso.datetime({ offset: true })

export const ListRequestsInputSchema = z.strictObject({
  /** A bin's name or id. */
  bin: z.string().min(1).optional(),
  method: z.string().min(1).max(32).optional(),
  /** Matches the start of the full path (`/hooks/demo/orders`) or of the part after the bin (`/orders`). */
  path: z.string().min(1).max(2048).optional(),
  /** Case-insensitive text in header names and values and in text bodies (never in credentials). */
  q: z.string().min(1).max(1024).optional(),
  since: dateFilter.optional(),
  until: dateFilter.optional(),
  cursor: z.string().min(1).max(512).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
})
export type ListRequestsInput = z.output<typeof ListRequestsInputSchema>

export const ListRequestsOutputSchema = z.object({
  items: z.array(RequestSummarySchema),
  /** Pass as `cursor` for the next (older) page; null on the last page. */
  next_cursor: z.string().nullable(),
})
export type ListRequestsOutput = z.output<typeof ListRequestsOutputSchema>

/** Credentials in headers are `••••` unless `reveal` (Authorization, Cookie, secret headers). */
export const GetRequestInputSchema = z.strictObject({ id: z.string().min(1), reveal: RevealFlagSchema })

export const DeleteRequestsInputSchema = z.strictObject({ bin: z.string().min(1).optional() })
export const DeleteRequestsOutputSchema = z.object({ deleted: z.number().int() })

/** Resend a capture, optionally edited, to any URL. Headers given replace the captured ones. */
export const ReplayRequestInputSchema = z.strictObject({
  id: z.string().min(1),
  url: z
    .string()
    .max(4096)
    .regex(/^https?:\/\/[^\s]+$/, 'url must be an http:// or https:// URL'),
  method: z
    .string()
    .regex(/^[A-Za-z]{1,32}$/, 'not an HTTP method')
    .optional(),
  headers: HeaderPairsSchema.optional(),
  /** Text to send instead of the captured body (`body_encoding: base64` for bytes). */
  body: z.string().optional(),
  body_encoding: BodyEncodingSchema.default('utf8'),
  timeout_ms: z.number().int().min(100).max(300_000).default(30_000),
})
export type ReplayRequestInput = z.output<typeof ReplayRequestInputSchema>

export const ExportCurlInputSchema = z.strictObject({
  id: z.string().min(1),
  /** Where the command sends to; default: back to this receiver at the captured path. */
  url: z.string().max(4096).optional(),
  /** Credentials in the command are `••••` unless revealed. */
  reveal: RevealFlagSchema,
})
export const ExportCurlOutputSchema = z.object({ curl: z.string() })
