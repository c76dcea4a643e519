import type { Handlers } from '../../shared/contract/index.ts'
import type { OAuthClient, OAuthServerState as ServerStateView } from '../../shared/domain/oauth-client.ts'
import type { ClientRegistry } from './client-registry.ts'
import type { OAuthServerState } from './server-state.ts'
import type { TokenStore } from './token-store.ts'

export type OAuthHandlers = Pick<
  Handlers,
  | 'listOAuthClients'
  | 'createOAuthClient'
  | 'getOAuthClient'
  | 'updateOAuthClient'
  | 'deleteOAuthClient'
  | 'getOAuthServer'
  | 'updateOAuthServer'
  | 'expireOAuthTokens'
  | 'listOAuthTokenRequests'
>

/** The contract side of the mock OAuth2 server: its clients, its settings and what it has seen. */
export function oauthHandlers(deps: {
  clients: ClientRegistry<OAuthClient>
  tokens: TokenStore
  state: OAuthServerState
}): OAuthHandlers {
  const { clients, tokens, state } = deps
  const current = (): ServerStateView => ({
    token_ttl_s: state.tokenTtlS,
    failure: state.failure,
    issued_active: tokens.activeCount(),
  })

  return {
    listOAuthClients: async ({ reveal }) => ({
      items: clients.list().map((client) => clients.view(client, reveal)),
    }),
    createOAuthClient: async ({ client_secret, ...fields }) =>
      clients.view(await clients.create(fields, client_secret), false),
    getOAuthClient: async ({ id, reveal }) => clients.view(clients.get(id), reveal),
    // Tokens already issued keep the scope they were granted, as with a real authorization server.
    updateOAuthClient: async ({ id, client_secret, ...fields }) =>
      clients.view(await clients.update(id, fields, client_secret), false),
    deleteOAuthClient: async ({ id }) => {
      const removed = await clients.remove(id)
      tokens.revokeClient(removed.id)
    },
    getOAuthServer: async () => current(),
    updateOAuthServer: async (input) => {
      if (input.token_ttl_s !== undefined) state.tokenTtlS = input.token_ttl_s
      if (input.failure !== undefined) state.failure = input.failure
      return current()
    },
    expireOAuthTokens: async () => ({ expired: tokens.expireAll() }),
    listOAuthTokenRequests: async ({ client_id, limit }) => ({
      items: state.recent({ clientId: client_id, limit }),
    }),
  }
}
