import { z } from 'zod'
import { HookbenchError } from '../shared/errors.ts'
import { CHECK_OPTIONS, CHECK_USAGE, type CheckArgs, parseCheckCommand } from './check-args.ts'
import {
  CLIENT_OPTIONS,
  CLIENT_USAGE,
  type ClientCommand,
  clientCommandNames,
  parseClientCommand,
} from './client-args.ts'
import {
  badArguments,
  DataDirSchema,
  invalidOption,
  type OptionTable,
  readArgs,
  stringOption,
  TokenSchema,
} from './options.ts'

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
  dataDir: DataDirSchema.optional(),
  token: TokenSchema.optional(),
})
export type ServeOptions = z.infer<typeof ServeOptionsSchema>

export const commandNames = ['serve', 'check', ...clientCommandNames] as const
export type CommandName = (typeof commandNames)[number]

export type Command =
  | { kind: 'serve'; options: ServeOptions }
  | { kind: 'check'; options: CheckArgs }
  | ClientCommand
  /** `command`: `hookbench <command> --help` shows that command's usage. */
  | { kind: 'help'; command?: CommandName }
  | { kind: 'version' }

export const USAGE = `Usage: hookbench <command> [options]

Commands:
  serve     Run Hookbench headless: receiver, local API and the web UI.
  trigger   Send an event, with the topic's example payload unless --data.
  replay    Deliver a message again, by its message_id.
  export    Write the workspace as one JSON file.
  import    Load an exported workspace.
  check     Check a webhook endpoint: signatures, replays, duplicates, timing, vendor rules.

trigger, replay, export and import talk to a running Hookbench (serve or the desktop app).
\`hookbench <command> --help\` shows a command's options.

  -h, --help          show this help
  -v, --version       print the version
`

export const SERVE_USAGE = `Usage: hookbench serve [options]

Runs Hookbench headless: receiver, local API and the web UI.

Options:
  --host <addr>       receiver bind address            (default 127.0.0.1)
  --port <n>          receiver port, 0 picks a free one (default 8787)
  --api-host <addr>   local API bind address           (default 127.0.0.1, keep it on loopback)
  --api-port <n>      local API + web UI port, 0 = free (default 8788)
  --data-dir <dir>    workspace folder                 (default: the desktop app's data folder)
  --token <token>     local API bearer token           (default: a new random one per launch)
  -h, --help          show this help

When ready, serve prints one JSON line on stdout:
  {"event":"listening","receiver":"http://…","api":"http://…","token":"…"}
`

const GLOBAL_OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const satisfies OptionTable

const SERVE_OPTIONS = {
  host: { type: 'string' },
  port: { type: 'string' },
  'api-host': { type: 'string' },
  'api-port': { type: 'string' },
  'data-dir': { type: 'string' },
  token: { type: 'string' },
} as const satisfies OptionTable

const COMMAND_OPTIONS: Record<CommandName, OptionTable> = {
  serve: SERVE_OPTIONS,
  check: CHECK_OPTIONS,
  ...CLIENT_OPTIONS,
}

/** Every option any command knows (each name has one type everywhere), for the first reading. */
const ALL_OPTIONS: OptionTable = Object.assign({}, GLOBAL_OPTIONS, ...Object.values(COMMAND_OPTIONS))

export function usageOf(command: CommandName | undefined): string {
  if (command === undefined) return USAGE
  if (command === 'check') return CHECK_USAGE
  return command === 'serve' ? SERVE_USAGE : CLIENT_USAGE[command]
}

function isCommandName(name: string | undefined): name is CommandName {
  return (commandNames as readonly (string | undefined)[]).includes(name)
}

/** The flag a schema field came from, so a message names what the user typed. */
const SERVE_FLAGS: Record<keyof ServeOptions, string> = {
  host: '--host',
  port: '--port',
  apiHost: '--api-host',
  apiPort: '--api-port',
  dataDir: '--data-dir',
  token: '--token',
}

export function parseCommand(argv: string[]): Command {
  const { values, positionals } = readArgs(argv, ALL_OPTIONS, ([first]) =>
    isCommandName(first)
      ? { options: { ...GLOBAL_OPTIONS, ...COMMAND_OPTIONS[first] }, usage: usageOf(first) }
      : { options: ALL_OPTIONS, usage: USAGE },
  )
  const [command, ...rest] = positionals
  if (values.help) return isCommandName(command) ? { kind: 'help', command } : { kind: 'help' }
  if (values.version) return { kind: 'version' }
  // Not `help`: a script that forgot its command should fail loudly, not succeed with usage.
  if (command === undefined) throw badArguments('No command given.', USAGE)
  if (!isCommandName(command)) throw badArguments(`Unknown command "${command}".`, USAGE)
  if (command === 'check') return parseCheckCommand(values, rest)
  if (command !== 'serve') return parseClientCommand(command, values, rest)
  if (rest.length > 0) throw new HookbenchError('bad_request', `Unexpected argument "${rest[0]}".`)
  const options = ServeOptionsSchema.safeParse({
    host: stringOption(values.host),
    port: stringOption(values.port),
    apiHost: stringOption(values['api-host']),
    apiPort: stringOption(values['api-port']),
    dataDir: stringOption(values['data-dir']),
    token: stringOption(values.token),
  })
  if (!options.success) throw invalidOption(options.error, SERVE_FLAGS)
  return { kind: 'serve', options: options.data }
}
