import { type Clock, systemClock } from '../../shared/clock.ts'
import type { Handlers } from '../../shared/contract/index.ts'
import { catalogHandlers } from './catalog-handlers.ts'
import { authConfigHandlers } from './delivery/auth-configs.ts'
import { subscriptionHandlers } from './delivery/subscriptions.ts'
import { openKeyFileBox } from './secrets/key-file-box.ts'
import type { SecretBox } from './secrets/secret-box.ts'
import { openConfigStore } from './store/config/config-store.ts'
import { acquireDataDirLock } from './store/data-dir-lock.ts'
import { recordSchemas } from './store/record-schemas.ts'
import { openRecordStore } from './store/record-store.ts'
import { workspaceHandlers } from './workspace/workspace-handlers.ts'

export interface CoreOptions {
  dataDir: string
  mode: 'desktop' | 'headless'
  version: string
  clock?: Clock
  /** The desktop app passes its OS-keychain box; headless mode uses a 0600 key file in the data dir. */
  secretBox?: SecretBox
}

/** Where the host ended up listening; filled in once the servers are up (ports may be 0 → picked). */
export interface Endpoints {
  receiverUrl: string | null
  apiUrl: string | null
}

export interface Core {
  readonly handlers: Handlers
  setEndpoints(endpoints: Endpoints): void
  /** Finishes queued writes, closes every file and releases the data folder. */
  close(): Promise<void>
}

/**
 * The plain-Node heart of Hookbench. Electron main and `hookbench serve` both open one core and
 * put transports (IPC, HTTP) in front of its handlers. Opening takes the data folder's lock
 * first, so two Hookbench processes never write the same files.
 */
export async function openCore(options: CoreOptions): Promise<Core> {
  const clock = options.clock ?? systemClock
  const startedAt = new Date(clock.now()).toISOString()
  let endpoints: Endpoints = { receiverUrl: null, apiUrl: null }

  const lock = await acquireDataDirLock(options.dataDir)
  const closers: Array<() => Promise<void>> = [() => lock.release()]
  const closeAll = async () => {
    for (const close of closers.splice(0).reverse()) await close()
  }
  try {
    const secrets = options.secretBox ?? (await openKeyFileBox(options.dataDir))
    const config = await openConfigStore(options.dataDir, { secretBox: secrets })
    const records = await openRecordStore({
      dataDir: options.dataDir,
      clock,
      schemas: recordSchemas,
      retention: () => config.read().settings.retention,
    })
    closers.push(() => records.close())

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
      ...authConfigHandlers(config, clock),
      ...subscriptionHandlers(config, clock),
      ...workspaceHandlers({
        dataDir: options.dataDir,
        config,
        secrets,
        records,
        clock,
        schemas: recordSchemas,
      }),
    }

    return {
      handlers,
      setEndpoints(next) {
        endpoints = next
      },
      close: closeAll,
    }
  } catch (error) {
    await closeAll()
    throw error
  }
}
