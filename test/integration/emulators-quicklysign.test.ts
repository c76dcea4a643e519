import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { type ReceiverHost, receiverHostsPerTest } from '../helpers/receiver-host.ts'
import { eventually, sinksPerTest } from '../helpers/sink.ts'

const start = receiverHostsPerTest()
const sink = sinksPerTest()

const DOCUMENT = 'ahNkZXZ-cXVpY2tseXNpZ24tZGV2chULEghEb2N1bWVudBiAgICAgMDvCww'
const CLIENT = { client_id: 'qs-client', client_secret: 'qs-secret-5521' }
const CREDENTIALS = new URLSearchParams(CLIENT).toString()

interface Answer {
  status: number
  // biome-ignore lint/suspicious/noExplicitAny: assertions read arbitrary JSON.
  body: any
}

async function call(hb: ReceiverHost, method: string, path: string, body?: unknown): Promise<Answer> {
  const response = await hb.hook(`/emulate/quicklysign${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  const text = await response.text()
  return { status: response.status, body: text ? JSON.parse(text) : null }
}

async function withClient() {
  const hb = await start()
  const registered = await hb.api('POST', '/api/emulators/quicklysign/clients', CLIENT)
  expect(registered.status).toBe(201)
  return hb
}

function subscribe(hb: ReceiverHost, entityKey: string, callback = 'http://127.0.0.1:9/v0/test_callback') {
  return call(hb, 'POST', '/subscriptions', { ...CLIENT, subscription: { entity_key: entityKey, callback } })
}

describe('QuicklySign emulator: API clients through the local API', () => {
  it('registers clients with the secret sealed and redacted; 409 for a taken client_id', async () => {
    const hb = await start()
    const created = await hb.api<Record<string, unknown>>(
      'POST',
      '/api/emulators/quicklysign/clients',
      CLIENT,
    )
    expect(created.status).toBe(201)
    expect(created.body).toMatchObject({ client_id: 'qs-client', client_secret: '••••' })
    expect(readFileSync(join(hb.dataDir, 'config.json'), 'utf8')).not.toContain('qs-secret-5521')
    const id = created.body.id as string
    const revealed = await hb.api('GET', `/api/emulators/quicklysign/clients/${id}?reveal=true`)
    expect(revealed.body.client_secret).toBe('qs-secret-5521')
    expect((await hb.api('POST', '/api/emulators/quicklysign/clients', CLIENT)).status).toBe(409)
    const updated = await hb.api('PUT', `/api/emulators/quicklysign/clients/${id}`, { client_id: 'renamed' })
    expect(updated.body).toMatchObject({ client_id: 'renamed', client_secret: '••••' })
    expect((await hb.api('GET', '/api/emulators/quicklysign/clients')).body.items).toHaveLength(1)
    expect((await hb.api('DELETE', `/api/emulators/quicklysign/clients/${id}`)).status).toBe(204)
    expect((await hb.api('GET', `/api/emulators/quicklysign/clients/${id}`)).status).toBe(404)
  })
})

describe('QuicklySign emulator: /subscriptions', () => {
  it('creates a subscription in the QuicklySign envelope; it is a quicklysign subscription in the shared store', async () => {
    const hb = await withClient()
    const before = Date.now()
    const created = await subscribe(hb, DOCUMENT, 'http://api.127.0.0.1.xip.io:8080/v0/test_callback')
    expect(created.status).toBe(200)
    expect(created.body).toEqual({
      status: { status_code: 200 },
      data: {
        subscription: {
          entity_key: DOCUMENT,
          date_updated: expect.any(Number),
          subscriber_key: null,
          callback: 'http://api.127.0.0.1.xip.io:8080/v0/test_callback',
          key: expect.any(String),
          date_created: expect.any(Number),
        },
      },
    })
    const { subscription } = created.body.data
    expect(subscription.date_created).toBeGreaterThanOrEqual(before)
    expect(subscription.date_created).toBeLessThanOrEqual(Date.now())
    expect(subscription.date_updated).toBe(subscription.date_created)

    const stored = await hb.api('GET', `/api/subscriptions/${subscription.key}`)
    expect(stored.body).toMatchObject({
      name: `QuicklySign ${DOCUMENT}`,
      profile: 'quicklysign',
      entity_key: DOCUMENT,
      url: 'http://api.127.0.0.1.xip.io:8080/v0/test_callback',
      enabled: true,
    })
  })

  it('gets by key, lists (all or by entity_key), and hides subscriptions of other profiles', async () => {
    const hb = await withClient()
    const a = (await subscribe(hb, 'doc-a')).body.data.subscription
    const b = (await subscribe(hb, 'doc-b')).body.data.subscription
    const other = await hb.api<{ id: string }>('POST', '/api/subscriptions', {
      name: 'not quicklysign',
      url: 'http://127.0.0.1:9/',
      profile: 'iam',
    })

    const got = await call(hb, 'GET', `/subscriptions/${a.key}?${CREDENTIALS}`)
    expect(got).toEqual({ status: 200, body: { status: { status_code: 200 }, data: { subscription: a } } })
    const all = await call(hb, 'GET', `/subscriptions?${CREDENTIALS}`)
    expect(all.body).toEqual({ status: { status_code: 200 }, data: { subscriptions: [a, b] } })
    const forB = await call(hb, 'GET', `/subscriptions?${CREDENTIALS}&entity_key=doc-b`)
    expect(forB.body.data.subscriptions).toEqual([b])

    const hidden = await call(hb, 'GET', `/subscriptions/${other.body.id}?${CREDENTIALS}`)
    expect(hidden).toEqual({
      status: 404,
      body: { status: { status_code: 404 }, error: { message: expect.stringContaining(other.body.id) } },
    })
  })

  it('unsubscribes by key and by entity_key', async () => {
    const hb = await withClient()
    const a1 = (await subscribe(hb, 'doc-a')).body.data.subscription
    const a2 = (await subscribe(hb, 'doc-a')).body.data.subscription
    const b = (await subscribe(hb, 'doc-b')).body.data.subscription

    const byKey = await call(hb, 'DELETE', `/subscriptions/${b.key}?${CREDENTIALS}`)
    expect(byKey).toEqual({ status: 200, body: { status: { status_code: 200 }, data: { subscription: b } } })
    expect((await call(hb, 'GET', `/subscriptions/${b.key}?${CREDENTIALS}`)).status).toBe(404)
    expect((await call(hb, 'DELETE', `/subscriptions/${b.key}?${CREDENTIALS}`)).status).toBe(404)

    const byEntity = await call(hb, 'DELETE', `/subscriptions?${CREDENTIALS}&entity_key=doc-a`)
    expect(byEntity.body).toEqual({ status: { status_code: 200 }, data: { subscriptions: [a1, a2] } })
    expect((await hb.api('GET', '/api/subscriptions')).body.items).toEqual([])

    const noEntity = await call(hb, 'DELETE', `/subscriptions?${CREDENTIALS}`)
    expect(noEntity).toMatchObject({ status: 400, body: { status: { status_code: 400 } } })
  })

  it.each([
    ['no credentials', ''],
    ['a wrong secret', 'client_id=qs-client&client_secret=wrong'],
    ['an unknown client', 'client_id=nobody&client_secret=qs-secret-5521'],
  ])('answers 401 in the QuicklySign envelope for %s', async (_what, query) => {
    const hb = await withClient()
    const listed = await call(hb, 'GET', `/subscriptions?${query}`)
    expect(listed).toEqual({
      status: 401,
      body: { status: { status_code: 401 }, error: { message: expect.any(String) } },
    })
    const body = Object.fromEntries(new URLSearchParams(query))
    const created = await call(hb, 'POST', '/subscriptions', {
      ...body,
      subscription: { entity_key: 'doc', callback: 'http://127.0.0.1:9/' },
    })
    expect(created.status).toBe(401)
    expect(created.body.status.status_code).toBe(401)
    expect((await hb.api('GET', '/api/subscriptions')).body.items).toEqual([])
  })

  it('takes the credentials from the query string on a create too, and names an invalid field', async () => {
    const hb = await withClient()
    const viaQuery = await call(hb, 'POST', `/subscriptions?${CREDENTIALS}`, {
      subscription: { entity_key: 'doc', callback: 'http://127.0.0.1:9/cb' },
    })
    expect(viaQuery.status).toBe(200)
    const invalid = await call(hb, 'POST', '/subscriptions', {
      ...CLIENT,
      subscription: { entity_key: 'doc', callback: 'ftp://nope' },
    })
    expect(invalid.status).toBe(400)
    expect(invalid.body).toEqual({
      status: { status_code: 400 },
      error: { message: expect.stringContaining('subscription.callback') },
    })
    const missing = await call(hb, 'POST', '/subscriptions', { ...CLIENT })
    expect(missing.body.error.message).toContain('subscription')
  })

  it('refuses a body that is not application/json with 415, creating nothing', async () => {
    const hb = await withClient()
    const body = JSON.stringify({
      ...CLIENT,
      subscription: { entity_key: 'doc', callback: 'http://127.0.0.1:9/' },
    })
    for (const contentType of ['text/plain', 'application/x-www-form-urlencoded']) {
      const response = await hb.hook('/emulate/quicklysign/subscriptions', {
        method: 'POST',
        headers: { 'content-type': contentType },
        body,
      })
      expect(response.status, contentType).toBe(415)
      expect(await response.json()).toEqual({
        status: { status_code: 415 },
        error: { message: expect.stringContaining('application/json') },
      })
    }
    expect((await hb.api('GET', '/api/subscriptions')).body.items).toEqual([])
  })

  it.each([
    ['subscription.entity_key', { entity_key: 'd'.repeat(300), callback: 'http://127.0.0.1:9/cb' }],
    ['subscription.callback', { entity_key: 'doc', callback: `http://127.0.0.1:9/${'c'.repeat(3000)}` }],
  ])('refuses an over-long %s with 400 naming it, creating nothing', async (field, subscription) => {
    const hb = await withClient()
    const refused = await call(hb, 'POST', '/subscriptions', { ...CLIENT, subscription })
    expect(refused).toEqual({
      status: 400,
      body: {
        status: { status_code: 400 },
        error: { message: expect.stringContaining(`${field}: must be at most`) },
      },
    })
    expect((await hb.api('GET', '/api/subscriptions')).body.items).toEqual([])
  })

  it("delivers a document_status_changed callback with QuicklySign's body to a subscription it created", async () => {
    const hb = await withClient()
    const callback = await sink()
    const created = await subscribe(hb, DOCUMENT, `${callback.url}/v0/test_callback`)
    const key = created.body.data.subscription.key
    await subscribe(hb, 'another-document', `${callback.url}/other`)

    const sent = await hb.api('POST', '/api/events', {
      topic: 'document_status_changed',
      data: { entity_key: DOCUMENT, entity_type: 'Document' },
      entity_key: DOCUMENT,
    })
    expect(sent.status).toBe(202)
    const request = await eventually(() => callback.requests[0], 'the callback')
    expect(request.method).toBe('POST')
    expect(request.url).toBe('/v0/test_callback')
    expect(JSON.parse(request.body)).toEqual({
      subscription_key: key,
      entity_key: DOCUMENT,
      entity_type: 'Document',
      callback_event: 'document_status_changed',
    })
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(callback.requests).toHaveLength(1)
  })
})
