import { randomBytes } from 'node:crypto'
import { mkdir } from 'node:fs/promises'
import type { SecretBox } from '../core/index.ts'
import { type Core, createReceiverServer, openCore } from '../core/index.ts'
import { createApiServer } from './api-server.ts'
import { publishDiscovery } from './discovery.ts'

export interface HostOptions {
  mode: 'desktop' | 'headless'
  version: string
  dataDir: string
  /** Bind address of the receiver (webhook senders may live in containers or on other hosts). */
  host?: string
  receiverPort?: number
  /** Bind address of the local API: loopback unless the user explicitly asks otherwise. */
  apiHost?: string
  /** null turns the local API off (desktop setting); 0 picks a free port. */
  apiPort?: number | null
  token?: string
  rendererDir?: string | null
  /** The desktop app's OS-keychain box; headless mode uses the data folder's key file. */
  secretBox?: SecretBox
  /**
   * When a requested port is taken, try the next 20 ports, then any free one (the desktop app,
   * which must start even if another program holds 8787). Off for `hookbench serve`, where the
   * user asked for that exact port and a clear failure is better. The chosen URLs are in `health`.
   */
  portFallback?: boolean
}

export interface Host {
  core: Core
  receiverUrl: string
  apiUrl: string | null
  token: string
  stop(): Promise<void>
}

/**
 * A fresh API token per launch. The `hb_` prefix makes it recognisable to secret scanners and
 * keeps it from starting with `-`, which command-line parsers would take for an option.
 */
export function generateToken(): string {
  return `hb_${randomBytes(32).toString('base64url')}`
}

/**
 * Opens the core and puts its listeners in front of it. Shared by the desktop app and
 * `hookbench serve`, so both run exactly the same product. Once the local API listens, its
 * address and token go to `<data dir>/api.json` for the CLI's client commands. If anything fails
 * half-way, what was started is stopped again before the error propagates.
 */
export async function startHost(options: HostOptions): Promise<Host> {
  await mkdir(options.dataDir, { recursive: true, mode: 0o700 })
  const token = options.token ?? generateToken()
  const core = await openCore({
    dataDir: options.dataDir,
    mode: options.mode,
    version: options.version,
    ...(options.secretBox ? { secretBox: options.secretBox } : {}),
  })
  const fallback = options.portFallback ?? false
  const receiverPort = options.receiverPort ?? 8787
  const apiPort = options.apiPort === null ? null : (options.apiPort ?? 8788)

  const stops: Array<() => Promise<void>> = [() => core.close()]
  const stopAll = async () => {
    // First, while the receiver still answers: a check run of its own bins ends with real answers.
    await core.stopOutgoingWork()
    for (const stop of stops.splice(0).reverse()) await stop()
  }
  try {
    // The receiver does not fall back onto the port the API asked for, so the API keeps its own.
    const receiver = await startOnPort(
      candidatePorts(receiverPort, fallback, apiPort === null ? [] : [apiPort]),
      (port) =>
        createReceiverServer({
          host: options.host ?? '127.0.0.1',
          port,
          hooks: core.hooks,
          routes: core.receiverRoutes,
        }),
    )
    stops.push(() => receiver.server.stop())
    const api =
      apiPort === null
        ? null
        : await startOnPort(candidatePorts(apiPort, fallback), (port) =>
            createApiServer({
              handlers: core.handlers,
              events: core.events,
              token,
              host: options.apiHost ?? '127.0.0.1',
              port,
              rendererDir: options.rendererDir ?? null,
            }),
          )
    if (api) stops.push(() => api.server.stop())
    const receiverUrl = receiver.url
    const apiUrl = api?.url ?? null
    core.setEndpoints({ receiverUrl, apiUrl })
    // Only now is there an API to find; removed first on stop, before the API stops answering.
    if (apiUrl !== null) {
      const discovery = { api: apiUrl, receiver: receiverUrl, token, pid: process.pid }
      stops.push(await publishDiscovery(options.dataDir, discovery))
    }
    return { core, receiverUrl, apiUrl, token, stop: stopAll }
  } catch (error) {
    await stopAll()
    throw error
  }
}

/** How many ports after the requested one are tried before asking the OS for any free port. */
export const PORT_FALLBACK_RANGE = 20

/**
 * The ports to try, in order: just the requested one without fallback (or when it is 0, "any");
 * with fallback, the requested one, the next 20 (skipping `avoid` and anything above 65535), then 0.
 */
export function candidatePorts(port: number, fallback: boolean, avoid: readonly number[] = []): number[] {
  if (!fallback || port === 0) return [port]
  const ports = [port]
  for (let next = port + 1; next <= Math.min(port + PORT_FALLBACK_RANGE, 65_535); next++) {
    if (!avoid.includes(next)) ports.push(next)
  }
  ports.push(0)
  return ports
}

interface Listener {
  start(): Promise<string>
  stop(): Promise<void>
}

/** A port someone else holds (EADDRINUSE), or one the OS reserves, as Windows does for Hyper-V (EACCES). */
function isPortUnavailable(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code
  return code === 'EADDRINUSE' || code === 'EACCES'
}

/** Starts a fresh server on each candidate port until one listens; other errors end the search. */
async function startOnPort<S extends Listener>(
  ports: readonly number[],
  create: (port: number) => S,
): Promise<{ server: S; url: string }> {
  let lastError: unknown = new Error('no port to try')
  for (const port of ports) {
    const server = create(port)
    try {
      return { server, url: await server.start() }
    } catch (error) {
      if (!isPortUnavailable(error)) throw error
      lastError = error
    }
  }
  throw lastError
}
