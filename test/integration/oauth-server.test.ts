import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { OAuthServerState } from '../../src/core/oauth-server/server-state.ts'
import { type EmulatorAnswer, emulatorRequest } from '../helpers/emulator-token.ts'
import { type ReceiverHost, receiverHostsPerTest } from '../helpers/receiver-host.ts'
import { eventually, sinksPerTest } from '../helpers/sink.ts'

const start = receiverHostsPerTest()
const sink = sinksPerTest()

/** A token request to the receiver, as a client library would send it. */
async function tokenRequest(
  hb: ReceiverHost,
  form: Record<string, string> | string,
  init: { basic?: [string, string]; authorization?: string; contentType?: string; method?: string } = {},
): Promise<EmulatorAnswer> {
  const headers: Record<string, string> = {
    'content-type': init.contentType ?? 'application/x-www-form-urlencoded',
  }
  if (init.basic) {
    // RFC 6749 §2.3.1: form-urlencode id and secret, then Basic.
    const [id, secret] = init.basic.map((part) => new URLSearchParams({ v: part }).toString().slice(2))
    headers.authorization = `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`
  }
  if (init.authorization) headers.authorization = init.authorization
  const method = init.method ?? 'POST'
  const body =
    method === 'GET' ? undefined : typeof form === 'string' ? form : new URLSearchParams(form).toString()
  return emulatorRequest(hb, method, '/oauth2/token', body, headers)
}

async function withClient(scopes = ['hooks:write', 'hooks:read']) {
  const hb = await start()
  const created = await hb.api('POST', '/api/oauth-clients', {
    client_id: 'svc one',
    client_secret: 's3cret+p@ss word',
    scopes,
  })
  expect(created.status).toBe(201)
  return hb
}

const CLIENT: [string, string] = ['svc one', 's3cret+p@ss word']

describe('mock OAuth2 server: clients through the local API', () => {
  it('creates (secret sealed and redacted), reveals, updates, refuses a duplicate client_id, deletes', async () => {
    const hb = await start()
    const created = await hb.api<Record<string, unknown>>('POST', '/api/oauth-clients', {
      client_id: 'ci-bot',
      client_secret: 'plain-secret-7731',
      scopes: ['a', 'b:c'],
    })
    expect(created.status).toBe(201)
    expect(created.body).toMatchObject({ client_id: 'ci-bot', client_secret: '••••', scopes: ['a', 'b:c'] })
    expect(created.body.created_at).toEqual(expect.any(String))
    const id = created.body.id as string
    expect(readFileSync(join(hb.dataDir, 'config.json'), 'utf8')).not.toContain('plain-secret-7731')

    const revealed = await hb.api('GET', `/api/oauth-clients/${id}?reveal=true`)
    expect(revealed.body.client_secret).toBe('plain-secret-7731')
    expect((await hb.api('GET', '/api/oauth-clients/ci-bot')).body.id).toBe(id)

    const duplicate = await hb.api('POST', '/api/oauth-clients', { client_id: 'ci-bot', client_secret: 'x' })
    expect(duplicate.status).toBe(409)
    expect(duplicate.body).toMatchObject({ error: { code: 'conflict' } })

    const kept = await hb.api('PUT', `/api/oauth-clients/${id}`, {
      client_id: 'ci-bot',
      client_secret: '••••',
      scopes: ['a'],
    })
    expect(kept.status).toBe(200)
    expect(kept.body).toMatchObject({
      scopes: ['a'],
      client_secret: '••••',
      created_at: created.body.created_at,
    })
    expect((await hb.api('GET', `/api/oauth-clients/${id}?reveal=true`)).body.client_secret).toBe(
      'plain-secret-7731',
    )
    await hb.api('PUT', `/api/oauth-clients/${id}`, {
      client_id: 'ci-bot',
      client_secret: 'rotated',
      scopes: [],
    })
    expect((await hb.api('GET', `/api/oauth-clients/${id}?reveal=true`)).body.client_secret).toBe('rotated')

    const bad = await hb.api('POST', '/api/oauth-clients', {
      client_id: 'x',
      client_secret: 'y',
      scopes: ['has space'],
    })
    expect(bad.status).toBe(400)
    expect(bad.body).toMatchObject({
      error: { code: 'bad_request', details: { issues: [{ path: 'scopes.0' }] } },
    })

    expect((await hb.api('GET', '/api/oauth-clients')).body.items).toHaveLength(1)
    expect((await hb.api('DELETE', `/api/oauth-clients/${id}`)).status).toBe(204)
    expect((await hb.api('GET', `/api/oauth-clients/${id}`)).status).toBe(404)
    expect((await hb.api('DELETE', `/api/oauth-clients/${id}`)).status).toBe(404)
  })
})

