import type { Clock } from '../../shared/clock.ts'
import type { OAuthClient } from '../../shared/domain/oauth-client.ts'
import type { ReceiverRoute } from '../receiver/receiver-server.ts'
import type { ConfigStore } from '../store/config/config-store.ts'
import { clientRegistry } from './client-registry.ts'
import { type OAuthHandlers, oauthHandlers } from './oauth-handlers.ts'
import { OAuthServerState } from './server-state.ts'
import { createTokenEndpoint, TOKEN_PATH } from './token-endpoint.ts'
import { TokenStore } from './token-store.ts'

export { TOKEN_PATH }

export interface OAuthServer {
  handlers: OAuthHandlers
  /** `POST /oauth2/token`, for the receiver listener to mount at TOKEN_PATH. */
  route: ReceiverRoute
  /**
   * True when `token` was issued by this mock server and is still valid (not expired, not expired
   * by "expire all", its client not deleted). For bins that accept "any token issued by the mock
   * OAuth server".
   */
  isIssuedToken(token: string): boolean
}

/** The mock OAuth2 client-credentials server: clients in config.json, tokens and settings in memory. */
export function openOAuthServer(deps: { config: ConfigStore; clock: Clock }): OAuthServer {
  const clients = clientRegistry<OAuthClient>(deps.config, deps.clock, {
    label: 'OAuth client',
    read: (config) => config.oauth_clients,
    write: (draft, items) => {
      draft.oauth_clients = items
    },
  })
  const tokens = new TokenStore(deps.clock)
  const state = new OAuthServerState()
  return {
    handlers: oauthHandlers({ clients, tokens, state }),
    route: createTokenEndpoint({ clients, tokens, state, clock: deps.clock }),
    isIssuedToken: (token) => tokens.lookup(token) !== null,
  }
}
