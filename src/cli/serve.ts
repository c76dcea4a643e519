import { isIPv4 } from 'node:net'
import { resolve } from 'node:path'
import { type Host, startHost } from '../server/host.ts'
import type { ServeOptions } from './args.ts'
import { builtRendererDir, defaultDataDir, packageVersion } from './paths.ts'
import { type StartAttempt, StartFailed } from './start-failure.ts'

/**
 * `hookbench serve`: runs the whole product headless and prints one JSON readiness line on
 * stdout (everything else goes to stderr, so scripts can read stdout line by line).
 * Resolves with the exit code once a SIGTERM/SIGINT has stopped everything cleanly.
 */
export async function serve(options: ServeOptions): Promise<number> {
  const rendererDir = builtRendererDir()
  const dataDir = resolve(options.dataDir ?? defaultDataDir())
  const attempt: StartAttempt = {
    dataDir,
    receiver: { host: options.host, port: options.port },
    api: { host: options.apiHost, port: options.apiPort },
  }
  let host: Host
  try {
    host = await startHost({
      mode: 'headless',
      version: packageVersion(),
      dataDir,
      host: options.host,
      receiverPort: options.port,
      apiHost: options.apiHost,
      apiPort: options.apiPort,
      rendererDir,
      ...(options.token ? { token: options.token } : {}),
    })
  } catch (error) {
    throw new StartFailed(error, attempt)
  }
  // Listening for signals before saying we are ready: a supervisor may send SIGTERM the moment it
  // reads the readiness line, and Node's default would end the process without a clean stop.
  const stopSignal = new Promise<NodeJS.Signals>((done) => {
    process.once('SIGTERM', () => done('SIGTERM'))
    process.once('SIGINT', () => done('SIGINT'))
  })
  if (!rendererDir) console.error('[hookbench] web UI not built (run `npm run build`): serving the API only.')
  if (!isLoopbackHost(options.apiHost)) console.error(exposedApiWarning(options.apiHost))
  const ready = { event: 'listening', receiver: host.receiverUrl, api: host.apiUrl, token: host.token }
  process.stdout.write(`${JSON.stringify(ready)}\n`)
  console.error(`[hookbench] web UI: ${host.apiUrl}/  ·  receiver: ${host.receiverUrl}`)

  const signal = await stopSignal
  // A second signal while stopping means "now": give up on a clean stop.
  const forceExit = () => process.exit(1)
  process.once('SIGTERM', forceExit)
  process.once('SIGINT', forceExit)
  console.error(`[hookbench] ${signal}: stopping…`)
  await host.stop()
  console.error('[hookbench] stopped.')
  return 0
}

/** 127.0.0.0/8, ::1 (also as an IPv4-mapped address) and `localhost`: reachable from this machine only. */
export function isLoopbackHost(host: string): boolean {
  const name = host.toLowerCase().replace(/^\[(.*)\]$/, '$1')
  if (name === 'localhost' || name === '::1' || name === '0:0:0:0:0:0:0:1') return true
  const v4 = name.startsWith('::ffff:') ? name.slice('::ffff:'.length) : name
  return isIPv4(v4) && v4.startsWith('127.')
}

/** One line on stderr: the API token gives full control, so exposing the API must be a choice. */
export function exposedApiWarning(apiHost: string): string {
  const where = apiHost === '0.0.0.0' || apiHost === '::' ? `${apiHost} (every network interface)` : apiHost
  return (
    `[hookbench] warning: --api-host ${where} makes the local API and the web UI reachable from the ` +
    'network, where anyone holding the token controls this Hookbench. Use 127.0.0.1 unless you mean it.'
  )
}
