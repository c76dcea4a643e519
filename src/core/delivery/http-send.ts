import { type Dispatcher, getGlobalDispatcher } from 'undici'

/** Response bodies are kept up to this size with each attempt (enough to read an error page). */
export const RESPONSE_BODY_LIMIT = 64 * 1024

export interface OutgoingRequest {
  url: string
  headers: Array<[string, string]>
  body: string
  timeoutMs: number
}

export interface SendResult {
  response: { status: number; headers: Array<[string, string]>; body: string; body_truncated: boolean } | null
  error: string | null
  durationMs: number
}

/**
 * One POST with undici. Redirects are not followed (a 3xx is the subscriber's answer, and a
 * failure), the whole exchange is bounded by the subscription's timeout, and only the first
 * 64 KB of the response body are kept.
 *
 * Uses undici's `dispatch` handler API rather than `request()`: no response stream, async
 * iterator or AbortSignal per attempt, and one plain timer for the timeout. Through the same
 * Agent that sends about 1.4× as many POSTs per second (bench/delivery.bench.ts measures the
 * engine as a whole).
 */
export function sendRequest(outgoing: OutgoingRequest, dispatcher?: Dispatcher): Promise<SendResult> {
  const started = performance.now()
  return new Promise((resolve) => {
    let settled = false
    let controller: Dispatcher.DispatchController | null = null
    let status = 0
    let headers: Array<[string, string]> = []
    const chunks: Buffer[] = []
    let size = 0

    const settle = (response: SendResult['response'], error: string | null) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      resolve({ response, error, durationMs: performance.now() - started })
    }
    const responseOf = (truncated: boolean): SendResult['response'] => ({
      status,
      headers,
      body: Buffer.concat(chunks, size).toString('utf8'),
      body_truncated: truncated,
    })
    const timer = setTimeout(() => {
      settle(null, TIMED_OUT)
      controller?.abort(new Error(TIMED_OUT))
    }, outgoing.timeoutMs)

    try {
      const target = targetOf(outgoing.url)
      ;(dispatcher ?? getGlobalDispatcher()).dispatch(
        {
          origin: target.origin,
          path: target.path,
          method: 'POST',
          headers: outgoing.headers.flat(),
          body: outgoing.body,
          headersTimeout: outgoing.timeoutMs,
          bodyTimeout: outgoing.timeoutMs,
        },
        {
          onRequestStart(dispatched) {
            controller = dispatched
            // Timed out while waiting for a connection: do not send it at all.
            if (settled) dispatched.abort(new Error(TIMED_OUT))
          },
          onResponseStart(_controller, statusCode, responseHeaders) {
            status = statusCode
            headers = headerPairs(responseHeaders)
          },
          onResponseData(current, chunk) {
            if (settled) return
            if (size + chunk.length > RESPONSE_BODY_LIMIT) {
              chunks.push(chunk.subarray(0, RESPONSE_BODY_LIMIT - size))
              size = RESPONSE_BODY_LIMIT
              settle(responseOf(true), null)
              current.abort(new Error('response body limit reached'))
              return
            }
            chunks.push(chunk)
            size += chunk.length
          },
          onResponseEnd() {
            settle(responseOf(false), null)
          },
          onResponseError(_controller, error) {
            settle(null, describeError(error))
          },
        },
      )
    } catch (error) {
      // A URL that does not parse, a header value undici refuses.
      settle(null, describeError(error))
    }
  })
}

/** The error of a send that ran out of time (headers or body); callers may name it their own way. */
export const TIMED_OUT = 'timed out waiting for the endpoint'

/** Parsed targets by URL: a subscription sends message after message to the same few URLs. */
const targets = new Map<string, { origin: string; path: string }>()

function targetOf(url: string): { origin: string; path: string } {
  let target = targets.get(url)
  if (!target) {
    const parsed = new URL(url)
    target = { origin: parsed.origin, path: parsed.pathname + parsed.search }
    // Templated URLs differ per message: keep the cache bounded rather than clever.
    if (targets.size >= 1_000) targets.clear()
    targets.set(url, target)
  }
  return target
}

function headerPairs(headers: Record<string, string | string[] | undefined>): Array<[string, string]> {
  const pairs: Array<[string, string]> = []
  for (const [name, value] of Object.entries(headers)) {
    if (Array.isArray(value)) for (const item of value) pairs.push([name, item])
    else if (value !== undefined) pairs.push([name, value])
  }
  return pairs
}

/** Error messages a developer recognises: connection refused, timeout, DNS. */
function describeError(error: unknown): string {
  const err = error as {
    name?: string
    code?: string
    message?: string
    cause?: { code?: string; message?: string }
  }
  if (err.code === 'UND_ERR_HEADERS_TIMEOUT' || err.code === 'UND_ERR_BODY_TIMEOUT') return TIMED_OUT
  const code = err.code ?? err.cause?.code
  const message = err.cause?.message ?? err.message ?? String(error)
  return code ? `${code}: ${message}` : message
}
