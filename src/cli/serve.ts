import { resolve } from 'node:path'
import { startHost } from '../main/host/start.ts'
import type { ServeOptions } from './args.ts'
import { builtRendererDir, defaultDataDir, packageVersion } from './paths.ts'

/**
 * `hookbench serve`: runs the whole product headless and prints one JSON readiness line on
 * stdout (everything else goes to stderr, so scripts can read stdout line by line).
 * Resolves with the exit code once a SIGTERM/SIGINT has stopped everything cleanly.
 */
export async function serve(options: ServeOptions): Promise<number> {
  const rendererDir = builtRendererDir()
  if (!rendererDir) console.error('[hookbench] web UI not built (run `npm run build`): serving the API only.')
  const host = await startHost({
    mode: 'headless',
    version: packageVersion(),
    dataDir: resolve(options.dataDir ?? defaultDataDir()),
    host: options.host,
    receiverPort: options.port,
    apiHost: options.apiHost,
    apiPort: options.apiPort,
    rendererDir,
    ...(options.token ? { token: options.token } : {}),
  })
  const ready = { event: 'listening', receiver: host.receiverUrl, api: host.apiUrl, token: host.token }
  process.stdout.write(`${JSON.stringify(ready)}\n`)
  console.error(`[hookbench] web UI: ${host.apiUrl}/  ·  receiver: ${host.receiverUrl}`)

  const signal = await new Promise<NodeJS.Signals>((done) => {
    process.once('SIGTERM', () => done('SIGTERM'))
    process.once('SIGINT', () => done('SIGINT'))
  })
  // A second signal while stopping means "now": give up on a clean stop.
  const forceExit = () => process.exit(1)
  process.once('SIGTERM', forceExit)
  process.once('SIGINT', forceExit)
  console.error(`[hookbench] ${signal}: stopping…`)
  await host.stop()
  console.error('[hookbench] stopped.')
  return 0
}
