import type { CapturedRequest, Exchange, HeaderPairs } from '../../shared/receiver/captured-request.ts'
import {
  isCredentialParam,
  mapCredentialParams,
  maskedTarget,
} from '../../shared/receiver/query-credentials.ts'
import { REDACTED } from '../../shared/redacted.ts'
import { type SecretBox, sealedKindOf } from '../secrets/secret-box.ts'

/**
 * Headers whose values are credentials in any request, or in the answer of the app a capture is
 * forwarded or replayed to (`set-cookie`: its session). Basic and bearer verification read
 * `authorization`, so a bin's own checks are covered by it.
 */
export const CREDENTIAL_HEADERS: ReadonlySet<string> = new Set([
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
])

/**
 * The credentials a capture carries, treated like every other secret: sealed at rest (after
 * verification has read them), masked on the way out unless revealed, opened to be sent on.
 * Captures stored in plaintext before sealing existed are masked by header name as well.
 */
export interface CapturedCredentials {
  /** Seals each credential's value; the very same array when there is none (most captures). */
  seal(headers: HeaderPairs): HeaderPairs
  /** As an API answer shows them: `••••` for credentials, or their real values when revealed. */
  show(headers: HeaderPairs, reveal: boolean): HeaderPairs
  /** The real values, to forward or replay. */
  open(headers: HeaderPairs): HeaderPairs
  /**
   * Replay headers as given, with each `••••` (a masked value sent back from the detail) replaced
   * by the captured value of the same header, as a bin's `••••` secret keeps its stored value.
   */
  restoreMasked(given: HeaderPairs, captured: HeaderPairs): HeaderPairs
  /** Whether a header's value must not be shown or searched (credential name, or sealed). */
  hidesValue(name: string, value: string): boolean
  /** A forward's or replay's answer with its credentials (Set-Cookie…) sealed, to be stored. */
  sealExchange(exchange: Exchange): Exchange
  /** Such an answer as the API shows it: `••••` unless revealed. */
  showExchange(exchange: Exchange, reveal: boolean): Exchange
  /**
   * A capture about to be stored: credential headers sealed, credential query parameters
   * (`?token=…`) sealed in `query` and `••••` in `url` (the list and the search read `url`).
   */
  sealCapture(capture: CapturedRequest): CapturedRequest
  /** A capture as the API answers it: every credential `••••` unless revealed, in its forward and replays too. */
  showCapture(capture: CapturedRequest, reveal: boolean): CapturedRequest
}

/**
 * `secretHeaderNames`: lower-case names that Hookbench subscriptions mark `secret: true`, so a
 * subscription delivering to one of Hookbench's own bins does not leave its secret readable there.
 */
export function capturedCredentials(
  box: SecretBox,
  secretHeaderNames: () => ReadonlySet<string>,
): CapturedCredentials {
  const isCredential = (name: string, secretNames: ReadonlySet<string>): boolean => {
    const lower = name.toLowerCase()
    return CREDENTIAL_HEADERS.has(lower) || secretNames.has(lower)
  }
  const openValue = (value: string): string => (sealedKindOf(value) === null ? value : box.open(value))

  const credentials: CapturedCredentials = {
    seal(headers) {
      const secretNames = secretHeaderNames()
      let sealed: HeaderPairs | null = null
      for (let i = 0; i < headers.length; i++) {
        const [name, value] = headers[i] as [string, string]
        if (value === '' || !isCredential(name, secretNames)) continue
        sealed ??= headers.slice()
        sealed[i] = [name, box.seal(value)]
      }
      return sealed ?? headers
    },
    show(headers, reveal) {
      const secretNames = secretHeaderNames()
      return headers.map(([name, value]): [string, string] => {
        if (sealedKindOf(value) !== null) return [name, reveal ? box.open(value) : REDACTED]
        return !reveal && value !== '' && isCredential(name, secretNames) ? [name, REDACTED] : [name, value]
      })
    },
    open(headers) {
      if (!headers.some(([, value]) => sealedKindOf(value) !== null)) return headers
      return headers.map(([name, value]): [string, string] => [name, openValue(value)])
    },
    restoreMasked(given, captured) {
      if (!given.some(([, value]) => value === REDACTED)) return given
      // The n-th masked header of a name takes the n-th captured value of that name.
      const capturedValues = new Map<string, string[]>()
      for (const [name, value] of captured) {
        const lower = name.toLowerCase()
        capturedValues.set(lower, [...(capturedValues.get(lower) ?? []), value])
      }
      return given.map(([name, value]): [string, string] => {
        if (value !== REDACTED) return [name, value]
        const original = capturedValues.get(name.toLowerCase())?.shift()
        return [name, original === undefined ? value : openValue(original)]
      })
    },
    hidesValue(name, value) {
      return sealedKindOf(value) !== null || isCredential(name, secretHeaderNames())
    },
    sealExchange: (exchange) => ({ ...exchange, headers: credentials.seal(exchange.headers) }),
    showExchange: (exchange, reveal) => ({
      ...exchange,
      headers: credentials.show(exchange.headers, reveal),
    }),
    sealCapture(capture) {
      const sealsQuery = capture.query.some(([name, value]) => value !== '' && isCredentialParam(name))
      return {
        ...capture,
        headers: credentials.seal(capture.headers),
        ...(sealsQuery && {
          url: maskedTarget(capture.url),
          query: capture.query.map(([name, value]): [string, string] =>
            value !== '' && isCredentialParam(name) ? [name, box.seal(value)] : [name, value],
          ),
        }),
      }
    },
    showCapture(capture, reveal) {
      const query = capture.query.map(([name, value]): [string, string] => {
        if (sealedKindOf(value) !== null) return [name, reveal ? box.open(value) : REDACTED]
        return !reveal && value !== '' && isCredentialParam(name) ? [name, REDACTED] : [name, value]
      })
      return {
        ...capture,
        url: reveal ? revealedTarget(capture.url, query) : maskedTarget(capture.url),
        query,
        headers: credentials.show(capture.headers, reveal),
        forward: capture.forward && {
          ...capture.forward,
          last: capture.forward.last && credentials.showExchange(capture.forward.last, reveal),
        },
        replays: capture.replays.map((replay) => credentials.showExchange(replay, reveal)),
      }
    },
  }
  return credentials
}

/**
 * The target with each masked credential parameter given back its value: the n-th `name=••••`
 * takes the n-th opened `name` of the query (a target stored before masking gets its values re-encoded).
 */
function revealedTarget(target: string, openedQuery: HeaderPairs): string {
  const values = new Map<string, string[]>()
  for (const [name, value] of openedQuery) values.set(name, [...(values.get(name) ?? []), value])
  return mapCredentialParams(target, (name) => {
    const value = values.get(name)?.shift()
    return value === undefined ? REDACTED : encodeURIComponent(value)
  })
}

/** The lower-case names of subscription headers marked secret, recomputed only when they change. */
export function secretHeaderNamesOf(
  subscriptions: () => ReadonlyArray<{ headers: Readonly<Record<string, { secret?: boolean | undefined }>> }>,
): () => ReadonlySet<string> {
  let seen: unknown = null
  let names: ReadonlySet<string> = new Set()
  return () => {
    const current = subscriptions()
    // The config is replaced, never changed in place, on every update: identity says "unchanged".
    if (current !== seen) {
      seen = current
      const next = new Set<string>()
      for (const subscription of current) {
        for (const [name, header] of Object.entries(subscription.headers)) {
          if (header.secret) next.add(name.toLowerCase())
        }
      }
      names = next
    }
    return names
  }
}
