import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { emulatorCaller, emulatorRequest, emulatorToken } from '../helpers/emulator-token.ts'
import { type ReceiverHost, receiverHostsPerTest } from '../helpers/receiver-host.ts'

const start = receiverHostsPerTest()
const AUTH = '/emulate/rustici/api/v1/app_management/subscription_auth'
const JOBS = '/emulate/rustici/api/v1/jobs'

/** A caller of a Hookbench (a new one, or `hb` again) that got a token from its mock OAuth2 server first. */
async function withToken(hb?: ReceiverHost) {
  return emulatorCaller(hb ?? (await start()))
}

/** Posts an auth config that must be refused: 400 whose detail names `field` with `msg`, and none stored. */
async function expectAuthRefused(body: unknown, field: string, msg: unknown) {
  const { call } = await withToken()
  const refused = await call('POST', AUTH, body)
  expect(refused.status).toBe(400)
  expect(refused.body.detail).toContainEqual({ loc: ['body', field], msg, type: 'value_error' })
  expect((await call('GET', AUTH)).body).toEqual([])
}

const job = {
  id: 'job_123',
  status: 'RUNNING',
  type: 'CONTENT_IMPORT',
  results: null,
  error: null,
  warnings: [],
  create_dt: '2025-01-01T00:00:00Z',
  update_dt: '2025-01-01T00:00:00Z',
}
const completed = {
  ...job,
  status: 'COMPLETED',
  results: { content_id: 'content_123', version: 0 },
  update_dt: '2025-01-01T00:05:00Z',
}

const sendJob = (hb: ReceiverHost, data: Record<string, unknown>) =>
  hb.api('POST', '/api/events', { topic: 'JOB_PROCESSED', data })

