import { z } from 'zod'

/**
 * HTTP header names and values people configure: bin response headers, subscription request
 * headers. Refused when typed rather than failing every request later.
 */

/** RFC 9110 token characters. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/

/** Header values may not carry CR/LF (header injection), NUL or other control characters but tab. */
function isHeaderValue(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i)
    if ((code < 0x20 && code !== 0x09) || code === 0x7f) return false
  }
  return true
}

export const HeaderNameSchema = z.string().regex(HEADER_NAME, 'not a valid HTTP header name')

export const HeaderValueSchema = z
  .string()
  .refine(isHeaderValue, 'a header value may not contain line breaks or control characters')

/**
 * Headers that frame or route a request: the HTTP client sets them from the URL and the body, and
 * refuses (or is broken by) a second, different one. Lowercase.
 */
const CLIENT_SET_HEADERS = new Set([
  'host',
  'content-length',
  'transfer-encoding',
  'connection',
  'keep-alive',
  'proxy-connection',
  'te',
  'trailer',
  'upgrade',
  'expect',
])

/** A name for a header Hookbench sends: a valid name, and not one the HTTP client sets itself. */
export const RequestHeaderNameSchema = HeaderNameSchema.refine(
  (name) => !CLIENT_SET_HEADERS.has(name.toLowerCase()),
  { error: (issue) => `${String(issue.input)} is set by the HTTP client itself; it cannot be configured` },
)

/**
 * Headers that frame a response: Node sets them from the body the receiver sends, so a scripted
 * one would corrupt the connection rather than test anything. Lowercase.
 */
export const RESPONSE_FRAMING_HEADERS: ReadonlySet<string> = new Set([
  'content-length',
  'transfer-encoding',
  'connection',
  'keep-alive',
  'upgrade',
  'trailer',
])

/** Why a bin response header name cannot be configured, or null when it can. */
export function responseHeaderProblem(name: string): string | null {
  return RESPONSE_FRAMING_HEADERS.has(name.toLowerCase())
    ? `${name} is set by the receiver from the body it sends; it cannot be configured`
    : null
}
