import { z } from 'zod'
import {
  CreateOAuthClientInputSchema,
  ListTokenRequestsInputSchema,
  OAuthClientSchema,
  OAuthServerStateSchema,
  RevealFlagSchema,
  TokenRequestSchema,
  UpdateOAuthClientInputSchema,
  UpdateOAuthServerInputSchema,
} from '../domain/oauth-client.ts'
import { defineOperation } from './define.ts'

const IdSchema = z.strictObject({ id: z.string().min(1) })

/** The mock OAuth2 client-credentials server on the receiver (`POST /oauth2/token`): clients, settings, log. */
export const oauthOperations = {
  listOAuthClients: defineOperation({
    method: 'GET',
    path: '/api/oauth-clients',
    summary: 'Clients of the mock OAuth2 server; secrets shown as •••• unless ?reveal=true.',
    input: z.strictObject({ reveal: RevealFlagSchema }),
    output: z.object({ items: z.array(OAuthClientSchema) }),
  }),
  createOAuthClient: defineOperation({
    method: 'POST',
    path: '/api/oauth-clients',
    summary: 'Registers {client_id, client_secret, scopes}; 409 if the client_id is taken.',
    input: CreateOAuthClientInputSchema,
    output: OAuthClientSchema,
    status: 201,
  }),
  getOAuthClient: defineOperation({
    method: 'GET',
    path: '/api/oauth-clients/{id}',
    summary: 'One client, by id or client_id.',
    input: z.strictObject({ id: z.string().min(1), reveal: RevealFlagSchema }),
    output: OAuthClientSchema,
  }),
  updateOAuthClient: defineOperation({
    method: 'PUT',
    path: '/api/oauth-clients/{id}',
    summary: 'Replaces a client; a client_secret absent or sent back as •••• keeps the stored one.',
    input: UpdateOAuthClientInputSchema,
    output: OAuthClientSchema,
  }),
  deleteOAuthClient: defineOperation({
    method: 'DELETE',
    path: '/api/oauth-clients/{id}',
    summary: 'Deletes a client and revokes the tokens issued to it.',
    input: IdSchema,
    output: z.void(),
    status: 204,
  }),
  getOAuthServer: defineOperation({
    method: 'GET',
    path: '/api/oauth-server',
    summary: 'Token TTL, the failure being injected (if any) and how many issued tokens are still valid.',
    input: z.strictObject({}),
    output: OAuthServerStateSchema,
  }),
  updateOAuthServer: defineOperation({
    method: 'PATCH',
    path: '/api/oauth-server',
    summary:
      'Sets token_ttl_s and/or failure {status, error, error_description?, remaining?} (null: stop failing).',
    input: UpdateOAuthServerInputSchema,
    output: OAuthServerStateSchema,
  }),
  expireOAuthTokens: defineOperation({
    method: 'POST',
    path: '/api/oauth-server/expire',
    summary: 'Expires every issued token now (senders holding one get 401 from a verifying bin).',
    input: z.strictObject({}),
    output: z.object({ expired: z.number().int() }),
  }),
  listOAuthTokenRequests: defineOperation({
    method: 'GET',
    path: '/api/oauth-server/requests',
    summary: 'Token requests, newest first (the last 500 are kept, in memory); ?client_id=&limit=.',
    input: ListTokenRequestsInputSchema,
    output: z.object({ items: z.array(TokenRequestSchema) }),
  }),
} as const
