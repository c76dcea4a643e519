import type { Handlers } from '../../shared/contract/index.ts'
import type { QuicklySignClient } from '../../shared/domain/emulator-client.ts'
import type { ClientRegistry } from '../oauth-server/client-registry.ts'

export type QuicklySignClientHandlers = Pick<
  Handlers,
  | 'listQuicklySignClients'
  | 'createQuicklySignClient'
  | 'getQuicklySignClient'
  | 'updateQuicklySignClient'
  | 'deleteQuicklySignClient'
>

/** `/api/emulators/quicklysign/clients`: who may call the QuicklySign emulator. */
export function quicklySignClientHandlers(
  clients: ClientRegistry<QuicklySignClient>,
): QuicklySignClientHandlers {
  return {
    listQuicklySignClients: async ({ reveal }) => ({
      items: clients.list().map((client) => clients.view(client, reveal)),
    }),
    createQuicklySignClient: async ({ client_secret, ...fields }) =>
      clients.view(await clients.create(fields, client_secret), false),
    getQuicklySignClient: async ({ id, reveal }) => clients.view(clients.get(id), reveal),
    updateQuicklySignClient: async ({ id, client_secret, ...fields }) =>
      clients.view(await clients.update(id, fields, client_secret), false),
    deleteQuicklySignClient: async ({ id }) => {
      await clients.remove(id)
    },
  }
}
