import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { CONTENSIS_PREFIX, contensisEmulator } from '../../src/main/core/emulators/contensis.ts'
import { createReceiverServer, type ReceiverServer } from '../../src/main/core/receiver/receiver-server.ts'
import type { Api } from '../../src/shared/contract/index.ts'
import { type ReceiverHost, receiverHostsPerTest } from '../helpers/receiver-host.ts'
import { eventually, sinksPerTest } from '../helpers/sink.ts'

const start = receiverHostsPerTest()
const sink = sinksPerTest()

const COLLECTION = '/emulate/contensis/api/management/projects/movies/events/webhooks/subscriptions'
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

/** The seeds live next to the repository (DESIGN §1: `../shared/seeds/`). */
const seed = readFileSync(new URL('../../../shared/seeds/002_9c61a75dc75107ac.txt', import.meta.url), 'utf8')
/** The seed with its `//` comment lines removed, as the issue says to take its examples. */
const seedWithoutComments = seed
  .split('\n')
  .filter((line) => !line.trim().startsWith('//'))
  .join('\n')

/** The first JSON object after `marker` in the seed, exactly as written there. */
function seedJson(marker: string): string {
  const from = seedWithoutComments.indexOf(marker)
  expect(from).toBeGreaterThan(-1)
  const open = seedWithoutComments.indexOf('{', from)
  let depth = 0
  let inString = false
  for (let i = open; i < seedWithoutComments.length; i++) {
    const char = seedWithoutComments[i]
    if (inString) {
      if (char === '\\') i++
      else if (char === '"') inString = false
    } else if (char === '"') inString = true
    else if (char === '{') depth++
    else if (char === '}' && --depth === 0) return seedWithoutComments.slice(open, i + 1)
  }
  throw new Error(`no complete JSON object after ${marker}`)
}

interface Answer {
  status: number
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
  return { status: response.status, body: text ? JSON.parse(text) : null }
}

const minimal = (url: string) => ({
  name: { 'en-GB': 'minimal' },
  url,
  topics: [{ resourceType: 'entry', event: ['created'] }],
  headers: { secretHeaderSet: { secret: true, value: 'cs7vdsdvj~8' }, target: { value: 'internal' } },
})

describe('Contensis emulator: webhook subscriptions (seed 002)', () => {
  it("accepts the seed's example payload exactly as written: 201 in the shape of its example response", async () => {
    const hb = await start()
    const payload = seedJson('POST: /api/management/projects/movies/')
    const example = JSON.parse(seedJson('Example response'))
    const created = await call(hb, 'POST', `${COLLECTION}/`, payload)
    expect(created.status).toBe(201)

    expect(Object.keys(created.body).sort()).toEqual(Object.keys(example).sort())
    expect(created.body.id).toMatch(UUID)
    for (const field of ['name', 'description', 'url', 'enabled', 'topics', 'templates']) {
      expect(created.body[field]).toEqual(example[field])
    }
    // Secret header values are write-only; a header without a value is not returned (seed NOTE).
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
    const hb = await start()
    const created = (await call(hb, 'POST', COLLECTION, minimal('http://127.0.0.1:9/hook'))).body
    const other = await hb.api<{ id: string }>('POST', '/api/subscriptions', {
      name: 'iam',
      url: 'http://127.0.0.1:9/',
    })

    expect(await call(hb, 'GET', COLLECTION)).toEqual({ status: 200, body: [created] })
    expect(await call(hb, 'GET', `${COLLECTION}/${created.id}`)).toEqual({ status: 200, body: created })
    const hidden = await call(hb, 'GET', `${COLLECTION}/${other.body.id}`)
    expect(hidden).toEqual({
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
    const hb = await start()
    const endpoint = await sink()
    const created = (
      await call(hb, 'POST', COLLECTION, { ...minimal(`${endpoint.url}/a`), description: 'd' })
    ).body
    // A client PUTs back what it got, with changes; id and version are read-only.
    const replaced = await call(hb, 'PUT', `${COLLECTION}/${created.id}`, {
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

    const missing = await call(hb, 'PUT', `${COLLECTION}/no-such-id`, minimal('http://127.0.0.1:9/'))
    expect(missing.status).toBe(404)
  })

  it('deletes with 204, then the id is 404', async () => {
    const hb = await start()
    const created = (await call(hb, 'POST', COLLECTION, minimal('http://127.0.0.1:9/hook'))).body
    const deleted = await hb.hook(`${COLLECTION}/${created.id}`, { method: 'DELETE' })
    expect(deleted.status).toBe(204)
    expect((await call(hb, 'GET', `${COLLECTION}/${created.id}`)).status).toBe(404)
    expect((await call(hb, 'DELETE', `${COLLECTION}/${created.id}`)).status).toBe(404)
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
  ])('answers 400 with the Error body for %s', async (_what, payload, field) => {
    const hb = await start()
    const refused = await call(hb, 'POST', COLLECTION, payload)
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
    const hb = await start()
    const refused = await call(hb, 'POST', COLLECTION, '{"name":')
    expect(refused).toMatchObject({
      status: 400,
      body: { message: 'The request body is not valid JSON.', type: 'Error' },
    })
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
      routes: [{ prefix: CONTENSIS_PREFIX, route: contensisEmulator({ api: broken }) }],
    })
    servers.push(server)
    const url = await server.start()
    const errors: unknown[] = []
    const original = console.error
    console.error = (...args: unknown[]) => errors.push(args)
    try {
      const response = await fetch(`${url}${COLLECTION}`)
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
