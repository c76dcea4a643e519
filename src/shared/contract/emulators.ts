import {
  CreateQuicklySignClientInputSchema,
  QuicklySignClientSchema,
  UpdateQuicklySignClientInputSchema,
} from '../domain/emulator-client.ts'
import { clientOperations } from './client-operations.ts'

/** Clients of the emulated management APIs (QuicklySign asks every call for client_id/client_secret). */
const quicklySignClients = clientOperations({
  path: '/api/emulators/quicklysign/clients',
  client: QuicklySignClientSchema,
  create: CreateQuicklySignClientInputSchema,
  update: UpdateQuicklySignClientInputSchema,
  listed: 'API clients of the QuicklySign emulator',
  registers: '{client_id, client_secret} for /emulate/quicklysign',
  deletes: 'Deletes a client (the subscriptions it created stay).',
})

export const emulatorOperations = {
  listQuicklySignClients: quicklySignClients.list,
  createQuicklySignClient: quicklySignClients.create,
  getQuicklySignClient: quicklySignClients.get,
  updateQuicklySignClient: quicklySignClients.update,
  deleteQuicklySignClient: quicklySignClients.delete,
} as const
