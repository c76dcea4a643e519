import type { Clock } from '../../shared/clock.ts'
import type { AuthConfig } from '../../shared/domain/auth-config.ts'
import type { TokenExchange } from '../../shared/domain/message.ts'
import { REDACTED, type SecretBox } from '../secrets/secret-box.ts'
import { RESPONSE_BODY_LIMIT, sendRequest, TIMED_OUT } from './http-send.ts'

export interface TokenResult {
  accessToken: string
  source: 'cache' | 'fetch'
  /** The exchange that produced the token, when this call fetched it (client secret sealed). */
  exchange: TokenExchange | null
}

interface CachedToken {
  accessToken: string
  expiresAt: number
}

/** Tokens are refreshed this long before `expires_in` runs out, so none expires in flight. */
const EXPIRY_MARGIN_MS = 30_000

export class OAuthTokenError extends Error {
  readonly exchange: TokenExchange
  constructor(message: string, exchange: TokenExchange) {
    super(message)
    this.exchange = exchange
  }
}

/**
 * OAuth 2.0 client credentials (RFC 6749 §4.4) for OAUTH_2_CLIENT_CREDENTIALS auth configs: the
 * token is cached until shortly before it expires, concurrent deliveries share one in-flight
 * fetch, and `invalidate` (after a 401 from the subscriber) forces the next call to fetch again.
 * The token request goes through the delivery's own sender: bounded by the caller's timeout, and
 * an answer over 64 KB is cut off and fails (no token response is that big; reading one whole
 * would let any token_url fill the memory).
 */
export class OAuthTokens {
  private readonly cache = new Map<string, CachedToken>()
  private readonly inFlight = new Map<string, Promise<TokenResult>>()
  private readonly clock: Clock
  private readonly secrets: SecretBox

  constructor(clock: Clock, secrets: SecretBox) {
    this.clock = clock
    this.secrets = secrets
  }

  async token(config: AuthConfig, timeoutMs: number): Promise<TokenResult> {
    const key = cacheKey(config)
    const cached = this.cache.get(key)
    if (cached && cached.expiresAt > this.clock.now()) {
      return { accessToken: cached.accessToken, source: 'cache', exchange: null }
    }
    const pending = this.inFlight.get(key)
    // Callers that join an in-flight fetch did not make the exchange themselves: theirs is a cache hit.
    if (pending) return pending.then((result) => ({ ...result, source: 'cache', exchange: null }))
    const fetching = this.fetchToken(config, key, timeoutMs).finally(() => this.inFlight.delete(key))
    this.inFlight.set(key, fetching)
    return fetching
  }

  invalidate(config: AuthConfig): void {
    this.cache.delete(cacheKey(config))
  }

  private async fetchToken(config: AuthConfig, key: string, timeoutMs: number): Promise<TokenResult> {
    const url = config.token_url ?? ''
    const clientSecret = config.secret ? this.secrets.open(config.secret) : ''
    const form = new URLSearchParams({ grant_type: 'client_credentials' })
    if (config.scope) form.set('scope', config.scope)
    // RFC 6749 §2.3.1: HTTP Basic with the form-urlencoded client id and secret.
    const basic = Buffer.from(
      `${encodeURIComponent(config.key ?? '')}:${encodeURIComponent(clientSecret)}`,
    ).toString('base64')
    const headers: Array<[string, string]> = [
      ['content-type', 'application/x-www-form-urlencoded'],
      ['accept', 'application/json'],
      ['authorization', `Basic ${basic}`],
    ]
    const exchange: TokenExchange = {
      request: {
        method: 'POST',
        url,
        headers: headers.map(([name, value]) => [
          name,
          name === 'authorization' ? this.secrets.seal(value) : value,
        ]),
        body: form.toString(),
      },
      response: null,
      error: null,
      duration_ms: 0,
    }
    const sent = await sendRequest({ url, headers, body: form.toString(), timeoutMs })
    exchange.duration_ms = Math.round(sent.durationMs * 10) / 10
    const failed = (reason: string): never => {
      exchange.error = reason
      throw new OAuthTokenError(`token request to ${url} failed: ${reason}`, exchange)
    }
    if (!sent.response) {
      return failed(
        sent.error === TIMED_OUT
          ? `token endpoint did not answer within ${timeoutMs / 1000} s`
          : (sent.error ?? 'no answer'),
      )
    }
    const { status, body: text, body_truncated } = sent.response
    if (body_truncated) {
      // The cut-off text is not kept: it cannot be parsed, so a token in it could not be masked.
      return failed(
        `token response larger than ${RESPONSE_BODY_LIMIT / 1024} KB (status ${status}); it was cut off and not kept`,
      )
    }
    const parsed = parseTokenResponse(text)
    exchange.response = {
      status,
      // The token itself is in the attempt's Authorization header (sealed, revealable); the
      // recorded exchange never needs it, so it is masked in the text outright.
      body: parsed?.access_token ? text.split(parsed.access_token).join(REDACTED) : text,
    }
    if (status !== 200 || !parsed?.access_token) {
      throw new OAuthTokenError(`token endpoint answered ${status} without an access_token`, exchange)
    }
    const ttlMs = (typeof parsed.expires_in === 'number' ? parsed.expires_in : 3600) * 1000
    this.cache.set(key, {
      accessToken: parsed.access_token,
      expiresAt: this.clock.now() + Math.max(0, ttlMs - Math.min(EXPIRY_MARGIN_MS, ttlMs / 2)),
    })
    return { accessToken: parsed.access_token, source: 'fetch', exchange }
  }
}

function cacheKey(config: AuthConfig): string {
  return JSON.stringify([config.id, config.modified_at, config.token_url, config.key, config.scope])
}

function parseTokenResponse(text: string): { access_token?: string; expires_in?: unknown } | null {
  try {
    const json = JSON.parse(text) as unknown
    return json !== null && typeof json === 'object'
      ? (json as { access_token?: string; expires_in?: unknown })
      : null
  } catch {
    return null
  }
}
