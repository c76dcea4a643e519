import type { z } from 'zod'
import {
  CreateOAuthClientInputSchema,
  OAuthClientSchema,
  UpdateOAuthClientInputSchema,
} from './oauth-client.ts'

/**
 * API clients of the emulated QuicklySign API (its documentation: "Client_id and client_secret are required
 * for all Subscription calls"). Registered through the contract; the secret is sealed at rest. They are the
 * mock OAuth2 server's clients without scopes: the same client_id and client_secret rules.
 */
export const CreateQuicklySignClientInputSchema = CreateOAuthClientInputSchema.omit({ scopes: true })
export type CreateQuicklySignClientInput = z.output<typeof CreateQuicklySignClientInputSchema>

/** Absent or `••••` keeps the stored secret, as for an OAuth client. */
export const UpdateQuicklySignClientInputSchema = UpdateOAuthClientInputSchema.omit({ scopes: true })
export type UpdateQuicklySignClientInput = z.output<typeof UpdateQuicklySignClientInputSchema>

/** As stored (secret sealed, or empty after importing a workspace exported without secrets) and as answered. */
export const QuicklySignClientSchema = OAuthClientSchema.omit({ scopes: true })
export type QuicklySignClient = z.output<typeof QuicklySignClientSchema>
