import { z } from 'zod'
import {
  ApiUrlSchema,
  badArguments,
  DataDirSchema,
  invalidOption,
  type OptionTable,
  type OptionValues,
  stringOption,
  TokenSchema,
} from './options.ts'

/**
 * The client commands: thin clients of a running Hookbench's local API (never the data folder,
 * which that Hookbench holds locked).
 */
export const clientCommandNames = ['trigger', 'replay', 'export', 'import'] as const
export type ClientCommandName = (typeof clientCommandNames)[number]

const CONNECTION_OPTIONS = {
  api: { type: 'string' },
  token: { type: 'string' },
  'data-dir': { type: 'string' },
} as const satisfies OptionTable

export const CLIENT_OPTIONS = {
  trigger: {
    ...CONNECTION_OPTIONS,
    data: { type: 'string' },
    'tenant-id': { type: 'string' },
    'entity-key': { type: 'string' },
    'resource-id': { type: 'string' },
    json: { type: 'boolean' },
  },
  replay: {
    ...CONNECTION_OPTIONS,
    'new-id': { type: 'boolean' },
    url: { type: 'string' },
    json: { type: 'boolean' },
  },
  export: {
    ...CONNECTION_OPTIONS,
    history: { type: 'boolean' },
    secrets: { type: 'boolean' },
    output: { type: 'string', short: 'o' },
  },
  import: { ...CONNECTION_OPTIONS, replace: { type: 'boolean' }, json: { type: 'boolean' } },
} as const satisfies Record<ClientCommandName, OptionTable>

const CONNECTION_USAGE = `Finding Hookbench (the first that applies):
  --api <url>          the local API, e.g. http://127.0.0.1:8788, with --token or HOOKBENCH_TOKEN
  --data-dir <dir>     the Hookbench running on that workspace: <dir>/api.json says where
  HOOKBENCH_API        as --api, with --token or HOOKBENCH_TOKEN
  (none of these)      api.json in the default data folder (the desktop app's, as for serve)
  --token <token>      the bearer token, instead of the one api.json gives
  -h, --help           show this help
`

export const CLIENT_USAGE: Record<ClientCommandName, string> = {
  trigger: `Usage: hookbench trigger <topic> [options]

Sends an event (POST /api/events): one message per enabled subscription that matches it.
Without --data, the data is the topic's example payload from the catalog.

Options:
  --data <json>        the event's data as JSON, or @file.json to read it from a file
  --tenant-id <id>     the event's tenant (Rustici subscriptions of another tenant skip it)
  --entity-key <key>   the event's entity (QuicklySign subscriptions watch one entity)
  --resource-id <id>   the event's resource_id (IAM)
  --json               print the API's answer as JSON

${CONNECTION_USAGE}`,
  replay: `Usage: hookbench replay <message_id> [options]

Delivers a message again (POST /api/messages/{message_id}/replay), with the same message_id
and a fresh signature unless --new-id.

Options:
  --new-id             a new message (new message_id) for the same event and subscription
  --url <url>          send it to this URL instead of the subscription's
  --json               print the API's answer as JSON

${CONNECTION_USAGE}`,
  export: `Usage: hookbench export [options]

Writes the workspace as one JSON file (GET /api/export): the configuration, secrets as ••••.

Options:
  --history            include events, messages, attempts and captured requests
  --secrets            include the secrets themselves (-o FILE is then created 0600)
  -o, --output <file>  write to this file instead of stdout

${CONNECTION_USAGE}`,
  import: `Usage: hookbench import <file> [options]

Loads an exported workspace (POST /api/import) into the running Hookbench; an invalid file
changes nothing. Merges by default: entities with the same id are replaced, others kept.

Options:
  --replace            the file becomes the whole configuration instead
  --json               print the API's answer as JSON

${CONNECTION_USAGE}`,
}

const ConnectionSchema = z.object({
  api: ApiUrlSchema.optional(),
  token: TokenSchema.optional(),
  dataDir: DataDirSchema.optional(),
})
export type ConnectionOptions = z.infer<typeof ConnectionSchema>

/** Where an event's data comes from: JSON given inline (parsed here), or a file read when sending. */
export type DataSource = { kind: 'inline'; value: z.core.util.JSONType } | { kind: 'file'; path: string }

const DataSchema = z.string().transform((text, ctx): DataSource => {
  if (text.startsWith('@')) {
    const path = text.slice(1)
    if (path === '') ctx.addIssue({ code: 'custom', message: 'give a file after @, as in @event.json' })
    return { kind: 'file', path }
  }
  const parsed = parseJson(text)
  if (!parsed.ok) {
    ctx.addIssue({ code: 'custom', message: `not valid JSON (${parsed.reason}); @file.json reads a file` })
    return z.NEVER
  }
  return { kind: 'inline', value: parsed.value }
})

