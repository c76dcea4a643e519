import { parseArgs } from 'node:util'
import { z } from 'zod'
import { HookbenchError, invalidInput } from '../shared/errors.ts'

const port = z
  .string()
  .regex(/^\d{1,5}$/, 'a port is a whole number from 0 to 65535')
  .transform(Number)
  .pipe(z.number().max(65_535, 'a port is a whole number from 0 to 65535'))

export const ServeOptionsSchema = z.object({
  host: z.string().min(1).default('127.0.0.1'),
  port: port.default(8787),
  apiHost: z.string().min(1).default('127.0.0.1'),
  apiPort: port.default(8788),
  dataDir: z.string().min(1).optional(),
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

export function parseCommand(argv: string[]): Command {
  let parsed: ReturnType<typeof parseArgs>
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        host: { type: 'string' },
        port: { type: 'string' },
        'api-host': { type: 'string' },
        'api-port': { type: 'string' },
        'data-dir': { type: 'string' },
        token: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    })
  } catch (error) {
    throw new HookbenchError('bad_request', `${(error as Error).message}\n\n${USAGE}`)
  }
  const { values, positionals } = parsed
  if (values.help) return { kind: 'help' }
  if (values.version) return { kind: 'version' }
  const [command, ...rest] = positionals
  if (command === undefined) return { kind: 'help' }
  if (command !== 'serve')
    throw new HookbenchError('bad_request', `Unknown command "${command}".\n\n${USAGE}`)
  if (rest.length > 0) throw new HookbenchError('bad_request', `Unexpected argument "${rest[0]}".`)
  const options = ServeOptionsSchema.safeParse({
    host: values.host,
    port: values.port,
    apiHost: values['api-host'],
    apiPort: values['api-port'],
    dataDir: values['data-dir'],
    token: values.token,
  })
  if (!options.success) throw invalidInput(options.error, 'option')
  return { kind: 'serve', options: options.data }
}
