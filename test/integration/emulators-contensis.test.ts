import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { CONTENSIS_PREFIX, contensisEmulator } from '../../src/core/emulators/contensis.ts'
import { createReceiverServer, type ReceiverServer } from '../../src/core/receiver/receiver-server.ts'
import type { Api } from '../../src/shared/contract/index.ts'
import {
  type EmulatorAnswer,
  emulatorCaller,
  emulatorRequest,
  emulatorToken,
} from '../helpers/emulator-token.ts'
import { type ReceiverHost, receiverHostsPerTest } from '../helpers/receiver-host.ts'
import { eventually, sinksPerTest } from '../helpers/sink.ts'

const start = receiverHostsPerTest()
const sink = sinksPerTest()

const COLLECTION = '/emulate/contensis/api/management/projects/movies/events/webhooks/subscriptions'
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

/** Contensis's "Create A Webhook Subscription" examples, copied verbatim from its documentation. */
const example = readFileSync(
  new URL('../fixtures/contensis/create-subscription-example.txt', import.meta.url),
  'utf8',
)
/** The examples with their `//` comment lines removed, as a client would send them. */
const exampleWithoutComments = example
  .split('\n')
  .filter((line) => !line.trim().startsWith('//'))
  .join('\n')

/** The first JSON object after `marker` in the examples, exactly as written there. */
function exampleJson(marker: string): string {
  const from = exampleWithoutComments.indexOf(marker)
  expect(from).toBeGreaterThan(-1)
  const open = exampleWithoutComments.indexOf('{', from)
  let depth = 0
  let inString = false
  for (let i = open; i < exampleWithoutComments.length; i++) {
    const char = exampleWithoutComments[i]
    if (inString) {
      if (char === '\\') i++
      else if (char === '"') inString = false
    } else if (char === '"') inString = true
    else if (char === '{') depth++
    else if (char === '}' && --depth === 0) return exampleWithoutComments.slice(open, i + 1)
  }
  throw new Error(`no complete JSON object after ${marker}`)
}

/** A Hookbench, and a caller that got a token from its mock OAuth2 server first. */
async function withToken() {
  return emulatorCaller(await start())
}

const minimal = (url: string) => ({
  name: { 'en-GB': 'minimal' },
  url,
  topics: [{ resourceType: 'entry', event: ['created'] }],
  headers: { secretHeaderSet: { secret: true, value: 'cs7vdsdvj~8' }, target: { value: 'internal' } },
})

/** Status and body only, for comparing a whole answer. */
const plain = ({ status, body }: EmulatorAnswer) => ({ status, body })

const stored = async (hb: ReceiverHost) =>
  (await hb.api<{ items: unknown[] }>('GET', '/api/subscriptions')).body.items

