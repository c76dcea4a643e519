import { z } from 'zod'
import { HeaderNameSchema, HeaderValueSchema, responseHeaderProblem } from '../http-headers.ts'
import { REDACTED } from '../redacted.ts'

/**
 * Bins: named endpoints on the receiver (`/hooks/{name}/…`) that capture what arrives, answer by a
 * response rule and check the sender's credentials. Stored in config.json with every password,
 * token and signing secret sealed; answered with them as `••••` unless the caller reveals them.
 */

/** A bin's name is a path segment: letters, digits, `.`, `_`, `-`; it must start with a letter or digit. */
export const BIN_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/
export const BinNameSchema = z
  .string()
  .regex(BIN_NAME_PATTERN, 'a bin name is 1–64 of A-Z a-z 0-9 . _ - and starts with a letter or digit')

/** No CR/LF in a value: a rule's headers must not split the response. */
export const ResponseHeadersSchema = z.record(HeaderNameSchema, HeaderValueSchema)

/** Long enough to trip any sender's timeout; the receiver still stops promptly on shutdown. */
export const MAX_DELAY_MS = 300_000

/** One answer. A string body is sent as it is; any other JSON value is sent as JSON. */
export const ResponseStepSchema = z.strictObject({
  status: z.number().int().min(200).max(599).default(200),
  headers: ResponseHeadersSchema.default({}),
  body: z.json().optional(),
  delay_ms: z.number().int().min(0).max(MAX_DELAY_MS).default(0),
})
export type ResponseStep = z.output<typeof ResponseStepSchema>

/** A scripted sequence (500, 500, 200 …) consumed request by request; the last step repeats. */
export const ResponseSequenceSchema = z.strictObject({
  sequence: z.array(ResponseStepSchema).min(1).max(100),
})

export const ResponseRuleSchema = z.union([ResponseSequenceSchema, ResponseStepSchema])
export type ResponseRule = z.output<typeof ResponseRuleSchema>

/**
 * A rule as it is sent to be stored: no framing header (content-length…), which the receiver would
 * only drop. Bins stored before this check still load (StoredBinSchema), their framing headers ignored.
 */
const ResponseRuleInputSchema = ResponseRuleSchema.superRefine((rule, ctx) => {
  const steps =
    'sequence' in rule
      ? rule.sequence.map((step, index) => ({ step, at: ['sequence', index] }))
      : [{ step: rule, at: [] }]
  for (const { step, at } of steps) {
    for (const name of Object.keys(step.headers)) {
      const problem = responseHeaderProblem(name)
      if (problem) ctx.addIssue({ code: 'custom', message: problem, path: [...at, 'headers', name] })
    }
  }
})

export const DEFAULT_RESPONSE: ResponseStep = { status: 200, headers: {}, body: { ok: true }, delay_ms: 0 }

/** How every secret is shown unless revealed; sent back unchanged, it means "keep the stored value". */

const secretText = z.string().max(4096)
const WHSEC = /^whsec_[A-Za-z0-9+/]+={0,2}$/

/**
 * What a bin expects of its senders. Every configured check must pass for the verdict
 * `verified`. With `enforce`, a request that fails is answered 401 instead of by the rule.
 */
export const BinVerifyInputSchema = z.strictObject({
  basic: z.strictObject({ username: z.string().max(1024), password: secretText }).optional(),
  /** A fixed token, or any token the mock OAuth2 server issued and that has not expired. */
  bearer: z
    .union([z.strictObject({ token: secretText.min(1) }), z.strictObject({ mock_oauth: z.literal(true) })])
    .optional(),
  standard_webhooks: z
    .strictObject({
      secret: secretText.refine(
        (secret) => secret === REDACTED || WHSEC.test(secret),
        'a Standard Webhooks secret looks like whsec_<base64>',
      ),
      /** How far webhook-timestamp may be from now (Standard Webhooks: 5 minutes). */
      tolerance_seconds: z.number().int().min(1).max(86_400).default(300),
    })
    .optional(),
  enforce: z.boolean().default(false),
})
export type BinVerifyInput = z.output<typeof BinVerifyInputSchema>

/** As stored (secrets sealed, or empty after importing a workspace exported without secrets) and as answered. */
export const BinVerifySchema = z.object({
  basic: z.object({ username: z.string(), password: z.string() }).optional(),
  bearer: z.union([z.object({ token: z.string() }), z.object({ mock_oauth: z.literal(true) })]).optional(),
  standard_webhooks: z.object({ secret: z.string(), tolerance_seconds: z.number().int() }).optional(),
  enforce: z.boolean().default(false),
})
export type BinVerify = z.output<typeof BinVerifySchema>

const ForwardUrlSchema = z
  .string()
  .max(2048)
  .regex(/^https?:\/\/[^\s]+$/, 'forward_to must be an http:// or https:// URL')
  .nullable()

const BinFieldsSchema = z.strictObject({
  name: BinNameSchema,
  description: z.string().max(2000).default(''),
  response: ResponseRuleInputSchema.default(DEFAULT_RESPONSE),
  verify: BinVerifyInputSchema.default(() => BinVerifyInputSchema.parse({})),
  /** Every capture is also sent on to this URL (your app under development), retried while it is down. */
  forward_to: ForwardUrlSchema.default(null),
})

/** `POST /api/bins`. A secret sent back as `••••` (as GET answered it) keeps the stored value. */
export const CreateBinInputSchema = BinFieldsSchema
export type CreateBinInput = z.output<typeof CreateBinInputSchema>
/** Read-only fields of a GET answer are accepted and ignored, so GET → edit → PUT works as is. */
export const UpdateBinInputSchema = BinFieldsSchema.extend({
  id: z.string().min(1),
  url: z.unknown().optional(),
  auto_created: z.unknown().optional(),
  created_at: z.unknown().optional(),
  modified_at: z.unknown().optional(),
})
export type UpdateBinInput = z.output<typeof UpdateBinInputSchema>

/** A bin as config.json keeps it: secrets sealed (`hbk1:…`/`hbos1:…`). */
export const StoredBinSchema = z.object({
  id: z.string().min(1),
  name: BinNameSchema,
  description: z.string().default(''),
  response: ResponseRuleSchema,
  verify: BinVerifySchema,
  forward_to: ForwardUrlSchema,
  /** Created by a request to an unknown name rather than by the user. */
  auto_created: z.boolean().default(false),
  created_at: z.iso.datetime(),
  modified_at: z.iso.datetime(),
})
export type StoredBin = z.output<typeof StoredBinSchema>

/** What the API answers: the stored bin (secrets redacted unless revealed) and where to send to it. */
export const BinSchema = StoredBinSchema.extend({
  /** `<receiver>/hooks/<name>/`, or null while the receiver is not listening. */
  url: z.string().nullable(),
})
export type Bin = z.output<typeof BinSchema>

const revealFlag = z.union([z.boolean(), z.stringbool()]).default(false)
export const ListBinsInputSchema = z.strictObject({ reveal: revealFlag })
/** `{id}` is the bin's id or its name. */
export const GetBinInputSchema = z.strictObject({ id: z.string().min(1), reveal: revealFlag })
export const BinIdInputSchema = z.strictObject({ id: z.string().min(1) })
