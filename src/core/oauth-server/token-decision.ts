import type { OAuthClient, TokenRequest, TokenRequestOutcome } from '../../shared/domain/oauth-client.ts'
import type { ClientRegistry } from './client-registry.ts'
import type { OAuthServerState } from './server-state.ts'
import { grantScope, invalidClient, type OAuthError, type ReadResult } from './token-request.ts'
import type { TokenStore } from './token-store.ts'

/** What the server answers a token request, and what it records about it. */
export type TokenDecision =
  | { kind: 'issued'; token: string; expiresIn: number; scope: string; record: TokenRecordFields }
  | { kind: 'refused'; error: OAuthError; record: TokenRecordFields }

export type TokenRecordFields = Omit<TokenRequest, 'id' | 'at'>

export interface TokenDecisionDeps {
  clients: ClientRegistry<OAuthClient>
  tokens: TokenStore
  state: OAuthServerState
}

/**
 * Decides a token request read from the wire, in RFC 6749's order: a malformed request
 * (invalid_request), then who the client is (invalid_client), then what it asks for
 * (unsupported_grant_type, invalid_scope). An injected failure comes before all of them.
 */
export function decideTokenRequest(read: ReadResult, deps: TokenDecisionDeps): TokenDecision {
  const presented = read.ok
    ? { client_id: read.request.credentials.clientId, client_auth: read.request.credentials.method }
    : { client_id: read.clientId, client_auth: read.method }
  const seen = {
    ...presented,
    grant: read.ok ? read.request.grantType : null,
    scope: read.ok ? read.request.scope : null,
  }
  const refuse = (
    error: OAuthError,
    outcome: TokenRequestOutcome = outcomeOf(error.error),
  ): TokenDecision => ({
    kind: 'refused',
    error,
    record: {
      ...seen,
      granted_scope: null,
      outcome,
      status: error.status,
      detail: error.description === '' ? null : error.description,
      expires_at: null,
    },
  })

  const failure = deps.state.takeFailure()
  if (failure) {
    const error = {
      status: failure.status,
      error: failure.error,
      description: failure.error_description ?? '',
      challenge: failure.status === 401,
    }
    return refuse(error, 'injected_failure')
  }
  if (!read.ok) return refuse(read.error)

  const { credentials, grantType, scope } = read.request
  const client =
    credentials.method === 'none' || credentials.secret === null
      ? null
      : deps.clients.authenticate(credentials.clientId, credentials.secret)
  if (!client) return refuse(invalidClient(whyNotAuthenticated(credentials), credentials.method === 'basic'))
  if (grantType !== 'client_credentials') {
    return refuse({
      status: 400,
      error: 'unsupported_grant_type',
      description: `This server supports grant_type=client_credentials only, not "${grantType}".`,
      challenge: false,
    })
  }
  const granted = grantScope(scope, client.scopes)
  if (!granted.ok) {
    return refuse({ status: 400, error: 'invalid_scope', description: granted.description, challenge: false })
  }

  const grantedScope = granted.scopes.join(' ')
  const ttl = deps.state.tokenTtlS
  const issued = deps.tokens.issue(
    { clientRef: client.id, clientId: client.client_id, scope: grantedScope },
    ttl,
  )
  return {
    kind: 'issued',
    token: issued.token,
    expiresIn: ttl,
    scope: grantedScope,
    record: {
      ...seen,
      granted_scope: grantedScope,
      outcome: 'issued',
      status: 200,
      detail: null,
      expires_at: new Date(issued.expiresAt).toISOString(),
    },
  }
}

function whyNotAuthenticated(credentials: { method: string; secret?: string | null }): string {
  if (credentials.method === 'none') {
    return 'No client authentication: send HTTP Basic or client_id and client_secret in the body.'
  }
  if (credentials.secret === null) return 'client_secret is missing.'
  return 'Unknown client or wrong client secret.'
}

function outcomeOf(error: string): TokenRequestOutcome {
  switch (error) {
    case 'invalid_client':
    case 'unsupported_grant_type':
    case 'invalid_scope':
      return error
    default:
      return 'invalid_request'
  }
}