describe('mock OAuth2 server: POST /oauth2/token (RFC 6749 §4.4)', () => {
  it('issues a Bearer token to a client authenticated with HTTP Basic, for a subset of its scopes', async () => {
    const hb = await withClient()
    const answer = await tokenRequest(
      hb,
      { grant_type: 'client_credentials', scope: 'hooks:read' },
      { basic: CLIENT },
    )
    expect(answer.status).toBe(200)
    expect(answer.headers.get('cache-control')).toBe('no-store')
    expect(answer.headers.get('pragma')).toBe('no-cache')
    expect(answer.headers.get('content-type')).toMatch(/^application\/json/)
    expect(answer.body).toEqual({
      access_token: expect.stringMatching(/^hbo_[A-Za-z0-9_-]{43}$/),
      token_type: 'Bearer',
      expires_in: 3600,
      scope: 'hooks:read',
    })
    expect(hb.host.core.isIssuedToken(answer.body.access_token)).toBe(true)
    expect(hb.host.core.isIssuedToken('hbo_not-one-of-ours')).toBe(false)
    expect((await hb.api('GET', '/api/oauth-server')).body).toEqual({
      token_ttl_s: 3600,
      failure: null,
      issued_active: 1,
    })
  })

  it('accepts the credentials in the form body, and grants every allowed scope when none is asked', async () => {
    const hb = await withClient()
    const answer = await tokenRequest(hb, {
      grant_type: 'client_credentials',
      client_id: CLIENT[0],
      client_secret: CLIENT[1],
    })
    expect(answer.status).toBe(200)
    expect(answer.body.scope).toBe('hooks:write hooks:read')
    // Basic credentials encoded with %20 (as encodeURIComponent does) are accepted too.
    const percent = Buffer.from('svc%20one:s3cret%2Bp%40ss%20word').toString('base64')
    const viaPercent = await tokenRequest(
      hb,
      { grant_type: 'client_credentials' },
      { authorization: `Basic ${percent}` },
    )
    expect(viaPercent.status).toBe(200)
  })

  it.each([
    ['no client authentication', { grant_type: 'client_credentials' }, {}, 401, 'invalid_client', false],
    [
      'a wrong secret in Basic',
      { grant_type: 'client_credentials' },
      { basic: ['svc one', 'nope'] },
      401,
      'invalid_client',
      true,
    ],
    [
      'an unknown client in Basic',
      { grant_type: 'client_credentials' },
      { basic: ['who', 'x'] },
      401,
      'invalid_client',
      true,
    ],
    [
      'malformed Basic credentials',
      { grant_type: 'client_credentials' },
      { authorization: 'Basic !!!' },
      401,
      'invalid_client',
      true,
    ],
    [
      'a Bearer header instead of client credentials',
      { grant_type: 'client_credentials' },
      { authorization: 'Bearer abc' },
      401,
      'invalid_client',
      true,
    ],
    [
      'a wrong secret in the body',
      { grant_type: 'client_credentials', client_id: 'svc one', client_secret: 'no' },
      {},
      401,
      'invalid_client',
      false,
    ],
    [
      'client_id in the body without a secret',
      { grant_type: 'client_credentials', client_id: 'svc one' },
      {},
      401,
      'invalid_client',
      false,
    ],
    [
      'Basic and a body secret together',
      { grant_type: 'client_credentials', client_secret: 'x' },
      { basic: CLIENT },
      400,
      'invalid_request',
      false,
    ],
    ['no grant_type', { scope: 'hooks:read' }, { basic: CLIENT }, 400, 'invalid_request', false],
    [
      'a repeated parameter',
      'grant_type=client_credentials&scope=a&scope=b',
      { basic: CLIENT },
      400,
      'invalid_request',
      false,
    ],
    [
      'a JSON body',
      '{"grant_type":"client_credentials"}',
      { basic: CLIENT, contentType: 'application/json' },
      400,
      'invalid_request',
      false,
    ],
    [
      'the password grant',
      { grant_type: 'password', username: 'u', password: 'p' },
      { basic: CLIENT },
      400,
      'unsupported_grant_type',
      false,
    ],
    [
      'a scope the client may not have',
      { grant_type: 'client_credentials', scope: 'hooks:read admin' },
      { basic: CLIENT },
      400,
      'invalid_scope',
      false,
    ],
  ] as const)(
    'answers %s with %i %s (RFC 6749 §5.2)',
    async (_what, form, init, status, error, challenge) => {
      const hb = await withClient()
      const answer = await tokenRequest(
        hb,
        form as Record<string, string> | string,
        init as Parameters<typeof tokenRequest>[2],
      )
      expect(answer.status).toBe(status)
      expect(answer.body).toEqual({ error, error_description: expect.any(String) })
      expect(answer.headers.get('cache-control')).toBe('no-store')
      expect(answer.headers.get('www-authenticate')).toBe(challenge ? 'Basic realm="hookbench"' : null)
      expect((await hb.api('GET', '/api/oauth-server')).body.issued_active).toBe(0)
    },
  )

  it('answers 405 to anything but POST', async () => {
    const hb = await withClient()
    const answer = await tokenRequest(hb, {}, { method: 'GET' })
    expect(answer.status).toBe(405)
    expect(answer.headers.get('allow')).toBe('POST')
    expect(answer.body.error).toBe('invalid_request')
  })

  it('records every token request newest first, without secrets or tokens', async () => {
    const hb = await withClient()
    const issued = await tokenRequest(
      hb,
      { grant_type: 'client_credentials', scope: 'hooks:read' },
      { basic: CLIENT },
    )
    await tokenRequest(hb, { grant_type: 'client_credentials', scope: 'admin' }, { basic: CLIENT })
    await tokenRequest(hb, { grant_type: 'client_credentials', client_id: 'svc one', client_secret: 'bad' })
    const log = await hb.api<{ items: Array<Record<string, unknown>> }>('GET', '/api/oauth-server/requests')
    expect(log.status).toBe(200)
    expect(log.body.items.map((r) => [r.client_id, r.client_auth, r.outcome, r.status])).toEqual([
      ['svc one', 'body', 'invalid_client', 401],
      ['svc one', 'basic', 'invalid_scope', 400],
      ['svc one', 'basic', 'issued', 200],
    ])
    expect(log.body.items[2]).toMatchObject({
      grant: 'client_credentials',
      scope: 'hooks:read',
      granted_scope: 'hooks:read',
      expires_at: expect.any(String),
      at: expect.any(String),
    })
    const text = JSON.stringify(log.body)
    expect(text).not.toContain(issued.body.access_token)
    expect(text).not.toContain('s3cret')
    expect((await hb.api('GET', '/api/oauth-server/requests?limit=1')).body.items).toHaveLength(1)
  })

  it('keeps the last 500 token requests', () => {
    const state = new OAuthServerState()
    for (let n = 0; n < 505; n++) {
      state.record({
        id: String(n),
        at: new Date(0).toISOString(),
        client_id: null,
        client_auth: 'none',
        grant: null,
        scope: null,
        granted_scope: null,
        outcome: 'invalid_client',
        status: 401,
        detail: null,
        expires_at: null,
      })
    }
    const kept = state.recent({ limit: 1000 })
    expect(kept).toHaveLength(500)
    expect(kept[0]?.id).toBe('504')
    expect(kept.at(-1)?.id).toBe('5')
  })
})

