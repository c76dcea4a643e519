import { z } from 'zod'
import {
  CreateQuicklySignClientInputSchema,
  QuicklySignClientSchema,
  UpdateQuicklySignClientInputSchema,
} from '../domain/emulator-client.ts'
import { RevealFlagSchema } from '../domain/oauth-client.ts'
import { defineOperation } from './define.ts'

/** Clients of the emulated management APIs (QuicklySign asks every call for client_id/client_secret). */
export const emulatorOperations = {
  listQuicklySignClients: defineOperation({
    method: 'GET',
    path: '/api/emulators/quicklysign/clients',
    summary: 'API clients of the QuicklySign emulator; secrets shown as •••• unless ?reveal=true.',
    input: z.strictObject({ reveal: RevealFlagSchema }),
    output: z.object({ items: z.array(QuicklySignClientSchema) }),
  }),
  createQuicklySignClient: defineOperation({
    method: 'POST',
    path: '/api/emulators/quicklysign/clients',
    summary: 'Registers {client_id, client_secret} for /emulate/quicklysign; 409 if the client_id is taken.',
    input: CreateQuicklySignClientInputSchema,
    output: QuicklySignClientSchema,
    status: 201,
  }),
  getQuicklySignClient: defineOperation({
    method: 'GET',
    path: '/api/emulators/quicklysign/clients/{id}',
    summary: 'One client, by id or client_id.',
    input: z.strictObject({ id: z.string().min(1), reveal: RevealFlagSchema }),
    output: QuicklySignClientSchema,
  }),
  updateQuicklySignClient: defineOperation({
    method: 'PUT',
    path: '/api/emulators/quicklysign/clients/{id}',
    summary: 'Replaces a client; a client_secret absent or sent back as •••• keeps the stored one.',
    input: UpdateQuicklySignClientInputSchema,
    output: QuicklySignClientSchema,
  }),
  deleteQuicklySignClient: defineOperation({
    method: 'DELETE',
    path: '/api/emulators/quicklysign/clients/{id}',
    summary: 'Deletes a client (the subscriptions it created stay).',
    input: z.strictObject({ id: z.string().min(1) }),
    output: z.void(),
    status: 204,
  }),
} as const