export function parseJson(
  text: string,
): { ok: true; value: z.core.util.JSONType } | { ok: false; reason: string } {
  try {
    return { ok: true, value: JSON.parse(text) as z.core.util.JSONType }
  } catch (error) {
    return { ok: false, reason: (error as Error).message }
  }
}

const notBlank = z.string().min(1, 'must not be empty')

export const TriggerOptionsSchema = ConnectionSchema.extend({
  topic: notBlank,
  data: DataSchema.optional(),
  tenantId: notBlank.optional(),
  entityKey: notBlank.optional(),
  resourceId: notBlank.optional(),
  json: z.boolean(),
})
export type TriggerOptions = z.infer<typeof TriggerOptionsSchema>

export const ReplayOptionsSchema = ConnectionSchema.extend({
  messageId: notBlank,
  newId: z.boolean(),
  url: z
    .string()
    .regex(/^https?:\/\/./, 'give a URL that starts with http:// or https://')
    .optional(),
  json: z.boolean(),
})
export type ReplayOptions = z.infer<typeof ReplayOptionsSchema>

export const ExportOptionsSchema = ConnectionSchema.extend({
  history: z.boolean(),
  secrets: z.boolean(),
  output: z.string().min(1, 'give a file').optional(),
})
export type ExportOptions = z.infer<typeof ExportOptionsSchema>

export const ImportOptionsSchema = ConnectionSchema.extend({
  file: notBlank,
  replace: z.boolean(),
  json: z.boolean(),
})
export type ImportOptions = z.infer<typeof ImportOptionsSchema>

export type ClientCommand =
  | { kind: 'trigger'; options: TriggerOptions }
  | { kind: 'replay'; options: ReplayOptions }
  | { kind: 'export'; options: ExportOptions }
  | { kind: 'import'; options: ImportOptions }

/** The flag each schema field comes from, so a message names what the user typed. */
const FLAGS: Record<string, string> = {
  api: '--api',
  token: '--token',
  dataDir: '--data-dir',
  data: '--data',
  tenantId: '--tenant-id',
  entityKey: '--entity-key',
  resourceId: '--resource-id',
  url: '--url',
  output: '--output',
  topic: 'topic',
  messageId: 'message_id',
  file: 'file',
}

/** The one positional argument each command takes, named as its usage names it. */
const POSITIONAL: Record<ClientCommandName, string | null> = {
  trigger: 'topic',
  replay: 'message_id',
  export: null,
  import: 'file',
}

export function parseClientCommand(
  name: ClientCommandName,
  values: OptionValues,
  rest: string[],
): ClientCommand {
  const usage = CLIENT_USAGE[name]
  const wanted = POSITIONAL[name]
  if (wanted !== null && rest.length === 0) throw badArguments(`${name} needs a ${wanted}.`, usage)
  const extra = rest[wanted === null ? 0 : 1]
  if (extra !== undefined) throw badArguments(`Unexpected argument "${extra}".`, usage)
  const [positional] = rest
  const connection = {
    api: stringOption(values.api),
    token: stringOption(values.token),
    dataDir: stringOption(values['data-dir']),
  }
  const json = values.json === true
  switch (name) {
    case 'trigger':
      return {
        kind: name,
        options: parsed(TriggerOptionsSchema, {
          ...connection,
          topic: positional,
          data: stringOption(values.data),
          tenantId: stringOption(values['tenant-id']),
          entityKey: stringOption(values['entity-key']),
          resourceId: stringOption(values['resource-id']),
          json,
        }),
      }
    case 'replay':
      return {
        kind: name,
        options: parsed(ReplayOptionsSchema, {
          ...connection,
          messageId: positional,
          newId: values['new-id'] === true,
          url: stringOption(values.url),
          json,
        }),
      }
    case 'export':
      return {
        kind: name,
        options: parsed(ExportOptionsSchema, {
          ...connection,
          history: values.history === true,
          secrets: values.secrets === true,
          output: stringOption(values.output),
        }),
      }
    case 'import':
      return {
        kind: name,
        options: parsed(ImportOptionsSchema, {
          ...connection,
          file: positional,
          replace: values.replace === true,
          json,
        }),
      }
    default: {
      const unreachable: never = name
      return unreachable
    }
  }
}

function parsed<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input)
  if (!result.success) throw invalidOption(result.error, FLAGS)
  return result.data
}
