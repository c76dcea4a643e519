import { z } from 'zod'
import {
  CreateOAuthClientInputSchema,
  ListTokenRequestsInputSchema,
  OAuthClientSchema,
  OAuthServerStateSchema,
  TokenRequestSchema,
  UpdateOAuthClientInputSchema,
  UpdateOAuthServerInputSchema,
} from '../domain/oauth-client.ts'
import { clientOperations } from './client-operations.ts'
import { defineOperation } from './define.ts'

const oauthClients = clientOperations({
  path: '/api/oauth-clients',
  client: OAuthClientSchema,
  create: CreateOAuthClientInputSchema,
  update: UpdateOAuthClientInputSchema,
  listed: 'Clients of the mock OAuth2 server',
  registers: '{client_id, client_secret, scopes}',
  deletes: 'Deletes a client and revokes the tokens issued to it.',
})

/** The mock OAuth2 client-credentials server on the receiver (`POST /oauth2/token`): clients, settings, log. */
export const oauthOperations = {
  listOAuthClients: oauthClients.list,
  createOAuthClient: oauthClients.create,
  getOAuthClient: oauthClients.get,
  updateOAuthClient: oauthClients.update,
  deleteOAuthClient: oauthClients.delete,
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
