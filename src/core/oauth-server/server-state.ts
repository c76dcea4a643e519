import type { OAuthFailure, TokenRequest } from '../../shared/domain/oauth-client.ts'

export const DEFAULT_TOKEN_TTL_S = 3600
/** Token requests kept for the UI; older ones are dropped (memory only, like the tokens). */
export const MAX_TOKEN_REQUESTS_KEPT = 500

/**
 * What the token server is told to do (TTL, injected failure) and what it has seen. Both are
 * test-session state, kept in memory: a failure mode left on must not survive a restart and
 * surprise the next session.
 */
export class OAuthServerState {
  tokenTtlS = DEFAULT_TOKEN_TTL_S
  failure: OAuthFailure | null = null
  private readonly requests: TokenRequest[] = []

  /** The failure to answer with now, if any; a counted one is used up and then clears itself. */
  takeFailure(): OAuthFailure | null {
    const failure = this.failure
    if (!failure) return null
    if (failure.remaining !== undefined) {
      this.failure = failure.remaining > 1 ? { ...failure, remaining: failure.remaining - 1 } : null
    }
    return failure
  }

  record(request: TokenRequest): void {
    this.requests.unshift(request)
    if (this.requests.length > MAX_TOKEN_REQUESTS_KEPT) this.requests.length = MAX_TOKEN_REQUESTS_KEPT
  }

  /** Newest first. */
  recent(filter: { clientId?: string | undefined; limit: number }): TokenRequest[] {
    const matching =
      filter.clientId === undefined
        ? this.requests
        : this.requests.filter((request) => request.client_id === filter.clientId)
    return matching.slice(0, filter.limit)
  }
}