describe('Contensis emulator: webhook subscriptions', () => {
  it("accepts Contensis's example payload exactly as written: 201 in the shape of its example response", async () => {
    const { hb, call } = await withToken()
    const payload = exampleJson('POST: /api/management/projects/movies/')
    const example = JSON.parse(exampleJson('Example response'))
    const created = await call('POST', `${COLLECTION}/`, payload)
    expect(created.status).toBe(201)

    expect(Object.keys(created.body).sort()).toEqual(Object.keys(example).sort())
    expect(created.body.id).toMatch(UUID)
    for (const field of ['name', 'description', 'url', 'enabled', 'topics', 'templates']) {
      expect(created.body[field]).toEqual(example[field])
    }
    // Secret header values are write-only; a header without a value is not returned (its NOTE).
    expect(created.body.headers).toEqual({
      target: { value: 'internal' },
      department: { value: '{/resource/department}' },
      secretHeaderSet: { secret: true },
    })
    expect(Object.keys(created.body.version)).toEqual(Object.keys(example.version))
    expect(created.body.version).toMatchObject({ createdBy: 'local', modifiedBy: 'local', versionNo: '1.0' })
    expect(Date.parse(created.body.version.created)).not.toBeNaN()
    expect(readFileSync(join(hb.dataDir, 'config.json'), 'utf8')).not.toContain('cs7vdsdvj~8')

    // One store: the subscription is a contensis subscription of Hookbench.
    const local = await hb.api<{ items: Array<{ id: string; profile: string }> }>('GET', '/api/subscriptions')
    expect(local.body.items).toEqual([expect.objectContaining({ id: created.body.id, profile: 'contensis' })])
  })

  it('lists and gets; other profiles and unknown ids are 404 with the Error body', async () => {
    const { hb, call } = await withToken()
    const created = (await call('POST', COLLECTION, minimal('http://127.0.0.1:9/hook'))).body
    const other = await hb.api<{ id: string }>('POST', '/api/subscriptions', {
      name: 'iam',
      url: 'http://127.0.0.1:9/',
    })

    expect(plain(await call('GET', COLLECTION))).toEqual({ status: 200, body: [created] })
    expect(plain(await call('GET', `${COLLECTION}/${created.id}`))).toEqual({ status: 200, body: created })
    const hidden = await call('GET', `${COLLECTION}/${other.body.id}`)
    expect(plain(hidden)).toEqual({
      status: 404,
      body: {
        logId: expect.stringMatching(UUID),
        message: expect.stringContaining(other.body.id),
        data: [],
        type: 'Error',
      },
    })
  })

  it('PUT replaces the resource; a secret header sent as {secret: true} keeps its value', async () => {
    const { hb, call } = await withToken()
    const endpoint = await sink()
    const created = (await call('POST', COLLECTION, { ...minimal(`${endpoint.url}/a`), description: 'd' }))
      .body
    // A client PUTs back what it got, with changes; id and version are read-only.
    const replaced = await call('PUT', `${COLLECTION}/${created.id}`, {
      ...created,
      description: undefined,
      name: { 'en-GB': 'renamed' },
      url: `${endpoint.url}/b`,
    })
    expect(replaced.status).toBe(200)
    expect(replaced.body).toMatchObject({
      id: created.id,
      name: { 'en-GB': 'renamed' },
      headers: { secretHeaderSet: { secret: true }, target: { value: 'internal' } },
      version: { created: created.version.created, versionNo: '2.0' },
    })
    expect(replaced.body).not.toHaveProperty('description')

    await hb.api('POST', '/api/events', {
      topic: 'entry.created',
      data: { resource: { sys: { id: 'e1', contentTypeId: 'blog' } } },
    })
    const delivered = await eventually(() => endpoint.requests[0], 'the delivery')
    expect(delivered.url).toBe('/b')
    expect(delivered.headers.secretheaderset).toBe('cs7vdsdvj~8')
    expect(delivered.headers.target).toBe('internal')

    const missing = await call('PUT', `${COLLECTION}/no-such-id`, minimal('http://127.0.0.1:9/'))
    expect(missing.status).toBe(404)
  })

  it('deletes with 204, then the id is 404', async () => {
    const { hb, token, call } = await withToken()
    const created = (await call('POST', COLLECTION, minimal('http://127.0.0.1:9/hook'))).body
    const deleted = await hb.hook(`${COLLECTION}/${created.id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${token}` },
    })
    expect(deleted.status).toBe(204)
    expect((await call('GET', `${COLLECTION}/${created.id}`)).status).toBe(404)
    expect((await call('DELETE', `${COLLECTION}/${created.id}`)).status).toBe(404)
    expect((await hb.api('GET', '/api/subscriptions')).body.items).toEqual([])
  })

  it.each([
    ['no name', { url: 'http://127.0.0.1:9/' }, 'name'],
    ['a url that is not http(s)', { name: 'x', url: 'ftp://example.com/' }, 'url'],
    [
      'a topic filter without resourceType',
      { name: 'x', url: 'http://127.0.0.1:9/', topics: [{ event: ['created'] }] },
      'topics.0.resourceType',
    ],
    [
      'a header name with a space',
      { name: 'x', url: 'http://127.0.0.1:9/', headers: { 'bad name': { value: 'v' } } },
      'headers.bad name',
    ],
    ['an unknown field', { name: 'x', url: 'http://127.0.0.1:9/', colour: 'red' }, 'colour'],
    ['an over-long url', { name: 'x', url: `http://127.0.0.1:9/${'a'.repeat(3000)}` }, 'url'],
    ['an over-long name', { name: { 'en-GB': 'n'.repeat(300) }, url: 'http://127.0.0.1:9/' }, 'name.en-GB'],
    [
      'an over-long header value',
      { name: 'x', url: 'http://127.0.0.1:9/', headers: { target: { value: 'v'.repeat(9000) } } },
      'headers.target.value',
    ],
    [
      'an over-long header name',
      { name: 'x', url: 'http://127.0.0.1:9/', headers: { ['h'.repeat(300)]: { value: 'v' } } },
      `headers.${'h'.repeat(300)}`,
    ],
    [
      'an over-long topic filter value',
      { name: 'x', url: 'http://127.0.0.1:9/', topics: [{ resourceType: 'entry', owner: 'o'.repeat(300) }] },
      'topics.0.owner',
    ],
    [
      'an over-long string in a template',
      { name: 'x', url: 'http://127.0.0.1:9/', templates: { entry: { title: 't'.repeat(9000) } } },
      'templates.entry.title',
    ],
  ])('answers 400 with the Error body for %s', async (_what, payload, field) => {
    const { hb, call } = await withToken()
    const refused = await call('POST', COLLECTION, payload)
    expect(refused.status).toBe(400)
    expect(refused.body).toEqual({
      logId: expect.stringMatching(UUID),
      message: expect.any(String),
      data: expect.arrayContaining([{ field, message: expect.any(String) }]),
      type: 'Error',
    })
    expect((await hb.api('GET', '/api/subscriptions')).body.items).toEqual([])
  })

  it('answers 400 with the Error body for a body that is not JSON', async () => {
    const { call } = await withToken()
    const refused = await call('POST', COLLECTION, '{"name":')
    expect(refused).toMatchObject({
      status: 400,
      body: { message: 'The request body is not valid JSON.', type: 'Error' },
    })
  })
})

