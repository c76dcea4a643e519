import { randomBytes } from 'node:crypto'
import { mkdir } from 'node:fs/promises'
import { type Core, openCore } from '../core/index.ts'
import { createReceiverServer } from '../core/receiver/receiver-server.ts'
import { createApiServer } from '../http/api-server.ts'

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
}

export interface Host {
  core: Core
  receiverUrl: string
  apiUrl: string | null
  token: string
  stop(): Promise<void>
}

export function generateToken(): string {
  return randomBytes(32).toString('base64url')
}

/**
 * Opens the core and puts its listeners in front of it. Shared by the desktop app and
 * `hookbench serve`, so both run exactly the same product. If anything fails half-way, what was
 * started is stopped again before the error propagates.
 */
export async function startHost(options: HostOptions): Promise<Host> {
  await mkdir(options.dataDir, { recursive: true, mode: 0o700 })
  const token = options.token ?? generateToken()
  const core = await openCore({ dataDir: options.dataDir, mode: options.mode, version: options.version })
  const receiver = createReceiverServer({
    host: options.host ?? '127.0.0.1',
    port: options.receiverPort ?? 8787,
  })
  const api =
    options.apiPort === null
      ? null
      : createApiServer({
          handlers: core.handlers,
          token,
          host: options.apiHost ?? '127.0.0.1',
          port: options.apiPort ?? 8788,
          rendererDir: options.rendererDir ?? null,
        })

  const stops: Array<() => Promise<void>> = [() => core.close()]
  const stopAll = async () => {
    for (const stop of stops.splice(0).reverse()) await stop()
  }
  try {
    const receiverUrl = await receiver.start()
    stops.push(() => receiver.stop())
    const apiUrl = api ? await api.start() : null
    if (api) stops.push(() => api.stop())
    core.setEndpoints({ receiverUrl, apiUrl })
    return { core, receiverUrl, apiUrl, token, stop: stopAll }
  } catch (error) {
    await stopAll()
    throw error
  }
}
