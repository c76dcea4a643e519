import { randomUUID } from 'node:crypto'
import type { Dispatcher } from 'undici'
import type { AuthConfig } from '../../../shared/domain/auth-config.ts'
import type { AttemptRecord, EventRecord, MessageRecord } from '../../../shared/domain/message.ts'
import type { Subscription } from '../../../shared/domain/subscription.ts'
import { renderText } from '../../../shared/templating.ts'
import type { SecretBox } from '../secrets/secret-box.ts'
import { signHeaders } from '../signing/standard-webhooks.ts'
import { sendRequest } from './http-send.ts'
import { OAuthTokenError, type OAuthTokens, type TokenResult } from './oauth-tokens.ts'
import type { Scheduler } from './scheduler.ts'

export interface AttemptContext {
  subscription: Subscription
  authConfig: AuthConfig | null
  message: MessageRecord
  event: EventRecord | null
  trigger: AttemptRecord['trigger']
}

export interface AttemptRunnerDeps {
  secrets: SecretBox
  tokens: OAuthTokens
  scheduler: Scheduler
  userAgent: string
  dispatcher?: Dispatcher
}

/** Header names that always carry credentials, whoever set them. */
const SENSITIVE = new Set(['authorization'])

/**
 * Makes one attempt of a message: custom headers (templated), authentication (Basic, or an OAuth
 * bearer token — fetched again once if the subscriber answers 401), Standard Webhooks signature
 * with a fresh timestamp, then the POST. Returns every attempt it made (two after a token refresh),
 * each with the request exactly as sent.
 */
export async function runAttempt(deps: AttemptRunnerDeps, context: AttemptContext): Promise<AttemptRecord[]> {
  const first = await attemptOnce(deps, context, context.trigger)
  const oauth = context.authConfig?.auth_type === 'OAUTH_2_CLIENT_CREDENTIALS' ? context.authConfig : null
  if (oauth && first.response?.status === 401) {
    deps.tokens.invalidate(oauth)
    const second = await attemptOnce(deps, context, 'token-refresh', first.number + 1)
    return [first, second]
  }
  return [first]
}

async function attemptOnce(
  deps: AttemptRunnerDeps,
  context: AttemptContext,
  trigger: AttemptRecord['trigger'],
  number = context.message.attempt_ids.length + 1,
): Promise<AttemptRecord> {
  const { subscription, message } = context
  const url = message.url_override ?? message.url
  const startedAt = new Date(deps.scheduler.now()).toISOString()
  const headers: Array<[string, string]> = [
    ['content-type', 'application/json'],
    ['user-agent', deps.userAgent],
  ]
  // Names whose values are credentials: stored sealed with the attempt, shown masked unless revealed.
  const sealedValues = new Set<string>()
  const templateContext = context.event?.data ?? {}
  for (const [name, header] of Object.entries(subscription.headers)) {
    if (header.value === undefined) continue
    const lower = name.toLowerCase()
    if (header.secret || SENSITIVE.has(lower)) sealedValues.add(lower)
    headers.push([
      name,
      header.secret ? deps.secrets.open(header.value) : renderText(header.value, templateContext),
    ])
  }

  let token: AttemptRecord['token'] = null
  try {
    const auth = await authorizationFor(deps, context)
    if (auth.token) token = { source: auth.token.source, exchange: auth.token.exchange }
    if (auth.header) {
      headers.push(['authorization', auth.header])
      sealedValues.add('authorization')
    }
  } catch (error) {
    if (!(error instanceof OAuthTokenError)) throw error
    token = { source: 'fetch', exchange: error.exchange }
    return record(
      deps,
      context,
      { number, trigger, url, headers, sealedValues, startedAt, token },
      null,
      error.message,
      0,
    )
  }

  if (subscription.signing) {
    const now = deps.scheduler.now()
    const active = [
      subscription.signing.secret,
      ...subscription.signing.previous.filter((p) => Date.parse(p.expires_at) > now).map((p) => p.secret),
    ].map((sealed) => deps.secrets.open(sealed))
    const signed = signHeaders(active, message.message_id, Math.floor(now / 1000), message.body)
    headers.push(...(Object.entries(signed) as Array<[string, string]>))
  }

  const result = await sendRequest(
    { url, headers, body: message.body, timeoutMs: subscription.timeout_ms },
    deps.dispatcher,
  )
  return record(
    deps,
    context,
    { number, trigger, url, headers, sealedValues, startedAt, token },
    result.response,
    result.error,
    result.durationMs,
  )
}

const NO_AUTHORIZATION = { header: null, token: null } as const

async function authorizationFor(
  deps: AttemptRunnerDeps,
  context: AttemptContext,
): Promise<{ header: string | null; token: TokenResult | null }> {
  const config = context.authConfig
  if (!config) return NO_AUTHORIZATION
  switch (config.auth_type) {
    case 'NO_AUTH':
      return NO_AUTHORIZATION
    case 'BASIC_AUTH': {
      const secret = config.secret ? deps.secrets.open(config.secret) : ''
      return {
        header: `Basic ${Buffer.from(`${config.key ?? ''}:${secret}`).toString('base64')}`,
        token: null,
      }
    }
    case 'OAUTH_2_CLIENT_CREDENTIALS': {
      const token = await deps.tokens.token(config, context.subscription.timeout_ms)
      return { header: `Bearer ${token.accessToken}`, token }
    }
    default: {
      const unreachable: never = config.auth_type
      return unreachable
    }
  }
}

interface Sent {
  number: number
  trigger: AttemptRecord['trigger']
  url: string
  headers: Array<[string, string]>
  sealedValues: Set<string>
  startedAt: string
  token: AttemptRecord['token']
}

function record(
  deps: AttemptRunnerDeps,
  context: AttemptContext,
  sent: Sent,
  response: AttemptRecord['response'],
  error: string | null,
  durationMs: number,
): AttemptRecord {
  const status = response?.status ?? null
  const success =
    status !== null &&
    (context.subscription.profile === 'quicklysign' ? status === 200 : status >= 200 && status < 300)
  return {
    attempt_id: randomUUID(),
    message_id: context.message.message_id,
    number: sent.number,
    trigger: sent.trigger,
    request: {
      method: 'POST',
      url: sent.url,
      // Most subscriptions send no credential header: then the headers are stored as sent.
      headers:
        sent.sealedValues.size === 0
          ? sent.headers
          : sent.headers.map(([name, value]) => [
              name,
              sent.sealedValues.has(name.toLowerCase()) ? deps.secrets.seal(value) : value,
            ]),
      body: context.message.body,
    },
    response,
    error,
    outcome: success ? 'success' : 'failure',
    started_at: sent.startedAt,
    duration_ms: Math.round(durationMs * 10) / 10,
    token: sent.token,
  }
}