describe('mock OAuth2 server: settings, failures and expiry', () => {
  it('uses the configured TTL; tokens stop being valid when it runs out', async () => {
    const hb = await withClient()
    const patched = await hb.api('PATCH', '/api/oauth-server', { token_ttl_s: 1 })
    expect(patched.body).toMatchObject({ token_ttl_s: 1, failure: null })
    const answer = await tokenRequest(hb, { grant_type: 'client_credentials' }, { basic: CLIENT })
    expect(answer.body.expires_in).toBe(1)
    expect(hb.host.core.isIssuedToken(answer.body.access_token)).toBe(true)
    await new Promise((resolve) => setTimeout(resolve, 1_050))
    expect(hb.host.core.isIssuedToken(answer.body.access_token)).toBe(false)
    expect((await hb.api('GET', '/api/oauth-server')).body.issued_active).toBe(0)
    expect((await hb.api('PATCH', '/api/oauth-server', { token_ttl_s: 0 })).status).toBe(400)
  })

  it('fails the next N requests as told, then issues again; or fails every request until told to stop', async () => {
    const hb = await withClient()
    const failure = {
      status: 503,
      error: 'temporarily_unavailable',
      error_description: 'maintenance',
      remaining: 2,
    }
    expect((await hb.api('PATCH', '/api/oauth-server', { failure })).body.failure).toEqual(failure)
    const form = { grant_type: 'client_credentials' }
    const first = await tokenRequest(hb, form, { basic: CLIENT })
    expect(first.status).toBe(503)
    expect(first.body).toEqual({ error: 'temporarily_unavailable', error_description: 'maintenance' })
    expect((await hb.api('GET', '/api/oauth-server')).body.failure).toMatchObject({ remaining: 1 })
    expect((await tokenRequest(hb, form, { basic: CLIENT })).status).toBe(503)
    expect((await tokenRequest(hb, form, { basic: CLIENT })).status).toBe(200)
    expect((await hb.api('GET', '/api/oauth-server')).body.failure).toBeNull()

    await hb.api('PATCH', '/api/oauth-server', { failure: { status: 401, error: 'invalid_client' } })
    for (let n = 0; n < 3; n++) {
      const refused = await tokenRequest(hb, form, { basic: CLIENT })
      expect(refused.status).toBe(401)
      expect(refused.body).toEqual({ error: 'invalid_client' })
      expect(refused.headers.get('www-authenticate')).toBe('Basic realm="hookbench"')
    }
    await hb.api('PATCH', '/api/oauth-server', { failure: null })
    expect((await tokenRequest(hb, form, { basic: CLIENT })).status).toBe(200)
    const outcomes = (
      await hb.api<{ items: Array<{ outcome: string }> }>('GET', '/api/oauth-server/requests')
    ).body.items
    expect(outcomes.filter((r) => r.outcome === 'injected_failure')).toHaveLength(5)
    expect(
      (await hb.api('PATCH', '/api/oauth-server', { failure: { status: 200, error: 'x' } })).status,
    ).toBe(400)
  })

  it('expires every token now on request, and revokes the tokens of a deleted client', async () => {
    const hb = await withClient()
    const form = { grant_type: 'client_credentials' }
    const one = (await tokenRequest(hb, form, { basic: CLIENT })).body.access_token
    const two = (await tokenRequest(hb, form, { basic: CLIENT })).body.access_token
    expect(one).not.toBe(two)
    const expired = await hb.api('POST', '/api/oauth-server/expire', {})
    expect(expired).toMatchObject({ status: 200, body: { expired: 2 } })
    expect(hb.host.core.isIssuedToken(one)).toBe(false)
    expect(hb.host.core.isIssuedToken(two)).toBe(false)

    const three = (await tokenRequest(hb, form, { basic: CLIENT })).body.access_token
    expect(hb.host.core.isIssuedToken(three)).toBe(true)
    await hb.api('DELETE', '/api/oauth-clients/svc one')
    expect(hb.host.core.isIssuedToken(three)).toBe(false)
  })
})

