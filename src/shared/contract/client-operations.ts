import { z } from 'zod'
import { RevealFlagSchema } from '../domain/oauth-client.ts'
import { defineOperation } from './define.ts'

/**
 * The operations of a collection of registered clients whose secret is sealed at rest and answered as
 * •••• unless revealed: the mock OAuth2 server's and the QuicklySign emulator's. Both are listed,
 * registered, read by id or client_id, replaced and deleted alike; only the path, the schemas and the
 * words differ.
 */
export function clientOperations<C extends z.ZodType, I extends z.ZodType, U extends z.ZodType>(spec: {
  path: `/api/${string}`
  /** A client as stored and answered; what registers one; what replaces one. */
  client: C
  create: I
  update: U
  /** Who the clients are: "Clients of …". */
  listed: string
  /** What registering takes: "Registers …; 409 …". */
  registers: string
  /** What deleting does besides. */
  deletes: string
}) {
  const one = `${spec.path}/{id}` as const
  return {
    list: defineOperation({
      method: 'GET',
      path: spec.path,
      summary: `${spec.listed}; secrets shown as •••• unless ?reveal=true.`,
      input: z.strictObject({ reveal: RevealFlagSchema }),
      output: z.object({ items: z.array(spec.client) }),
    }),
    create: defineOperation({
      method: 'POST',
      path: spec.path,
      summary: `Registers ${spec.registers}; 409 if the client_id is taken.`,
      input: spec.create,
      output: spec.client,
      status: 201,
    }),
    get: defineOperation({
      method: 'GET',
      path: one,
      summary: 'One client, by id or client_id.',
      input: z.strictObject({ id: z.string().min(1), reveal: RevealFlagSchema }),
      output: spec.client,
    }),
    update: defineOperation({
      method: 'PUT',
      path: one,
      summary: 'Replaces a client; a client_secret absent or sent back as •••• keeps the stored one.',
      input: spec.update,
      output: spec.client,
    }),
    delete: defineOperation({
      method: 'DELETE',
      path: one,
      summary: spec.deletes,
      input: z.strictObject({ id: z.string().min(1) }),
      output: z.void(),
      status: 204,
    }),
  }
}
