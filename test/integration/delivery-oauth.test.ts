import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { type Core, openCore } from '../../src/core/index.ts'
import { inProcessApi } from '../../src/core/invoke.ts'
import type { Api } from '../../src/shared/contract/index.ts'
import { messageWhen } from '../helpers/message-wait.ts'
import { eventually, sinksPerTest } from '../helpers/sink.ts'
import { tempDirsPerTest } from '../helpers/temp-dir.ts'

const tempDir = tempDirsPerTest()
const sink = sinksPerTest()
const closers: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const close of closers.splice(0)) await close()
})

/** A minimal client-credentials token endpoint: counts requests, issues t1, t2, … */
async function tokenServer(expiresIn = 3600) {
  const requests: Array<{ authorization: string | undefined; body: string }> = []
  const server: Server = createServer((req, res) => {
    let body = ''
    req.on('data', (chunk: Buffer) => {
      body += chunk.toString()
    })
    req.on('end', () => {
      requests.push({ authorization: req.headers.authorization, body })
      // Slow enough that concurrent deliveries overlap with the fetch in flight.
      setTimeout(() => {
        res.writeHead(200, { 'content-type': 'application/json' }).end(
          JSON.stringify({
            access_token: `t${requests.length}`,
            token_type: 'Bearer',
            expires_in: expiresIn,
          }),
        )
      }, 50)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  closers.push(() => new Promise((resolve) => server.close(() => resolve())))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/oauth2/token`, requests }
}

async function open() {
  const core: Core = await openCore({ dataDir: tempDir(), mode: 'headless', version: 'test' })
  closers.push(() => core.close())
  return inProcessApi(core.handlers)
}

/** A client-credentials auth config; client "c" with secret "s" and scope "x" unless the test names others. */
function oauthConfig(
  api: Api,
  token_url: string,
  client: { key?: string; secret?: string; scope?: string } = {},
) {
  return api.createAuthConfig({
    auth_type: 'OAUTH_2_CLIENT_CREDENTIALS',
    key: client.key ?? 'c',
    secret: client.secret ?? 's',
    scope: client.scope ?? 'x',
    token_url,
  })
}

describe('delivery with OAuth2 client credentials', () => {
  it('fetches one token for concurrent deliveries, sends it as Bearer, and records the exchange', async () => {
    const tokens = await tokenServer()
    const endpoint = await sink()
    const api = await open()
    const auth = await oauthConfig(api, tokens.url, {
      key: 'client-1',
      secret: 'client secret',
      scope: 'webhooks:write',
    })
    await api.createSubscription({ name: 'o', url: endpoint.url, auth_config_id: auth.id, concurrency: 4 })
    const sent = await Promise.all([1, 2, 3].map((n) => api.sendEvent({ topic: 'a.b', data: { n } })))
    await eventually(() => endpoint.requests.length === 3, 'three deliveries')

    expect(tokens.requests).toHaveLength(1)
    expect(tokens.requests[0]?.authorization).toBe(
      `Basic ${Buffer.from('client-1:client%20secret').toString('base64')}`,
    )
    expect(new URLSearchParams(tokens.requests[0]?.body)).toEqual(
      new URLSearchParams({ grant_type: 'client_credentials', scope: 'webhooks:write' }),
    )
    expect(endpoint.requests.map((r) => r.headers.authorization)).toEqual([
      'Bearer t1',
      'Bearer t1',
      'Bearer t1',
    ])

    const details = await Promise.all(
      sent.map(({ messages }) =>
        messageWhen(api, messages[0]?.message_id as string, (m) => m.status === 'delivered', 'delivered'),
      ),
    )
    const tokenInfo = details.map((d) => d.attempts[0]?.token)
    expect(tokenInfo.filter((t) => t?.source === 'fetch')).toHaveLength(1)
    expect(tokenInfo.filter((t) => t?.source === 'cache')).toHaveLength(2)
    const exchange = tokenInfo.find((t) => t?.source === 'fetch')?.exchange
    expect(exchange?.request.url).toBe(tokens.url)
    expect(exchange?.request.headers).toContainEqual(['authorization', '••••'])
    expect(exchange?.response?.status).toBe(200)
    expect(exchange?.response?.body).not.toContain('"t1"')
  })

  it('on a 401 from the subscriber, fetches a new token once and retries that attempt', async () => {
    const tokens = await tokenServer()
    const endpoint = await sink([{ status: 401 }, { status: 200 }])
    const api = await open()
    const auth = await oauthConfig(api, tokens.url)
    await api.createSubscription({ name: 'o', url: endpoint.url, auth_config_id: auth.id })
    const { messages } = await api.sendEvent({ topic: 'a.b', data: {} })
    const message = await messageWhen(
      api,
      messages[0]?.message_id as string,
      (m) => m.status === 'delivered',
      'delivered after the token refresh',
      true,
    )
    expect(tokens.requests).toHaveLength(2)
    expect(endpoint.requests.map((r) => r.headers.authorization)).toEqual(['Bearer t1', 'Bearer t2'])
    expect(message.attempts.map((a) => [a.trigger, a.response?.status, a.token?.source])).toEqual([
      ['scheduled', 401, 'fetch'],
      ['token-refresh', 200, 'fetch'],
    ])
  })

  it('records a failed token fetch as a failed attempt, with the exchange, and retries later', async () => {
    const endpoint = await sink()
    const api = await open()
    const auth = await oauthConfig(api, 'http://127.0.0.1:9/oauth2/token')
    await api.createSubscription({
      name: 'o',
      url: endpoint.url,
      auth_config_id: auth.id,
      retry_schedule: [0, 3600],
    })
    const { messages } = await api.sendEvent({ topic: 'a.b', data: {} })
    const message = await messageWhen(
      api,
      messages[0]?.message_id as string,
      (m) => m.attempts.length === 1,
      'the failed attempt',
    )
    expect(message.status).toBe('pending')
    expect(message.attempts[0]).toMatchObject({ outcome: 'failure', response: null })
    expect(message.attempts[0]?.error).toContain('token request')
    expect(message.attempts[0]?.token?.exchange?.error).toBeTruthy()
    expect(endpoint.requests).toHaveLength(0)
  })

  it('"Test" on an OAuth auth config fetches a token now and shows the exchange with secrets masked', async () => {
    const tokens = await tokenServer()
    const api = await open()
    const good = await oauthConfig(api, tokens.url, { secret: 'client-secret' })
    const first = await api.testAuthConfig({ id: good.id })
    const second = await api.testAuthConfig({ id: good.id })
    expect(first).toMatchObject({
      ok: true,
      exchange: { request: { url: tokens.url }, response: { status: 200 } },
    })
    expect(first.exchange?.request.headers).toContainEqual(['authorization', '••••'])
    expect(JSON.stringify(first)).not.toContain('client-secret')
    expect(second.ok).toBe(true)
    expect(tokens.requests).toHaveLength(2) // never from a cache

    const down = await oauthConfig(api, 'http://127.0.0.1:9/t')
    const failed = await api.testAuthConfig({ id: down.id })
    expect(failed).toMatchObject({ ok: false, exchange: { response: null } })
    expect(failed.message).toContain('token request')
    const basic = await api.createAuthConfig({ auth_type: 'BASIC_AUTH', key: 'k', secret: 's' })
    expect(await api.testAuthConfig({ id: basic.id })).toMatchObject({ ok: true, exchange: null })
  })
})
