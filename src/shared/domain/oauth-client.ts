import { z } from 'zod'
import { REDACTED } from '../redacted.ts'

/**
 * Clients of the mock OAuth2 client-credentials server (`POST /oauth2/token` on the receiver),
 * stored in config.json with the secret sealed and answered with it as `••••` unless revealed.
 */

/** How a secret is shown unless revealed; sent back unchanged in an update, it keeps the stored value. */

/** RFC 6749 Appendix A.1/A.2: client_id and client_secret are VSCHAR (printable ASCII and space). */
const VSCHAR = /^[\x20-\x7E]+$/
/** RFC 6749 §3.3: scope-token = 1*( %x21 / %x23-5B / %x5D-7E ) — no spaces, `"` or `\`. */
export const SCOPE_TOKEN = /^[\x21\x23-\x5B\x5D-\x7E]+$/

export const ClientIdSchema = z
  .string()
  .min(1)
  .max(256)
  .regex(VSCHAR, 'client_id is printable ASCII (RFC 6749 A.1)')
export const ClientSecretSchema = z
  .string()
  .min(1)
  .max(1024)
  .regex(VSCHAR, 'client_secret is printable ASCII (RFC 6749 A.2)')
/** In an update: absent or `••••` keeps the stored secret. */
const UpdateSecretSchema = z.union([z.literal(REDACTED), ClientSecretSchema]).optional()

const ScopesSchema = z
  .array(z.string().regex(SCOPE_TOKEN, 'a scope is printable ASCII without spaces, " or \\ (RFC 6749 3.3)'))
  .max(200)
  .refine((scopes) => new Set(scopes).size === scopes.length, 'scopes must not repeat')
  .default([])

export const CreateOAuthClientInputSchema = z.strictObject({
  client_id: ClientIdSchema,
  client_secret: ClientSecretSchema,
  /** What the client may ask for; a token request without `scope` gets all of them. */
  scopes: ScopesSchema,
})
export type CreateOAuthClientInput = z.output<typeof CreateOAuthClientInputSchema>

export const UpdateOAuthClientInputSchema = z.strictObject({
  id: z.string().min(1),
  client_id: ClientIdSchema,
  client_secret: UpdateSecretSchema,
  scopes: ScopesSchema,
})
export type UpdateOAuthClientInput = z.output<typeof UpdateOAuthClientInputSchema>

/** As stored (secret sealed, or empty after importing a workspace exported without secrets) and as answered. */
export const OAuthClientSchema = z.object({
  id: z.string(),
  client_id: z.string(),
  client_secret: z.string(),
  scopes: z.array(z.string()),
  created_at: z.iso.datetime(),
})
export type OAuthClient = z.output<typeof OAuthClientSchema>

/** `?reveal=true` shows the secrets. */
export const RevealFlagSchema = z.union([z.boolean(), z.stringbool()]).default(false)

// ---- the token server's settings and its record of token requests

/**
 * A failure the token server answers instead of a token: `remaining` requests (then it clears
 * itself), or every request while `remaining` is absent.
 */
export const OAuthFailureSchema = z.strictObject({
  status: z.number().int().min(400).max(599),
  /** RFC 6749 §5.2 error code, or any other the test needs (`temporarily_unavailable`, `server_error`). */
  error: z.string().regex(/^[\x20\x21\x23-\x5B\x5D-\x7E]+$/, 'error is printable ASCII without " or \\'),
  error_description: z.string().max(1000).optional(),
  remaining: z.number().int().min(1).max(1_000_000).optional(),
})
export type OAuthFailure = z.output<typeof OAuthFailureSchema>

export const MAX_TOKEN_TTL_S = 366 * 86_400

export const OAuthServerStateSchema = z.object({
  token_ttl_s: z.number().int(),
  failure: OAuthFailureSchema.nullable(),
  /** Tokens issued and not yet expired. */
  issued_active: z.number().int(),
})
export type OAuthServerState = z.output<typeof OAuthServerStateSchema>

export const UpdateOAuthServerInputSchema = z.strictObject({
  token_ttl_s: z.number().int().min(1).max(MAX_TOKEN_TTL_S).optional(),
  /** null stops failing. */
  failure: OAuthFailureSchema.nullable().optional(),
})

export const tokenRequestOutcomes = [
  'issued',
  'invalid_request',
  'invalid_client',
  'unsupported_grant_type',
  'invalid_scope',
  'injected_failure',
] as const
export type TokenRequestOutcome = (typeof tokenRequestOutcomes)[number]

/** One `POST /oauth2/token`, as the UI lists it. The token itself and the secret are never kept here. */
export const TokenRequestSchema = z.object({
  id: z.string(),
  at: z.iso.datetime(),
  /** As presented, whether or not it authenticated; null when none was sent. */
  client_id: z.string().nullable(),
  /** How the client authenticated: HTTP Basic, form body, or not at all. */
  client_auth: z.enum(['basic', 'body', 'none']),
  grant: z.string().nullable(),
  /** The scope asked for (null: none); on success, `granted_scope` is what the token carries. */
  scope: z.string().nullable(),
  granted_scope: z.string().nullable(),
  outcome: z.enum(tokenRequestOutcomes),
  status: z.number().int(),
  /** Why it failed, as told to the client (error_description). */
  detail: z.string().nullable(),
  expires_at: z.iso.datetime().nullable(),
})
export type TokenRequest = z.output<typeof TokenRequestSchema>

export const ListTokenRequestsInputSchema = z.strictObject({
  client_id: z.string().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
})
