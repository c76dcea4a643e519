import { REDACTED } from '../redacted.ts'

/**
 * Query parameters whose values are credentials: senders that cannot set headers put tokens and
 * keys in the URL (`/hooks/x?token=…`, `?api_key=…`). Lower-case; compared case-insensitively.
 */
export const CREDENTIAL_QUERY_PARAMS: ReadonlySet<string> = new Set([
  'token',
  'access_token',
  'id_token',
  'refresh_token',
  'api_key',
  'apikey',
  'api-key',
  'key',
  'secret',
  'client_secret',
  'password',
  'auth',
  'sig',
  'signature',
])

export function isCredentialParam(name: string): boolean {
  return CREDENTIAL_QUERY_PARAMS.has(name.toLowerCase())
}

/**
 * A request target (`/hooks/x/orders?token=abc&x=1`) with the raw value of each credential
 * parameter that has one replaced by `value(name)`; every other byte stays as sent (no re-encoding).
 */
export function mapCredentialParams(target: string, value: (name: string) => string): string {
  const queryAt = target.indexOf('?')
  if (queryAt === -1) return target
  const pieces = target
    .slice(queryAt + 1)
    .split('&')
    .map((piece) => {
      const equals = piece.indexOf('=')
      if (equals === -1) return piece
      const name = decodedName(piece.slice(0, equals))
      const hasValue = equals < piece.length - 1
      return hasValue && name !== null && isCredentialParam(name)
        ? `${piece.slice(0, equals + 1)}${value(name)}`
        : piece
    })
  return `${target.slice(0, queryAt + 1)}${pieces.join('&')}`
}

/** The target with every credential parameter's value as `••••`. */
export function maskedTarget(target: string): string {
  return mapCredentialParams(target, () => REDACTED)
}

function decodedName(raw: string): string | null {
  try {
    return decodeURIComponent(raw.replaceAll('+', ' '))
  } catch {
    return null
  }
}
