import { z } from 'zod'
import { REDACTED } from '../redacted.ts'
import { ClientIdSchema, ClientSecretSchema } from './oauth-client.ts'

/**
 * API clients of the emulated QuicklySign API (its documentation: "Client_id and client_secret are required
 * for all Subscription calls"). Registered through the contract; the secret is sealed at rest.
 */
export const CreateQuicklySignClientInputSchema = z.strictObject({
  client_id: ClientIdSchema,
  client_secret: ClientSecretSchema,
})
export type CreateQuicklySignClientInput = z.output<typeof CreateQuicklySignClientInputSchema>

export const UpdateQuicklySignClientInputSchema = z.strictObject({
  id: z.string().min(1),
  client_id: ClientIdSchema,
  /** Absent or `••••` keeps the stored secret. */
  client_secret: z.union([z.literal(REDACTED), ClientSecretSchema]).optional(),
})
export type UpdateQuicklySignClientInput = z.output<typeof UpdateQuicklySignClientInputSchema>

/** As stored (secret sealed, or empty after importing a workspace exported without secrets) and as answered. */
export const QuicklySignClientSchema = z.object({
  id: z.string(),
  client_id: z.string(),
  client_secret: z.string(),
  created_at: z.iso.datetime(),
})
export type QuicklySignClient = z.output<typeof QuicklySignClientSchema>
