import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { type ReceiverHost, receiverHostsPerTest } from '../helpers/receiver-host.ts'

const start = receiverHostsPerTest()
const AUTH = '/emulate/rustici/api/v1/app_management/subscription_auth'

interface Answer {
  status: number
  headers: Headers
  // biome-ignore lint/suspicious/noExplicitAny: assertions read arbitrary JSON.
  body: any
}

async function call(hb: ReceiverHost, method: string, path: string, body?: unknown): Promise<Answer> {
  const response = await hb.hook(path, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  })
  const text = await response.text()
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null }
}

describe('Rustici emulator: subscription_auth (seed 000)', () => {
  it('creates an auth config with 201, never echoing the secret; it is the same store as /api/auth-configs', async () => {
    const hb = await start()
    const created = await call(hb, 'POST', AUTH, {
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
    const oauth = await call(hb, 'POST', AUTH, {
      auth_type: 'OAUTH_2_CLIENT_CREDENTIALS',
      key: 'client',
      secret: 'cs',
      scope: 'webhooks',
      token_url: 'http://127.0.0.1:8787/oauth2/token',
    })
    expect(oauth.status).toBe(201)
    const none = await call(hb, 'POST', AUTH, { auth_type: 'NO_AUTH' })
    expect(none.body).toMatchObject({ auth_type: 'NO_AUTH', key: null, scope: null, token_url: null })

    const listed = await call(hb, 'GET', AUTH)
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
    const hb = await start()
    const refused = await call(hb, 'POST', AUTH, body)
    expect(refused.status).toBe(400)
    expect(refused.body.detail).toContainEqual({
      loc: ['body', field],
      msg: expect.any(String),
      type: 'value_error',
    })
    expect((await call(hb, 'GET', AUTH)).body).toEqual([])
  })

  it('refuses a body that is not JSON, or not an object, with 400', async () => {
    const hb = await start()
    const broken = await call(hb, 'POST', AUTH, '{"auth_type":')
    expect(broken).toMatchObject({ status: 400, body: { detail: 'The request body is not valid JSON.' } })
    expect((await call(hb, 'POST', AUTH, [1])).status).toBe(400)
  })

  it('deletes with 204; 404 for an unknown id; 409 while a subscription uses it', async () => {
    const hb = await start()
    const created = await call(hb, 'POST', AUTH, { auth_type: 'BASIC_AUTH', key: 'k', secret: 's' })
    const id = created.body.id
    const unknown = await call(hb, 'DELETE', `${AUTH}/no-such-id`)
    expect(unknown.status).toBe(404)
    expect(unknown.body).toEqual({ detail: expect.stringContaining('no-such-id') })

    const subscription = await hb.api<{ id: string }>('POST', '/api/subscriptions', {
      name: 'uses it',
      url: 'http://127.0.0.1:9/hook',
      profile: 'rustici',
      auth_config_id: id,
    })
    const inUse = await call(hb, 'DELETE', `${AUTH}/${id}`)
    expect(inUse.status).toBe(409)
    expect(inUse.body.detail).toContain('used by 1 subscription')

    await hb.api('DELETE', `/api/subscriptions/${subscription.body.id}`)
    const deleted = await hb.hook(`${AUTH}/${id}`, { method: 'DELETE' })
    expect(deleted.status).toBe(204)
    expect(await deleted.text()).toBe('')
    expect((await call(hb, 'GET', AUTH)).body).toEqual([])
  })

  it('answers 405 with Allow for a method the path does not have, and 404 outside the API', async () => {
    const hb = await start()
    const wrong = await call(hb, 'PUT', AUTH, {})
    expect(wrong.status).toBe(405)
    expect(wrong.headers.get('allow')).toBe('POST, GET')
    expect((await call(hb, 'GET', '/emulate/rustici/api/v1/nothing')).status).toBe(404)
  })
})

describe('Rustici emulator: GET /api/v1/jobs/{job_id}', () => {
  it('answers the JobRead last sent in a JOB_PROCESSED event for that job, else 404', async () => {
    const hb = await start()
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
    expect((await call(hb, 'GET', '/emulate/rustici/api/v1/jobs/job_123')).status).toBe(404)
    await hb.api('POST', '/api/events', { topic: 'JOB_PROCESSED', data: job })
    await hb.api('POST', '/api/events', { topic: 'JOB_PROCESSED', data: completed })
    await hb.api('POST', '/api/events', { topic: 'JOB_PROCESSED', data: { ...job, id: 'job_456' } })
    await hb.api('POST', '/api/events', { topic: 'user.created', data: { id: 'job_123' } })

    const read = await call(hb, 'GET', '/emulate/rustici/api/v1/jobs/job_123')
    expect(read.status).toBe(200)
    expect(read.body).toEqual(completed)
    expect((await call(hb, 'GET', '/emulate/rustici/api/v1/jobs/job_456')).body.id).toBe('job_456')
    const missing = await call(hb, 'GET', '/emulate/rustici/api/v1/jobs/job_789')
    expect(missing).toMatchObject({ status: 404, body: { detail: 'Job job_789 not found.' } })
  })
})
