import { type ParseArgsConfig, parseArgs } from 'node:util'
import { z } from 'zod'
import { HookbenchError } from '../shared/errors.ts'

const port = z
  .string()
  .regex(/^\d{1,5}$/, 'a port is a whole number from 0 to 65535')
  .transform(Number)
  .pipe(z.number().max(65_535, 'a port is a whole number from 0 to 65535'))

const address = z.string().min(1, 'give an address such as 127.0.0.1 or 0.0.0.0')

export const ServeOptionsSchema = z.object({
  host: address.default('127.0.0.1'),
  port: port.default(8787),
  apiHost: address.default('127.0.0.1'),
  apiPort: port.default(8788),
  dataDir: z.string().min(1, 'give a folder').optional(),
  token: z
    .string()
    .regex(/^[\w.~-]{16,256}$/, 'use 16 to 256 characters from A-Z a-z 0-9 _ . ~ -')
    .optional(),
})
export type ServeOptions = z.infer<typeof ServeOptionsSchema>

export type Command = { kind: 'serve'; options: ServeOptions } | { kind: 'help' } | { kind: 'version' }

export const USAGE = `Usage: hookbench <command> [options]

Commands:
  serve    Run Hookbench headless: receiver, local API and the web UI.

Options for serve:
  --host <addr>       receiver bind address            (default 127.0.0.1)
  --port <n>          receiver port, 0 picks a free one (default 8787)
  --api-host <addr>   local API bind address           (default 127.0.0.1, keep it on loopback)
  --api-port <n>      local API + web UI port, 0 = free (default 8788)
  --data-dir <dir>    workspace folder                 (default: the desktop app's data folder)
  --token <token>     local API bearer token           (default: a new random one per launch)

  -h, --help          show this help
  -v, --version       print the version

When ready, serve prints one JSON line on stdout:
  {"event":"listening","receiver":"http://…","api":"http://…","token":"…"}
`

const OPTIONS = {
  host: { type: 'string' },
  port: { type: 'string' },
  'api-host': { type: 'string' },
  'api-port': { type: 'string' },
  'data-dir': { type: 'string' },
  token: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const satisfies ParseArgsConfig['options']

type OptionName = keyof typeof OPTIONS

function isOptionName(name: string): name is OptionName {
  return Object.hasOwn(OPTIONS, name)
}

function badArguments(message: string): HookbenchError {
  return new HookbenchError('bad_request', `${message}\n\n${USAGE}`)
}

/**
 * Reads argv leniently and then judges every option token itself, so each mistake gets a
 * sentence of ours (`Unknown option --bogus.`) rather than parseArgs' strict-mode wording.
 */
function readArgs(argv: string[]) {
  const parsed = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: false,
    tokens: true,
    options: OPTIONS,
  })
  for (const token of parsed.tokens) {
    if (token.kind !== 'option') continue
    if (!isOptionName(token.name)) throw badArguments(`Unknown option ${token.rawName}.`)
    const type = OPTIONS[token.name].type
    if (type === 'boolean' && token.value !== undefined) {
      throw badArguments(`Option ${token.rawName} takes no value.`)
    }
    if (type === 'string' && token.value === undefined) {
      throw badArguments(`Option ${token.rawName} needs a value.`)
    }
    // strict parseArgs refuses `--port --api-port 0` rather than reading "--api-port" as the port.
    if (type === 'string' && !token.inlineValue && token.value?.startsWith('-')) {
      throw badArguments(
        `Option ${token.rawName} needs a value, not ${token.value}. For a value that starts with a dash, write ${token.rawName}=<value>.`,
      )
    }
  }
  return {
    values: parsed.values as Partial<Record<OptionName, string | boolean>>,
    positionals: parsed.positionals,
  }
}

/** The flag a schema field came from, so a message names what the user typed. */
const FLAGS: Record<keyof ServeOptions, string> = {
  host: '--host',
  port: '--port',
  apiHost: '--api-host',
  apiPort: '--api-port',
  dataDir: '--data-dir',
  token: '--token',
}

function invalidOption(error: z.ZodError): HookbenchError {
  const issue = error.issues[0]
  const field = String(issue?.path[0] ?? '')
  const flag = Object.hasOwn(FLAGS, field) ? FLAGS[field as keyof ServeOptions] : field
  return new HookbenchError('bad_request', `Invalid ${flag}: ${issue?.message ?? 'unknown'}.`, {
    issues: error.issues.map((each) => ({ path: each.path.map(String).join('.'), message: each.message })),
  })
}

function stringOption(value: string | boolean | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined
}

export function parseCommand(argv: string[]): Command {
  const { values, positionals } = readArgs(argv)
  if (values.help) return { kind: 'help' }
  if (values.version) return { kind: 'version' }
  const [command, ...rest] = positionals
  // Not `help`: a script that forgot its command should fail loudly, not succeed with usage.
  if (command === undefined) throw badArguments('No command given.')
  if (command !== 'serve') throw badArguments(`Unknown command "${command}".`)
  if (rest.length > 0) throw new HookbenchError('bad_request', `Unexpected argument "${rest[0]}".`)
  const options = ServeOptionsSchema.safeParse({
    host: stringOption(values.host),
    port: stringOption(values.port),
    apiHost: stringOption(values['api-host']),
    apiPort: stringOption(values['api-port']),
    dataDir: stringOption(values['data-dir']),
    token: stringOption(values.token),
  })
  if (!options.success) throw invalidOption(options.error)
  return { kind: 'serve', options: options.data }
}