describe('Contensis emulator: credentials and content types', () => {
  const payload = minimal('http://attacker.invalid/')

  it('answers 401 with WWW-Authenticate: Bearer and the Error body to a call without a token', async () => {
    const { hb, call } = await withToken()
    const created = (await call('POST', COLLECTION, minimal('http://127.0.0.1:9/hook'))).body
    const anonymous = (method: string, path: string, body?: unknown) =>
      emulatorRequest(hb, method, path, body, { 'content-type': 'application/json' })

    for (const refused of [
      await anonymous('POST', COLLECTION, payload),
      await anonymous('GET', COLLECTION),
      await anonymous('GET', `${COLLECTION}/${created.id}`),
      await anonymous('PUT', `${COLLECTION}/${created.id}`, payload),
      await anonymous('DELETE', `${COLLECTION}/${created.id}`),
    ]) {
      expect(refused.status).toBe(401)
      expect(refused.headers.get('www-authenticate')).toBe('Bearer')
      expect(refused.body).toEqual({
        logId: expect.stringMatching(UUID),
        message: expect.stringContaining('/oauth2/token'),
        data: [],
        type: 'Error',
      })
    }
    // Nothing moved: the one subscription still points where it did.
    expect(await stored(hb)).toEqual([
      expect.objectContaining({ id: created.id, url: 'http://127.0.0.1:9/hook' }),
    ])
  })

  it('answers 401 invalid_token to a token it did not issue, an expired one, or one of a deleted client', async () => {
    const { hb, token, call } = await withToken()
    const expectInvalid = async (bearer: string) => {
      const refused = await call('POST', COLLECTION, payload, { authorization: bearer })
      expect(refused.status, bearer).toBe(401)
      expect(refused.headers.get('www-authenticate')).toMatch(/^Bearer error="invalid_token"/)
      expect(refused.body).toMatchObject({ type: 'Error', data: [] })
    }
    await expectInvalid('Bearer hbo_not-one-of-ours')
    await expectInvalid(`Basic ${Buffer.from('emulator-caller:emulator-secret-7731').toString('base64')}`)

    expect((await hb.api('POST', '/api/oauth-server/expire')).status).toBe(200)
    await expectInvalid(`Bearer ${token}`)

    const fresh = await emulatorToken(hb)
    const [client] = (await hb.api<{ items: Array<{ id: string }> }>('GET', '/api/oauth-clients')).body.items
    await hb.api('DELETE', `/api/oauth-clients/${client?.id}`)
    await expectInvalid(`Bearer ${fresh}`)
    expect(await stored(hb)).toEqual([])
  })

  it('refuses a body that is not application/json with 415, creating or changing nothing', async () => {
    const { hb, token, call } = await withToken()
    const created = (await call('POST', COLLECTION, minimal('http://127.0.0.1:9/hook'))).body
    // What a web page can send without a preflight: text/plain, a form, or no type at all.
    for (const contentType of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
    ]) {
      const post = await call('POST', COLLECTION, payload, { 'content-type': contentType })
      expect(post.status, contentType).toBe(415)
      expect(post.body).toMatchObject({ message: expect.stringContaining('application/json'), type: 'Error' })
      const put = await call('PUT', `${COLLECTION}/${created.id}`, payload, { 'content-type': contentType })
      expect(put.status, contentType).toBe(415)
    }
    const untyped = await hb.hook(COLLECTION, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      // A Blob without a type: fetch sends no content-type at all.
      body: new Blob([JSON.stringify(payload)]),
    })
    expect(untyped.status).toBe(415)
    expect(await stored(hb)).toEqual([
      expect.objectContaining({ id: created.id, url: 'http://127.0.0.1:9/hook' }),
    ])

    // A charset parameter is fine.
    const withCharset = await call('POST', COLLECTION, minimal('http://127.0.0.1:9/other'), {
      'content-type': 'application/json; charset=utf-8',
    })
    expect(withCharset.status).toBe(201)
  })
})

describe('Contensis emulator: unexpected failures', () => {
  const servers: ReceiverServer[] = []
  afterEach(async () => {
    for (const server of servers.splice(0)) await server.stop()
  })

  it('answers 500 with the Error body, without leaking the cause', async () => {
    // An Api whose every operation fails the way a bug or a broken disk would.
    const broken = new Proxy({} as Api, {
      get: () => () => Promise.reject(new Error('disk on fire at /secret/path')),
    })
    const server = createReceiverServer({
      port: 0,
      routes: [
        { prefix: CONTENSIS_PREFIX, route: contensisEmulator({ api: broken, isIssuedToken: () => true }) },
      ],
    })
    servers.push(server)
    const url = await server.start()
    const errors: unknown[] = []
    const original = console.error
    console.error = (...args: unknown[]) => errors.push(args)
    try {
      const response = await fetch(`${url}${COLLECTION}`, { headers: { authorization: 'Bearer any' } })
      expect(response.status).toBe(500)
      const body = await response.json()
      expect(body).toEqual({
        logId: expect.stringMatching(UUID),
        message: 'Internal server error.',
        data: [],
        type: 'Error',
      })
      expect(JSON.stringify(body)).not.toContain('disk on fire')
    } finally {
      console.error = original
    }
    expect(errors).toHaveLength(1)
  })
})
