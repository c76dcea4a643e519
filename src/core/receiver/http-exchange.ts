import { request } from 'undici'
import type { Exchange, HeaderPairs } from '../../shared/receiver/captured-request.ts'
import { encodeBody } from './body.ts'

/** Responses are kept up to this size; `size` still says how much came. */
export const MAX_KEPT_RESPONSE_BYTES = 1024 * 1024

/**
 * Headers that describe one hop, not the message: undici sets them itself (and refuses some), so
 * a capture's values would be wrong or rejected on the way to another server.
 */
const HOP_BY_HOP = new Set([
  'host',
  'connection',
  'content-length',
  'transfer-encoding',
  'keep-alive',
  'upgrade',
  'expect',
  'te',
  'trailer',
  'proxy-connection',
  'proxy-authorization',
])

export function sendableHeaders(headers: HeaderPairs): HeaderPairs {
  // HTTP/2 pseudo-headers (`:authority`, from a browser's HAR) are not headers on HTTP/1.1.
  return headers.filter(([name]) => !HOP_BY_HOP.has(name.toLowerCase()) && !name.startsWith(':'))
}

export interface OutgoingRequest {
  url: string
  method: string
  headers: HeaderPairs
  body: Buffer
  timeoutMs: number
  /** Aborts the exchange early (Hookbench is stopping). */
  signal?: AbortSignal
}

/**
 * Sends one request and describes what happened, never throwing: a refused connection, a timeout
 * or a bad URL is an Exchange with `status: null` and `error` set, which is what a user debugging
 * their app needs to see.
 */
export async function exchange(outgoing: OutgoingRequest, now: () => number): Promise<Exchange> {
  const startedMs = now()
  const started = performance.now()
  const result = (fields: Partial<Exchange>): Exchange => ({
    url: outgoing.url,
    method: outgoing.method,
    started_at: new Date(startedMs).toISOString(),
    duration_ms: Math.round((performance.now() - started) * 10) / 10,
    status: null,
    headers: [],
    body: '',
    body_encoding: 'utf8',
    body_truncated: false,
    size: 0,
    error: null,
    ...fields,
  })
  try {
    const method = outgoing.method.toUpperCase()
    const sendsBody = method !== 'HEAD' && (method !== 'GET' || outgoing.body.length > 0)
    const timeout = AbortSignal.timeout(outgoing.timeoutMs)
    const response = await request(outgoing.url, {
      method,
      headers: sendableHeaders(outgoing.headers).flat(),
      ...(sendsBody ? { body: outgoing.body } : {}),
      headersTimeout: outgoing.timeoutMs,
      bodyTimeout: outgoing.timeoutMs,
      signal: outgoing.signal ? AbortSignal.any([timeout, outgoing.signal]) : timeout,
    })
    const { kept, size } = await readUpTo(response.body, MAX_KEPT_RESPONSE_BYTES)
    return result({
      status: response.statusCode,
      headers: headerPairs(response.headers),
      ...encodeBody(kept),
      body_truncated: size > kept.length,
      size,
    })
  } catch (error) {
    return result({ error: describeFailure(error, outgoing.timeoutMs) })
  }
}

async function readUpTo(
  body: AsyncIterable<Buffer> & { destroy(): void },
  limit: number,
): Promise<{ kept: Buffer; size: number }> {
  const chunks: Buffer[] = []
  let kept = 0
  let size = 0
  for await (const chunk of body) {
    size += chunk.length
    if (kept < limit) {
      const part = chunk.subarray(0, limit - kept)
      chunks.push(part)
      kept += part.length
    }
    // Far past the limit: stop reading rather than download an endless response.
    if (size > limit * 16) {
      body.destroy()
      break
    }
  }
  return { kept: Buffer.concat(chunks, kept), size }
}

function headerPairs(headers: Record<string, string | string[] | undefined>): HeaderPairs {
  const pairs: HeaderPairs = []
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue
    for (const item of Array.isArray(value) ? value : [value]) pairs.push([name, item])
  }
  return pairs
}

function describeFailure(error: unknown, timeoutMs: number): string {
  const err = error as { name?: string; code?: string; message?: string; cause?: { code?: string } }
  const code = err.code ?? err.cause?.code
  if (err.name === 'AbortError') return 'aborted: Hookbench was stopping'
  if (err.name === 'TimeoutError' || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') {
    return `no answer within ${timeoutMs} ms (timeout)`
  }
  if (code === 'ECONNREFUSED') return 'connection refused: is the app running and listening on that port?'
  if (code === 'ENOTFOUND') return 'host not found (DNS)'
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return 'the connection was closed before an answer'
  return `${code ? `${code}: ` : ''}${err.message ?? String(error)}`
}
