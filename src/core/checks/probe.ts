import { randomUUID } from 'node:crypto'
import { REDACTED } from '../../shared/redacted.ts'
import { sendRequest } from '../delivery/http-send.ts'
import { signHeaders } from '../signing/standard-webhooks.ts'
import type { CheckProfile, CheckRequest, CheckResponse, Credentials } from './report.ts'
import { bodyOf, paddedBodyOf, type SampleEvent, sampleEvent } from './sample-events.ts'

/** One request a check is about to send: change any of it (a body, a header) before sending. */
export interface Delivery {
  messageId: string
  seconds: number
  body: string
  headers: Array<[string, string]>
}

export interface Exchange {
  request: CheckRequest
  response: CheckResponse | null
  error: string | null
}

export interface DeliveryInput {
  event?: SampleEvent
  /** webhook-timestamp and the body's timestamp; default now. */
  seconds?: number
  messageId?: string
  /** The body as it is, instead of the event's (a resent duplicate). */
  body?: string
  /** The body padded to this many bytes. */
  padTo?: number
  contentType?: string
  /** Signed with these secrets, in this order (default: the endpoint's secret, when given). */
  secrets?: readonly string[]
  credentials?: 'given' | 'none' | 'wrong'
}

export interface ProbeSettings {
  url: string
  profile: CheckProfile
  secret: string | null
  credentials: Credentials | null
  timeoutMs: number
  userAgent: string
  now: () => number
}

/** What every check sends with: the endpoint, its dialect, and what the user gave. */
export class Probe {
  readonly settings: ProbeSettings

  constructor(settings: ProbeSettings) {
    this.settings = settings
  }

  nowSeconds(): number {
    return Math.floor(this.settings.now() / 1000)
  }

  /** A fresh, correctly signed delivery of the profile's sample event, changed as `input` says. */
  delivery(input: DeliveryInput = {}): Delivery {
    const { profile, secret } = this.settings
    const messageId = input.messageId ?? randomUUID()
    const seconds = input.seconds ?? this.nowSeconds()
    const bodyInput = { profile, event: input.event ?? sampleEvent(profile), messageId, seconds }
    const body =
      input.body ??
      (input.padTo === undefined ? bodyOf(bodyInput) : (paddedBodyOf(bodyInput, input.padTo) ?? ''))
    const headers: Array<[string, string]> = [
      ['content-type', input.contentType ?? 'application/json'],
      ['user-agent', this.settings.userAgent],
    ]
    const authorization = this.authorization(input.credentials ?? 'given')
    if (authorization) headers.push(['authorization', authorization])
    const secrets = input.secrets ?? (secret ? [secret] : [])
    if (secrets.length > 0) {
      headers.push(
        ...(Object.entries(signHeaders(secrets, messageId, seconds, body)) as Array<[string, string]>),
      )
    } else {
      // Unsigned, but with the id and time a signed one has: duplicates are recognised by webhook-id.
      headers.push(['webhook-id', messageId], ['webhook-timestamp', String(seconds)])
    }
    return { messageId, seconds, body, headers }
  }

  async send(delivery: Delivery): Promise<Exchange> {
    const { url, timeoutMs } = this.settings
    const result = await sendRequest({ url, headers: delivery.headers, body: delivery.body, timeoutMs })
    return {
      request: {
        method: 'POST',
        url,
        headers: delivery.headers.map(([name, value]) => [
          name,
          name.toLowerCase() === 'authorization' ? REDACTED : value,
        ]),
        body: delivery.body,
      },
      response: result.response && {
        status: result.response.status,
        headers: result.response.headers,
        body: result.response.body,
        ms: Math.round(result.durationMs * 10) / 10,
      },
      error: result.error,
    }
  }

  private authorization(which: 'given' | 'none' | 'wrong'): string | null {
    const credentials = this.settings.credentials
    if (!credentials || which === 'none') return null
    if (credentials.scheme === 'bearer') {
      return `Bearer ${which === 'wrong' ? wrongValue(credentials.token) : credentials.token}`
    }
    const password = which === 'wrong' ? wrongValue(credentials.password) : credentials.password
    return `Basic ${Buffer.from(`${credentials.username}:${password}`).toString('base64')}`
  }
}

/** Surely not the right password or token: the right one with something added. */
function wrongValue(right: string): string {
  return `${right}-wrong`
}

/** The delivery with a header set, replaced, or (null) left out. */
export function withHeader(delivery: Delivery, name: string, value: string | null): Delivery {
  const headers = delivery.headers.filter(([each]) => each.toLowerCase() !== name.toLowerCase())
  if (value !== null) headers.push([name, value])
  return { ...delivery, headers }
}
