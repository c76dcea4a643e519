import type { IncomingMessage, ServerResponse } from 'node:http'
import { type ErrorBody, HookbenchError, httpStatusOf, toErrorBody } from '../../shared/errors.ts'

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  if (status === 204 || body === undefined) {
    res.writeHead(status === 200 ? 204 : status, headers).end()
    return
  }
  const payload = JSON.stringify(body)
  res
    .writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(payload),
      'cache-control': 'no-store',
      ...headers,
    })
    .end(payload)
}

/** Every HTTP error answer has the shape `{"error": {code, message, details?}}`. */
export function sendError(res: ServerResponse, error: unknown, headers: Record<string, string> = {}): void {
  const body: ErrorBody = toErrorBody(error)
  if (body.code === 'internal') console.error('[hookbench] unexpected error:', error)
  // Said once per refusal, without a stack: the cause is the disk, not a bug.
  if (body.code === 'insufficient_storage') console.error(`[hookbench] ${body.message}`)
  if (res.headersSent) {
    res.destroy()
    return
  }
  // RFC 6750: a 401 names the scheme the client should use.
  const challenge = body.code === 'unauthorized' ? { 'www-authenticate': 'Bearer realm="hookbench"' } : {}
  sendJson(res, httpStatusOf(body.code), { error: body }, { ...headers, ...challenge })
}

/** Reads the whole body, refusing more than `limitBytes` with `payload_too_large`. */
export async function readBody(req: IncomingMessage, limitBytes: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'])
  if (Number.isFinite(declared) && declared > limitBytes) throw tooLarge(limitBytes)
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    const buffer = chunk as Buffer
    size += buffer.length
    if (size > limitBytes) throw tooLarge(limitBytes)
    chunks.push(buffer)
  }
  return Buffer.concat(chunks, size)
}

function tooLarge(limitBytes: number): HookbenchError {
  return new HookbenchError('payload_too_large', `Request body is larger than ${limitBytes} bytes.`)
}
