import type { Clock } from '../../shared/clock.ts'
import type { Api } from '../../shared/contract/index.ts'
import type { QuicklySignClient } from '../../shared/domain/emulator-client.ts'
import type { EventRecord } from '../../shared/domain/message.ts'
import { clientRegistry } from '../oauth-server/client-registry.ts'
import type { MountedRoute } from '../receiver/receiver-server.ts'
import type { ConfigStore } from '../store/config/config-store.ts'
import type { RecordLog } from '../store/log/record-log.ts'
import { CONTENSIS_PREFIX, contensisEmulator } from './contensis.ts'
import { JobIndex } from './job-index.ts'
import { QUICKLYSIGN_PREFIX, quicklySignEmulator } from './quicklysign.ts'
import { type QuicklySignClientHandlers, quicklySignClientHandlers } from './quicklysign-clients.ts'
import { RUSTICI_PREFIX, rusticiEmulator } from './rustici.ts'

export interface Emulators {
  /** `/api/emulators/…`: the emulators' own settings (QuicklySign's API clients). */
  handlers: QuicklySignClientHandlers
  /**
   * The vendors' management APIs, for the receiver listener. They call Hookbench through `api`
   * (the in-process contract client), so they share its validation and store.
   */
  routes(api: Api): MountedRoute[]
}

/**
 * Opens the emulators: QuicklySign's clients in config.json, and the index of Rustici jobs, built
 * from the events log (one scan, here, at start). Contensis and Rustici accept the bearer tokens
 * of the mock OAuth2 server (`isIssuedToken`), which is why that server is opened first.
 */
export async function openEmulators(deps: {
  config: ConfigStore
  clock: Clock
  events: RecordLog<EventRecord>
  isIssuedToken: (token: string) => boolean
}): Promise<Emulators> {
  const jobs = await JobIndex.open(deps.events)
  const quicklySignClients = clientRegistry<QuicklySignClient>(deps.config, deps.clock, {
    label: 'QuicklySign client',
    read: (config) => config.emulator_clients.quicklysign,
    write: (draft, items) => {
      draft.emulator_clients.quicklysign = items
    },
  })
  return {
    handlers: quicklySignClientHandlers(quicklySignClients),
    routes: (api) => [
      { prefix: RUSTICI_PREFIX, route: rusticiEmulator({ api, jobs, isIssuedToken: deps.isIssuedToken }) },
      { prefix: QUICKLYSIGN_PREFIX, route: quicklySignEmulator({ api, clients: quicklySignClients }) },
      { prefix: CONTENSIS_PREFIX, route: contensisEmulator({ api, isIssuedToken: deps.isIssuedToken }) },
    ],
  }
}
