import { randomUUID } from 'node:crypto'
import type { Dispatcher } from 'undici'
import type { AuthConfig } from '../../shared/domain/auth-config.ts'
import type { AttemptRecord, MessageRecord } from '../../shared/domain/message.ts'
import type { Subscription } from '../../shared/domain/subscription.ts'
import { renderText } from '../../shared/templating.ts'
import type { SecretBox } from '../secrets/secret-box.ts'
import { signHeaders } from '../signing/standard-webhooks.ts'
import { sendRequest } from './http-send.ts'
import { OAuthTokenError, type OAuthTokens, type TokenResult } from './oauth-tokens.ts'
import type { Scheduler } from './scheduler.ts'

export interface AttemptContext {
  subscription: Subscription
  authConfig: AuthConfig | null
  message: MessageRecord
  /**
   * What templated header values read (`templateContext` of the event, as the URL and the editor's
   * preview use it), or null when the event was not read: no header is templated, or it is gone.
   */
  templateContext: Record<string, unknown> | null
  trigger: AttemptRecord['trigger']
}

export interface AttemptRunnerDeps {
  secrets: SecretBox
  tokens: OAuthTokens
  scheduler: Scheduler
  userAgent: string
  dispatcher?: Dispatcher
}

/** What templates read when the event is not there: every placeholder renders empty. */
const NO_EVENT: Readonly<Record<string, unknown>> = Object.freeze({})

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
  const sent: Sent = { number, trigger, url, headers, sealedValues, startedAt, token: null }
  // Anything that stops the request from being built (a secret that cannot be opened, the token
  // endpoint failing) is a failed attempt with its reason: retried as usual, never a silent hang.
  try {
    const templateContext = context.templateContext ?? NO_EVENT
    for (const [name, header] of Object.entries(subscription.headers)) {
      if (header.value === undefined) continue
      const lower = name.toLowerCase()
      if (header.secret || SENSITIVE.has(lower)) sealedValues.add(lower)
      headers.push([
        name,
        header.secret
          ? openSecret(deps, header.value, `The secret header "${name}"`, 'the subscription')
          : renderText(header.value, templateContext),
      ])
    }

    const auth = await authorizationFor(deps, context)
    if (auth.token) sent.token = { source: auth.token.source, exchange: auth.token.exchange }
    if (auth.header) {
      headers.push(['authorization', auth.header])
      sealedValues.add('authorization')
    }

    if (subscription.signing) {
      const now = deps.scheduler.now()
      const active = [
        subscription.signing.secret,
        ...subscription.signing.previous.filter((p) => Date.parse(p.expires_at) > now).map((p) => p.secret),
      ].map((sealed) => openSecret(deps, sealed, 'The signing secret', 'the subscription (or rotate it)'))
      const signed = signHeaders(active, message.message_id, Math.floor(now / 1000), message.body)
      headers.push(...(Object.entries(signed) as Array<[string, string]>))
    }
  } catch (error) {
    if (error instanceof OAuthTokenError) sent.token = { source: 'fetch', exchange: error.exchange }
    return record(deps, context, sent, null, whyNotSent(error), 0)
  }

  const result = await sendRequest(
    { url, headers, body: message.body, timeoutMs: subscription.timeout_ms },
    deps.dispatcher,
  )
  return record(deps, context, sent, result.response, result.error, result.durationMs)
}

/** A reason the user can act on, raised while the request is built; recorded as the attempt's error. */
export class AttemptNotPrepared extends Error {}

/**
 * Opens one stored secret for this attempt. An empty one was left out of an imported workspace
 * (redacted, with nothing stored here to keep); one that does not open was sealed with another key
 * or damaged. Either way the user has to enter it again, and the error says where.
 */
function openSecret(deps: AttemptRunnerDeps, sealed: string, what: string, where: string): string {
  if (sealed === '') {
    throw new AttemptNotPrepared(
      `${what} is not set (it was redacted in an imported workspace): enter it again on ${where}.`,
    )
  }
  try {
    return deps.secrets.open(sealed)
  } catch {
    throw new AttemptNotPrepared(`${what} cannot be decrypted: enter it again on ${where}.`)
  }
}

/** The attempt's error when it could not be sent at all. */
export function whyNotSent(error: unknown): string {
  if (error instanceof AttemptNotPrepared || error instanceof OAuthTokenError) return error.message
  const message = error instanceof Error ? error.message : String(error)
  return `Hookbench could not prepare this attempt: ${message}`
}

/**
 * An attempt that failed before its request was built, for the engine's own failures around
 * `runAttempt` (the event could not be read…): recorded like any failed attempt.
 */
export function unsentAttempt(
  deps: Pick<AttemptRunnerDeps, 'secrets' | 'scheduler'>,
  context: AttemptContext,
  error: unknown,
): AttemptRecord {
  const { message } = context
  const sent: Sent = {
    number: message.attempt_ids.length + 1,
    trigger: context.trigger,
    url: message.url_override ?? message.url,
    headers: [],
    sealedValues: new Set(),
    startedAt: new Date(deps.scheduler.now()).toISOString(),
    token: null,
  }
  return record(deps, context, sent, null, whyNotSent(error), 0)
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
      const secret =
        config.secret === null
          ? ''
          : openSecret(deps, config.secret, 'The Basic auth password', 'its auth config')
      return {
        header: `Basic ${Buffer.from(`${config.key ?? ''}:${secret}`).toString('base64')}`,
        token: null,
      }
    }
    case 'OAUTH_2_CLIENT_CREDENTIALS': {
      // Checked here, so a client secret that cannot be opened is named as such, not as a token failure.
      if (config.secret !== null)
        openSecret(deps, config.secret, 'The OAuth client secret', 'its auth config')
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
  deps: Pick<AttemptRunnerDeps, 'secrets'>,
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
