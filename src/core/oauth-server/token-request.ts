import { SCOPE_TOKEN } from '../../shared/domain/oauth-client.ts'

/** How the client presented its credentials (RFC 6749 §2.3.1). */
export type ClientCredentials =
  | { method: 'basic'; clientId: string; secret: string }
  | { method: 'body'; clientId: string; secret: string | null }
  | { method: 'none'; clientId: string | null }

/** A token request read from the wire, before anything is decided about it. */
export interface TokenRequestInput {
  credentials: ClientCredentials
  grantType: string | null
  /** The `scope` parameter as sent, null when absent. */
  scope: string | null
}

/** An RFC 6749 §5.2 error, with the HTTP status and whether to send `WWW-Authenticate: Basic`. */
export interface OAuthError {
  status: number
  error: string
  description: string
  challenge: boolean
}

export type ReadResult =
  | { ok: true; request: TokenRequestInput }
  | { ok: false; error: OAuthError; clientId: string | null; method: ClientCredentials['method'] }

const FORM = 'application/x-www-form-urlencoded'

export function invalidRequest(description: string): OAuthError {
  return { status: 400, error: 'invalid_request', description, challenge: false }
}

export function invalidClient(description: string, basicUsed: boolean): OAuthError {
  // §5.2: a client that tried the Authorization header gets 401 and a challenge for that scheme.
  return { status: 401, error: 'invalid_client', description, challenge: basicUsed }
}

/**
 * Reads grant_type, scope and the client's credentials from a token request: a form body
 * (§3.2, parameters never repeated) and either HTTP Basic with form-urlencoded id and secret or
 * client_id/client_secret in the body — never both (§2.3).
 */
export function readTokenRequest(raw: {
  contentType: string | undefined
  authorization: string | undefined
  body: Buffer
}): ReadResult {
  const header = raw.authorization === undefined ? null : parseAuthorization(raw.authorization)
  const headerClientId = header && 'clientId' in header ? header.clientId : null
  const fail = (error: OAuthError, method: ClientCredentials['method'] = header ? 'basic' : 'none') =>
    ({ ok: false, error, clientId: headerClientId, method }) as const

  const mediaType = (raw.contentType ?? '').split(';')[0]?.trim().toLowerCase()
  if (raw.body.length > 0 && mediaType !== FORM) {
    return fail(invalidRequest(`The request body must be ${FORM} (RFC 6749 section 4.4.2).`))
  }
  const params = new Map<string, string>()
  for (const [name, value] of new URLSearchParams(raw.body.toString('utf8'))) {
    if (params.has(name)) return fail(invalidRequest(`The parameter "${name}" is repeated.`))
    params.set(name, value)
  }
  const bodyClientId = params.get('client_id') ?? null
  const bodySecret = params.get('client_secret') ?? null

  let credentials: ClientCredentials
  if (header) {
    if (header.kind === 'unsupported') {
      return fail(
        invalidClient(
          `Authorization scheme "${header.scheme}" is not supported: use Basic or client_secret in the body.`,
          true,
        ),
      )
    }
    if (header.kind === 'malformed') {
      return fail(invalidClient('The Basic credentials are not base64 of "client_id:client_secret".', true))
    }
    if (bodySecret !== null) {
      return fail(invalidRequest('Use one client authentication method: Basic or the form body, not both.'))
    }
    if (bodyClientId !== null && bodyClientId !== header.clientId) {
      return fail(invalidRequest('client_id in the body is not the one in the Authorization header.'))
    }
    credentials = { method: 'basic', clientId: header.clientId, secret: header.secret }
  } else if (bodyClientId !== null) {
    credentials = { method: 'body', clientId: bodyClientId, secret: bodySecret }
  } else {
    credentials = { method: 'none', clientId: null }
  }

  const grantType = params.get('grant_type') ?? null
  if (grantType === null || grantType === '') {
    return {
      ok: false,
      error: invalidRequest('grant_type is missing.'),
      clientId: credentials.clientId,
      method: credentials.method,
    }
  }
  return { ok: true, request: { credentials, grantType, scope: params.get('scope') ?? null } }
}

type AuthorizationHeader =
  | { kind: 'basic'; clientId: string; secret: string }
  | { kind: 'malformed' }
  | { kind: 'unsupported'; scheme: string }

function parseAuthorization(value: string): AuthorizationHeader {
  const match = /^(\S+)(?:\s+(\S*))?\s*$/.exec(value.trim())
  const scheme = match?.[1] ?? ''
  if (scheme.toLowerCase() !== 'basic') return { kind: 'unsupported', scheme: scheme.slice(0, 20) }
  const encoded = match?.[2] ?? ''
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(encoded)) return { kind: 'malformed' }
  const decoded = Buffer.from(encoded, 'base64').toString('utf8')
  const colon = decoded.indexOf(':')
  if (colon === -1) return { kind: 'malformed' }
  try {
    return {
      kind: 'basic',
      clientId: formDecode(decoded.slice(0, colon)),
      secret: formDecode(decoded.slice(colon + 1)),
    }
  } catch {
    return { kind: 'malformed' }
  }
}

/** §2.3.1: id and secret are encoded with application/x-www-form-urlencoded before Basic. */
function formDecode(value: string): string {
  return decodeURIComponent(value.replace(/\+/g, ' '))
}

/**
 * The scope to grant (§3.3): absent or empty means the client's whole allowance; otherwise every
 * requested token must be one the client is allowed. Answers the granted tokens or why not.
 */
export function grantScope(
  requested: string | null,
  allowed: readonly string[],
): { ok: true; scopes: string[] } | { ok: false; description: string } {
  const tokens = (requested ?? '').split(' ').filter((token) => token !== '')
  if (tokens.length === 0) return { ok: true, scopes: [...allowed] }
  for (const token of tokens) {
    if (!SCOPE_TOKEN.test(token)) return { ok: false, description: `"${token}" is not a valid scope token.` }
    if (!allowed.includes(token)) {
      return { ok: false, description: `The client may not request scope "${token}".` }
    }
  }
  return { ok: true, scopes: [...new Set(tokens)] }
}