describe('mock OAuth2 server end to end with the delivery engine', () => {
  it('an OAUTH_2_CLIENT_CREDENTIALS auth config fetches a token from /oauth2/token and delivers with it', async () => {
    const hb = await withClient()
    const endpoint = await sink()
    const auth = await hb.api('POST', '/api/auth-configs', {
      auth_type: 'OAUTH_2_CLIENT_CREDENTIALS',
      key: CLIENT[0],
      secret: CLIENT[1],
      scope: 'hooks:write',
      token_url: `${hb.host.receiverUrl}/oauth2/token`,
    })
    expect(auth.status).toBe(201)
    const subscription = await hb.api('POST', '/api/subscriptions', {
      name: 'oauth',
      url: endpoint.url,
      auth_config_id: auth.body.id,
    })
    expect(subscription.status).toBe(201)
    const sent = await hb.api('POST', '/api/events', { topic: 'order.created', data: { n: 1 } })
    expect(sent.status).toBe(202)

    const request = await eventually(() => endpoint.requests[0], 'the delivery')
    const token = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '')?.[1]
    expect(token).toMatch(/^hbo_/)
    expect(hb.host.core.isIssuedToken(token as string)).toBe(true)
    const log = (await hb.api<{ items: Array<Record<string, unknown>> }>('GET', '/api/oauth-server/requests'))
      .body
    expect(log.items[0]).toMatchObject({
      client_id: 'svc one',
      client_auth: 'basic',
      grant: 'client_credentials',
      scope: 'hooks:write',
      outcome: 'issued',
    })
  })
})

