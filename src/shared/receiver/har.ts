import { z } from 'zod'
import { RevealFlagSchema } from '../domain/oauth-client.ts'
import { BinNameSchema } from './bin.ts'

/**
 * HAR 1.2 (http://www.softwareishard.com/blog/har-12-spec/), as far as captures need it. Export
 * writes full entries; import accepts what browsers, proxies and Hookbench itself write, reading
 * only the request side. Bodies that are not text carry `_encoding: "base64"` (a custom field,
 * as the spec allows), and `encoding` is accepted too because some tools write that.
 */
const NameValueSchema = z.object({ name: z.string(), value: z.string() })

const HarPostDataSchema = z.looseObject({
  mimeType: z.string().optional(),
  text: z.string().optional(),
  encoding: z.string().optional(),
  _encoding: z.string().optional(),
})

const HarRequestSchema = z.looseObject({
  method: z.string().regex(/^[A-Za-z]{1,32}$/, 'not an HTTP method'),
  url: z.string().min(1),
  httpVersion: z.string().optional(),
  headers: z.array(NameValueSchema).default([]),
  postData: HarPostDataSchema.optional(),
})

const HarEntrySchema = z.looseObject({
  startedDateTime: z.iso.datetime({ offset: true }),
  request: HarRequestSchema,
})
export type HarEntry = z.output<typeof HarEntrySchema>

export const HarLogSchema = z.looseObject({
  version: z.string().optional(),
  creator: z.looseObject({ name: z.string(), version: z.string() }).optional(),
  entries: z.array(HarEntrySchema).max(10_000),
})

/** `POST /api/requests/har?bin=<name>` with a HAR file as the body; the bin is created if needed. */
export const ImportHarInputSchema = z.strictObject({
  bin: BinNameSchema,
  log: HarLogSchema,
})
export type ImportHarInput = z.output<typeof ImportHarInputSchema>
export const ImportHarOutputSchema = z.object({ bin_id: z.string(), imported: z.number().int() })

export const ExportHarInputSchema = z.strictObject({
  /** A bin's name or id; all bins when absent. */
  bin: z.string().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(10_000).default(1_000),
  /** Credentials in headers are `••••` unless revealed. */
  reveal: RevealFlagSchema,
})

/** The document `GET /api/requests/har` answers: `{log: {version: "1.2", creator, entries}}`. */
export const HarDocumentSchema = z.object({
  log: z.looseObject({
    version: z.literal('1.2'),
    creator: z.object({ name: z.string(), version: z.string() }),
    entries: z.array(z.looseObject({})),
  }),
})
export type HarDocument = z.output<typeof HarDocumentSchema>