describe('Rustici emulator: subscription_auth', () => {
  it('creates an auth config with 201, never echoing the secret; it is the same store as /api/auth-configs', async () => {
    const { hb, call } = await withToken()
    const created = await call('POST', AUTH, {
      auth_type: 'BASIC_AUTH',
      key: 'generator',
      secret: 'basic-pw-9912',
      scope: null,
      token_url: null,
    })
    expect(created.status).toBe(201)
    expect(created.body).toEqual({
      id: expect.any(String),
      auth_type: 'BASIC_AUTH',
      key: 'generator',
      scope: null,
      token_url: null,
    })
    const oauth = await call('POST', AUTH, {
      auth_type: 'OAUTH_2_CLIENT_CREDENTIALS',
      key: 'client',
      secret: 'cs',
      scope: 'webhooks',
      token_url: 'http://127.0.0.1:8787/oauth2/token',
    })
    expect(oauth.status).toBe(201)
    const none = await call('POST', AUTH, { auth_type: 'NO_AUTH' })
    expect(none.body).toMatchObject({ auth_type: 'NO_AUTH', key: null, scope: null, token_url: null })

    const listed = await call('GET', AUTH)
    expect(listed.status).toBe(200)
    expect(listed.body.map((c: { id: string }) => c.id)).toEqual([
      created.body.id,
      oauth.body.id,
      none.body.id,
    ])
    expect(JSON.stringify(listed.body)).not.toContain('secret')
    const local = await hb.api<{ items: Array<{ id: string; secret: string }> }>('GET', '/api/auth-configs')
    expect(local.body.items.map((c) => c.id)).toEqual(listed.body.map((c: { id: string }) => c.id))
    expect(readFileSync(join(hb.dataDir, 'config.json'), 'utf8')).not.toContain('basic-pw-9912')
  })

  it.each([
    [{ auth_type: 'BASIC_AUTH', key: 'user' }, 'secret'],
    [{ auth_type: 'BASIC_AUTH', secret: 'pw' }, 'key'],
    [{ auth_type: 'OAUTH_2_CLIENT_CREDENTIALS', token_url: 'http://127.0.0.1/token' }, 'scope'],
    [{ auth_type: 'OAUTH_2_CLIENT_CREDENTIALS', scope: 'hooks' }, 'token_url'],
    [{ auth_type: 'OAUTH_2_CLIENT_CREDENTIALS', scope: 'hooks', token_url: 'not a url' }, 'token_url'],
    [{ auth_type: 'NO_AUTH', key: 'x' }, 'key'],
    [{ auth_type: 'DIGEST_AUTH' }, 'auth_type'],
  ])('refuses %j with 400 naming %s, and stores nothing', async (body, field) => {
    await expectAuthRefused(body, field, expect.any(String))
  })

  it.each([
    ['key', { auth_type: 'BASIC_AUTH', key: 'k'.repeat(300), secret: 'pw' }],
    ['secret', { auth_type: 'BASIC_AUTH', key: 'k', secret: 's'.repeat(9000) }],
    [
      'token_url',
      { auth_type: 'OAUTH_2_CLIENT_CREDENTIALS', scope: 'a', token_url: `http://h/${'t'.repeat(3000)}` },
    ],
    ['scope', { auth_type: 'OAUTH_2_CLIENT_CREDENTIALS', scope: 's'.repeat(9000), token_url: 'http://h/t' }],
    ['auth_type', { auth_type: 'A'.repeat(300) }],
  ])('refuses an over-long %s with 400 naming it, and stores nothing', async (field, body) => {
    await expectAuthRefused(body, field, expect.stringMatching(/^must be at most \d+ characters$/))
  })

  it('refuses a body that is not JSON, or not an object, with 400', async () => {
    const { call } = await withToken()
    const broken = await call('POST', AUTH, '{"auth_type":')
    expect(broken).toMatchObject({ status: 400, body: { detail: 'The request body is not valid JSON.' } })
    expect((await call('POST', AUTH, [1])).status).toBe(400)
  })

  it('deletes with 204; 404 for an unknown id; 409 while a subscription uses it', async () => {
    const { hb, token, call } = await withToken()
    const created = await call('POST', AUTH, { auth_type: 'BASIC_AUTH', key: 'k', secret: 's' })
    const id = created.body.id
    const unknown = await call('DELETE', `${AUTH}/no-such-id`)
    expect(unknown.status).toBe(404)
    expect(unknown.body).toEqual({ detail: expect.stringContaining('no-such-id') })

    const subscription = await hb.api<{ id: string }>('POST', '/api/subscriptions', {
      name: 'uses it',
      url: 'http://127.0.0.1:9/hook',
      profile: 'rustici',
      auth_config_id: id,
    })
    const inUse = await call('DELETE', `${AUTH}/${id}`)
    expect(inUse.status).toBe(409)
    expect(inUse.body.detail).toContain('used by 1 subscription')

    await hb.api('DELETE', `/api/subscriptions/${subscription.body.id}`)
    const deleted = await hb.hook(`${AUTH}/${id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${token}` },
    })
    expect(deleted.status).toBe(204)
    expect(await deleted.text()).toBe('')
    expect((await call('GET', AUTH)).body).toEqual([])
  })

  it('answers 405 with Allow for a method the path does not have, and 404 outside the API', async () => {
    const { call } = await withToken()
    const wrong = await call('PUT', AUTH, {})
    expect(wrong.status).toBe(405)
    expect(wrong.headers.get('allow')).toBe('POST, GET')
    expect((await call('GET', '/emulate/rustici/api/v1/nothing')).status).toBe(404)
  })
})