describe('bins that accept any token issued by the mock OAuth server', () => {
  it('verifies a delivery that carries a mock-issued token and refuses a made-up one', async () => {
    const hb = await withClient()
    const bin = await hb.api<{ verify: { bearer?: unknown } }>('POST', '/api/bins', {
      name: 'guarded',
      verify: { bearer: { mock_oauth: true } },
    })
    expect(bin.status).toBe(201)
    expect(bin.body.verify.bearer).toEqual({ mock_oauth: true })
    const auth = await hb.api<{ id: string }>('POST', '/api/auth-configs', {
      auth_type: 'OAUTH_2_CLIENT_CREDENTIALS',
      key: CLIENT[0],
      secret: CLIENT[1],
      scope: 'hooks:write',
      token_url: `${hb.host.receiverUrl}/oauth2/token`,
    })
    await hb.api('POST', '/api/subscriptions', {
      name: 'to the bin',
      url: `${hb.host.receiverUrl}/hooks/guarded/in`,
      auth_config_id: auth.body.id,
    })
    await hb.api('POST', '/api/events', { topic: 'order.created', data: { n: 1 } })
    await hb.hook('/hooks/guarded/in', {
      method: 'POST',
      headers: { authorization: 'Bearer made-up' },
      body: '{}',
    })

    const verdicts = await eventually(async () => {
      const list = await hb.api<{ items: Array<{ verdict: string; source: string }> }>(
        'GET',
        '/api/requests?bin=guarded',
      )
      return list.body.items.length === 2 ? list.body.items.map((item) => item.verdict).sort() : undefined
    }, 'both captures')
    expect(verdicts).toEqual(['failed', 'verified'])

    await hb.api('POST', '/api/oauth-server/expire', {})
    await hb.hook('/hooks/guarded/in', {
      method: 'POST',
      headers: {
        authorization: `Bearer ${(await tokenRequest(hb, { grant_type: 'client_credentials' }, { basic: CLIENT })).body.access_token}`,
      },
      body: '{}',
    })
    const latest = await hb.api<{ items: Array<{ verdict: string }> }>(
      'GET',
      '/api/requests?bin=guarded&limit=1',
    )
    expect(latest.body.items[0]?.verdict).toBe('verified')
  })
})
