import { type Dispatcher, request } from 'undici'

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
 */
export async function sendRequest(outgoing: OutgoingRequest, dispatcher?: Dispatcher): Promise<SendResult> {
  const started = performance.now()
  try {
    const response = await request(outgoing.url, {
      method: 'POST',
      headers: outgoing.headers.flat(),
      body: outgoing.body,
      headersTimeout: outgoing.timeoutMs,
      bodyTimeout: outgoing.timeoutMs,
      signal: AbortSignal.timeout(outgoing.timeoutMs),
      ...(dispatcher ? { dispatcher } : {}),
    })
    const { text, truncated } = await readLimited(response.body)
    const headers: Array<[string, string]> = []
    for (const [name, value] of Object.entries(response.headers)) {
      for (const item of Array.isArray(value) ? value : [value])
        if (item !== undefined) headers.push([name, item])
    }
    return {
      response: { status: response.statusCode, headers, body: text, body_truncated: truncated },
      error: null,
      durationMs: performance.now() - started,
    }
  } catch (error) {
    return { response: null, error: describeError(error), durationMs: performance.now() - started }
  }
}

async function readLimited(
  body: Dispatcher.ResponseData['body'],
): Promise<{ text: string; truncated: boolean }> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of body) {
    const buffer = chunk as Buffer
    if (size + buffer.length > RESPONSE_BODY_LIMIT) {
      chunks.push(buffer.subarray(0, RESPONSE_BODY_LIMIT - size))
      body.destroy()
      return { text: Buffer.concat(chunks).toString('utf8'), truncated: true }
    }
    chunks.push(buffer)
    size += buffer.length
  }
  return { text: Buffer.concat(chunks).toString('utf8'), truncated: false }
}

/** Error messages a developer recognises: connection refused, timeout, DNS. */
function describeError(error: unknown): string {
  const err = error as {
    name?: string
    code?: string
    message?: string
    cause?: { code?: string; message?: string }
  }
  if (
    err.name === 'TimeoutError' ||
    err.code === 'UND_ERR_HEADERS_TIMEOUT' ||
    err.code === 'UND_ERR_BODY_TIMEOUT'
  ) {
    return 'timed out waiting for the endpoint'
  }
  const code = err.code ?? err.cause?.code
  const message = err.cause?.message ?? err.message ?? String(error)
  return code ? `${code}: ${message}` : message
}