describe('Rustici emulator: GET /api/v1/jobs/{job_id}', () => {
  it('answers the JobRead last sent in a JOB_PROCESSED event for that job, else 404', async () => {
    const { hb, call } = await withToken()
    expect((await call('GET', `${JOBS}/job_123`)).status).toBe(404)
    await sendJob(hb, job)
    await sendJob(hb, completed)
    await sendJob(hb, { ...job, id: 'job_456' })
    await hb.api('POST', '/api/events', { topic: 'user.created', data: { id: 'job_123' } })

    const read = await call('GET', `${JOBS}/job_123`)
    expect(read.status).toBe(200)
    expect(read.body).toEqual(completed)
    expect((await call('GET', `${JOBS}/job_456`)).body.id).toBe('job_456')
    const missing = await call('GET', `${JOBS}/job_789`)
    expect(missing).toMatchObject({ status: 404, body: { detail: 'Job job_789 not found.' } })
  })

  it('answers the newest JobRead after later events, and after a restart', async () => {
    const { hb, call } = await withToken()
    await sendJob(hb, job)
    expect((await call('GET', `${JOBS}/job_123`)).body).toEqual(job)
    await sendJob(hb, completed)
    expect((await call('GET', `${JOBS}/job_123`)).body).toEqual(completed)

    await hb.host.stop()
    const again = await withToken(await start(hb.dataDir))
    expect((await again.call('GET', `${JOBS}/job_123`)).body).toEqual(completed)
    const failed = { ...job, status: 'FAILED', error: 'unreadable package' }
    await sendJob(again.hb, failed)
    expect((await again.call('GET', `${JOBS}/job_123`)).body).toEqual(failed)
  })
})

describe('Rustici emulator: credentials and content types', () => {
  it('answers 401 {"detail": "Not authenticated"} with WWW-Authenticate: Bearer to a call without a token', async () => {
    const { hb, call } = await withToken()
    const created = await call('POST', AUTH, { auth_type: 'BASIC_AUTH', key: 'k', secret: 's' })
    await sendJob(hb, job)
    const anonymous = (method: string, path: string, body?: unknown) =>
      emulatorRequest(hb, method, path, body, { 'content-type': 'application/json' })

    for (const refused of [
      await anonymous('POST', AUTH, { auth_type: 'NO_AUTH' }),
      await anonymous('GET', AUTH),
      await anonymous('DELETE', `${AUTH}/${created.body.id}`),
      await anonymous('GET', `${JOBS}/job_123`),
    ]) {
      expect(refused.status).toBe(401)
      expect(refused.headers.get('www-authenticate')).toBe('Bearer')
      expect(refused.body).toEqual({ detail: 'Not authenticated' })
    }
    expect((await call('GET', AUTH)).body.map((c: { id: string }) => c.id)).toEqual([created.body.id])
  })

  it('answers 401 invalid_token to a token it did not issue, or an expired one', async () => {
    const { hb, token, call } = await withToken()
    for (const bearer of ['Bearer hbo_forged', 'Bearer ', 'bearer   ']) {
      const refused = await call('GET', AUTH, undefined, { authorization: bearer })
      expect(refused.status, bearer).toBe(401)
      expect(refused.headers.get('www-authenticate')).toBe(
        'Bearer error="invalid_token", error_description="Invalid or expired token"',
      )
      expect(refused.body).toEqual({ detail: 'Invalid or expired token' })
    }
    expect((await call('GET', AUTH, undefined, { authorization: `bearer ${token}` })).status).toBe(200)
    await hb.api('PATCH', '/api/oauth-server', { token_ttl_s: 1 })
    const shortLived = await emulatorToken(hb)
    await hb.api('POST', '/api/oauth-server/expire')
    expect((await call('GET', AUTH)).status).toBe(401)
    expect((await call('GET', AUTH, undefined, { authorization: `Bearer ${shortLived}` })).status).toBe(401)
  })

  it('refuses an auth config sent as text/plain with 415, storing nothing', async () => {
    const { call } = await withToken()
    const refused = await call(
      'POST',
      AUTH,
      { auth_type: 'NO_AUTH' },
      {
        'content-type': 'text/plain',
      },
    )
    expect(refused.status).toBe(415)
    expect(refused.body).toEqual({ detail: expect.stringContaining('application/json') })
    expect((await call('GET', AUTH)).body).toEqual([])
  })
})
