import { type Clock, systemClock } from '../../shared/clock.ts'
import type { Handlers } from '../../shared/contract/index.ts'
import { catalogHandlers } from './catalog-handlers.ts'

export interface CoreOptions {
  dataDir: string
  mode: 'desktop' | 'headless'
  version: string
  clock?: Clock
}

/** Where the host ended up listening; filled in once the servers are up (ports may be 0 → picked). */
export interface Endpoints {
  receiverUrl: string | null
  apiUrl: string | null
}

export interface Core {
  readonly handlers: Handlers
  setEndpoints(endpoints: Endpoints): void
  close(): Promise<void>
}

/**
 * The plain-Node heart of Hookbench. Electron main and `hookbench serve` both open one core and
 * put transports (IPC, HTTP) in front of its handlers.
 */
export async function openCore(options: CoreOptions): Promise<Core> {
  const clock = options.clock ?? systemClock
  const startedAt = new Date(clock.now()).toISOString()
  let endpoints: Endpoints = { receiverUrl: null, apiUrl: null }

  const handlers: Handlers = {
    health: async () => ({
      status: 'ok',
      name: 'hookbench',
      version: options.version,
      mode: options.mode,
      started_at: startedAt,
      receiver_url: endpoints.receiverUrl,
      api_url: endpoints.apiUrl,
      data_dir: options.dataDir,
    }),
    ...catalogHandlers(),
  }

  return {
    handlers,
    setEndpoints(next) {
      endpoints = next
    },
    async close() {},
  }
}
