import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Webhook } from 'standardwebhooks'
import { afterEach } from 'vitest'

/**
 * Webhook receivers for `hookbench check` to judge: one written the way the Standard Webhooks
 * documentation says (the official library verifies), and variants each wrong in one way.
 */
export interface ReceiverBehaviour {
  /** How webhook-signature is judged (with `secret`): */
  signature?:
    | 'library' // standardwebhooks' verify: signatures, and the timestamp within 5 minutes
    | 'present' // only that the header is there (and the timestamp is recent): accepts any signature
    | 'no-tolerance' // the signatures, but any timestamp however old or far ahead
    | 'first-only' // the timestamp, and only the first of several signatures
    | 'ignored' // not at all
  secret?: string
  /** A request that fails verification: 401, or a crash (500, as an unhandled exception answers). */
  onBadSignature?: 401 | 500
  /** The answer to a delivery it takes. */
  successStatus?: number
  /** Crash (500) on an event type it does not know, instead of ignoring it with 200. */
  crashOnUnknownEvent?: boolean
  /** The event types it knows, read from `type`, `topic` or `callback_event`. */
  knownEvents?: readonly string[]
  /** Basic credentials it requires (401 without them), unless `ignoreCredentials`. */
  basic?: { username: string; password: string }
  ignoreCredentials?: boolean
  /** The answer to a webhook-id it already has (default: as to a new one, without taking it again). */
  duplicateStatus?: number
  /** Waits this long before answering anything (a slow endpoint). */
  delayMs?: number
}

export interface Receiver {
  url: string
  /** webhook-id of every delivery taken, in order (a duplicate is answered, not taken again). */
  taken: string[]
}

const FIVE_MINUTES = 300

function verdictOf(behaviour: ReceiverBehaviour, headers: Record<string, string>, body: string): boolean {
  const mode = behaviour.signature ?? 'ignored'
  if (mode === 'ignored') return true
  const webhook = new Webhook(behaviour.secret ?? '')
  if (mode === 'library') {
    try {
      webhook.verify(body, headers)
      return true
    } catch {
      return false
    }
  }
  const id = headers['webhook-id'] ?? ''
  const seconds = Number(headers['webhook-timestamp'])
  const given = (headers['webhook-signature'] ?? '').split(' ').filter(Boolean)
  if (given.length === 0 || !Number.isInteger(seconds)) return false
  const recent = Math.abs(Date.now() / 1000 - seconds) <= FIVE_MINUTES
  const expected = webhook.sign(id, new Date(seconds * 1000), body)
  if (mode === 'present') return recent
  if (mode === 'no-tolerance') return given.includes(expected)
  return recent && given[0] === expected
}

function eventTypeOf(body: string): string | undefined {
  try {
    const parsed = JSON.parse(body) as Record<string, unknown>
    const type = parsed.type ?? parsed.topic ?? parsed.callback_event ?? parsed.event
    return typeof type === 'string' ? type : undefined
  } catch {
    return undefined
  }
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of request) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

/** A receiver per call on 127.0.0.1 (port 0), closed after the test. */
export function receiversPerTest(): (behaviour: ReceiverBehaviour) => Promise<Receiver> {
  const closers: Array<() => Promise<void>> = []
  afterEach(async () => {
    for (const close of closers.splice(0)) await close()
  })
  return async (behaviour) => {
    const taken: string[] = []
    const server = createServer(async (request, response) => {
      const body = await readBody(request)
      if (behaviour.delayMs) await new Promise((resolve) => setTimeout(resolve, behaviour.delayMs))
      const headers = Object.fromEntries(
        Object.entries(request.headers).map(([name, value]) => [name, String(value)]),
      )
      const answer = (status: number) => {
        response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ status }))
      }
      const { basic } = behaviour
      if (basic && !behaviour.ignoreCredentials) {
        const wanted = `Basic ${Buffer.from(`${basic.username}:${basic.password}`).toString('base64')}`
        if (headers.authorization !== wanted) return answer(401)
      }
      if (!verdictOf(behaviour, headers, body)) return answer(behaviour.onBadSignature ?? 401)
      const type = eventTypeOf(body)
      const known =
        behaviour.knownEvents === undefined || (type !== undefined && behaviour.knownEvents.includes(type))
      if (!known && behaviour.crashOnUnknownEvent) return answer(500)
      const id = headers['webhook-id'] ?? ''
      if (taken.includes(id)) return answer(behaviour.duplicateStatus ?? behaviour.successStatus ?? 200)
      taken.push(id)
      return answer(behaviour.successStatus ?? 200)
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    closers.push(() => new Promise((resolve) => server.close(() => resolve())))
    const { port } = server.address() as AddressInfo
    return { url: `http://127.0.0.1:${port}/webhooks`, taken }
  }
}
