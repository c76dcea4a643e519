import { randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Clock } from '../../shared/clock.ts'
import { HookbenchError } from '../../shared/errors.ts'
import { RESPONSE_FRAMING_HEADERS } from '../../shared/http-headers.ts'
import type { ResponseStep } from '../../shared/receiver/bin.ts'
import type { CapturedRequest, Verification } from '../../shared/receiver/captured-request.ts'
import type { EventBus } from '../events/event-bus.ts'
import { sendError } from '../net/json-response.ts'
import type { BinRegistry } from './bins.ts'
import { encodeBody } from './body.ts'
import { headerPairsOf, parseHookTarget, readBodyLimited, remoteAddressOf } from './capture.ts'
import type { CapturedCredentials } from './captured-credentials.ts'
import type { Forwarder } from './forwarder.ts'
import type { RequestStore } from './request-store.ts'
import type { ResponsePicker } from './response-rules.ts'
import { verifyRequest } from './verification.ts'

export const DEFAULT_MAX_CAPTURE_BYTES = 10 * 1024 * 1024

export interface HooksRouteDeps {
  bins: BinRegistry
  store: RequestStore
  picker: ResponsePicker
  forwarder: Forwarder
  credentials: CapturedCredentials
  events: EventBus
  clock: Clock
  maxBodyBytes?: number
  /** For bins that accept any bearer token the mock OAuth2 server issued. */
  isIssuedToken?: (token: string) => boolean
}

export interface HooksRoute {
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>
  /** Answers every delayed response now, so stopping does not wait out a scripted delay. */
  close(): void
}

/**
 * `ANY /hooks/{bin}/{path…}`: capture, store durably, then answer by the bin's rule. The answer
 * — a 2xx included — is only sent once the capture is on disk, so a sender that saw success can
 * rely on Hookbench having it.
 */
export function createHooksRoute(deps: HooksRouteDeps): HooksRoute {
  const maxBodyBytes = deps.maxBodyBytes ?? DEFAULT_MAX_CAPTURE_BYTES
  const delayed = new Map<NodeJS.Timeout, () => void>()

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const receivedMs = deps.clock.now()
    const target = parseHookTarget(req.url ?? '/')
    if (!target) {
      req.resume()
      throw new HookbenchError('not_found', 'A bin URL looks like /hooks/<bin name>/<any path>.')
    }
    const bin = await deps.bins.ensure(target.binName)
    if (!bin) {
      req.resume()
      throw new HookbenchError('not_found', deps.bins.whyNotCreated(target.binName))
    }
    let bytes: Buffer
    try {
      bytes = await readBodyLimited(req, maxBodyBytes)
    } catch (error) {
      // The rest of an oversized body is not worth keeping the connection for.
      res.setHeader('connection', 'close')
      throw error
    }
    const headers = headerPairsOf(req)
    const verification = verifyRequest(
      deps.bins.openVerify(bin),
      headers,
      bytes,
      receivedMs,
      deps.isIssuedToken,
    )
    const refused = bin.verify.enforce && verification.verdict === 'failed'
    const step = refused ? null : deps.picker.next(bin)
    // Verified above on the plaintext; credentials (headers, query tokens) are sealed before storing.
    const capture: CapturedRequest = deps.credentials.sealCapture({
      id: randomUUID(),
      bin_id: bin.id,
      bin_name: bin.name,
      source: 'receiver',
      method: req.method ?? 'GET',
      url: req.url ?? '/',
      path: target.path,
      sub_path: target.subPath,
      query: target.query,
      http_version: req.httpVersion,
      headers,
      ...encodeBody(bytes),
      size: bytes.length,
      content_type: req.headers['content-type'] ?? null,
      remote_address: remoteAddressOf(req),
      received_at: new Date(receivedMs).toISOString(),
      verification,
      response: step ? { status: step.status, delay_ms: step.delay_ms } : { status: 401, delay_ms: 0 },
      forward: bin.forward_to
        ? { url: bin.forward_to, state: 'pending', attempts: 0, last: null, next_attempt_at: null }
        : null,
      replays: [],
    })
    const summary = await deps.store.add(capture)
    deps.events.emit({ type: 'request.received', data: summary })
    if (capture.forward) deps.forwarder.enqueue(capture.id)

    const idHeader = { 'x-hookbench-request-id': capture.id }
    if (!step) {
      sendError(res, refusal(verification), idHeader)
      return
    }
    const send = () => answer(res, step, req.method === 'HEAD', idHeader)
    if (step.delay_ms === 0) return send()
    const timer = setTimeout(() => {
      delayed.delete(timer)
      send()
    }, step.delay_ms)
    delayed.set(timer, send)
    res.once('close', () => {
      clearTimeout(timer)
      delayed.delete(timer)
    })
  }

  return {
    handle,
    close() {
      for (const [timer, send] of delayed) {
        clearTimeout(timer)
        send()
      }
      delayed.clear()
    },
  }
}

function refusal(verification: Verification): HookbenchError {
  const reasons = verification.checks
    .filter((check) => !check.ok)
    .map((check) => `${check.kind}: ${check.reason}`)
  return new HookbenchError('unauthorized', `This bin refused the request (${reasons.join('; ')}).`, {
    checks: verification.checks,
  })
}

/** Sends a response step: a string body as it is, any other JSON value as JSON. */
function answer(
  res: ServerResponse,
  step: ResponseStep,
  isHead: boolean,
  extra: Record<string, string>,
): void {
  if (res.destroyed || res.headersSent) return
  const noBody = isHead || step.status === 204 || step.status === 304
  const { body, contentType } = bodyOf(step.body)
  const headers: Record<string, string> = { ...extra }
  const hasContentType = Object.keys(step.headers).some((name) => name.toLowerCase() === 'content-type')
  if (!hasContentType && contentType && body.length > 0) headers['content-type'] = contentType
  for (const [name, value] of Object.entries(step.headers)) {
    // Framing is Node's job (refused when a bin is saved; a bin stored before that may have one).
    if (!RESPONSE_FRAMING_HEADERS.has(name.toLowerCase())) headers[name] = value
  }
  if (!noBody) headers['content-length'] = String(Buffer.byteLength(body))
  res.writeHead(step.status, headers)
  // A string (not a Buffer) lets Node send the head and the body in one write.
  res.end(noBody ? undefined : body)
}

function bodyOf(body: ResponseStep['body']): { body: string; contentType: string | null } {
  if (body === undefined) return { body: '', contentType: null }
  if (typeof body === 'string') {
    return { body, contentType: looksLikeJson(body) ? 'application/json' : 'text/plain; charset=utf-8' }
  }
  return { body: JSON.stringify(body), contentType: 'application/json' }
}

function looksLikeJson(text: string): boolean {
  if (!/^\s*[[{]/.test(text)) return false
  try {
    JSON.parse(text)
    return true
  } catch {
    return false
  }
}
