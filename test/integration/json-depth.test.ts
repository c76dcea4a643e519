import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { MAX_JSON_DEPTH } from '../../src/shared/json-depth.ts'
import { emulatorToken } from '../helpers/emulator-token.ts'
import { type ReceiverHost, receiverHostsPerTest } from '../helpers/receiver-host.ts'

const start = receiverHostsPerTest()

const CONTENSIS = '/emulate/contensis/api/management/projects/movies/events/webhooks/subscriptions'

/** `{"a":{"a":…1…}}` with `depth` objects, as text: built without recursion, like a hostile sender. */
function nestedText(depth: number): string {
  return `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`
}

/** The same as a value (JSON.parse does not recurse, so this works at any depth). */
function nested(depth: number): unknown {
  return JSON.parse(nestedText(depth))
}

/** A raw JSON POST to the local API (the body as text, so it can be any depth). */
async function postApi(hb: ReceiverHost, path: string, body: string) {
  const response = await fetch(`${hb.host.apiUrl}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${hb.host.token}`, 'content-type': 'application/json' },
    body,
  })
  // biome-ignore lint/suspicious/noExplicitAny: assertions read arbitrary JSON.
  return { status: response.status, body: (await response.json()) as any }
}

/** Lines in the `events` record log on disk (headers excluded), not through the store. */
function eventLinesOnDisk(dataDir: string): number {
  const dir = join(dataDir, 'records', 'events')
  if (!existsSync(dir)) return 0
  return readdirSync(dir)
    .filter((name) => name.endsWith('.jsonl'))
    .flatMap((name) => readFileSync(join(dir, name), 'utf8').split('\n').slice(1))
    .filter((line) => line !== '').length
}

const LIMIT_MESSAGE = `more than ${MAX_JSON_DEPTH} levels deep`

describe('JSON nesting limits', () => {
  it('refuses a bin whose response body nests 2,000 deep with 400, and the configuration stays writable after a restart', async () => {
    const hb = await start()
    const deep = await postApi(hb, '/api/bins', `{"name":"deep","response":{"body":${nestedText(2000)}}}`)
    expect(deep.status).toBe(400)
    expect(deep.body.error.code).toBe('bad_request')
    expect(deep.body.error.message).toContain(LIMIT_MESSAGE)
    expect(deep.body.error.details.issues).toEqual([{ path: 'response', message: deep.body.error.message }])
    const config = readFileSync(join(hb.dataDir, 'config.json'), 'utf8')
    expect(config).not.toContain('"deep"')

    expect((await hb.api('POST', '/api/bins', { name: 'after' })).status).toBe(201)
    await hb.host.stop()
    const again = await start(hb.dataDir)
    expect((await again.api('POST', '/api/bins', { name: 'after-restart' })).status).toBe(201)
  })

  it('refuses an event whose data nests 3,000 deep before anything is appended; 64 levels in all still pass', async () => {
    const hb = await start()
    const deep = await postApi(hb, '/api/events', `{"topic":"user.created","data":${nestedText(3000)}}`)
    expect(deep.status).toBe(400)
    expect(deep.body.error.message).toContain(LIMIT_MESSAGE)
    expect(deep.body.error.details.issues[0].path).toBe('data')
    expect(eventLinesOnDisk(hb.dataDir)).toBe(0)

    // The body's own object is one level: data may nest 63 more.
    const atLimit = await postApi(
      hb,
      '/api/events',
      `{"topic":"user.created","data":${nestedText(MAX_JSON_DEPTH - 1)}}`,
    )
    expect(atLimit.status).toBe(202)
    const overLimit = await postApi(
      hb,
      '/api/events',
      `{"topic":"user.created","data":${nestedText(MAX_JSON_DEPTH)}}`,
    )
    expect(overLimit.status).toBe(400)
    expect(eventLinesOnDisk(hb.dataDir)).toBe(1)
  })

  it('the Contensis emulator answers deep templates with 400 in its Error shape, five times over, and nothing is stored', async () => {
    const hb = await start()
    const token = await emulatorToken(hb)
    for (const depth of [500, 1000, 1500, 2000, 2000]) {
      const response = await hb.hook(CONTENSIS, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: `{"name":"deep ${depth}","url":"http://127.0.0.1:9/x","templates":{"t":${nestedText(depth)}}}`,
      })
      const body = (await response.json()) as { message: string; data: unknown; type: string }
      expect(response.status).toBe(400)
      expect(body.type).toBe('Error')
      expect(body.message).toContain(LIMIT_MESSAGE)
      expect(body.data).toEqual([{ field: 'templates', message: body.message }])
    }
    expect((await hb.api<{ items: unknown[] }>('GET', '/api/subscriptions')).body.items).toEqual([])
    expect((await hb.api('POST', '/api/bins', { name: 'after' })).status).toBe(201)
    await hb.host.stop()
    const again = await start(hb.dataDir)
    expect((await again.api('POST', '/api/bins', { name: 'after-restart' })).status).toBe(201)
  })

  it('a workspace exported with a template at the limit imports again; a deeper import is refused', async () => {
    const hb = await start()
    // {"templates":{"t": …}}: the body and `templates` are two of the 64 levels.
    const created = await hb.api('POST', '/api/subscriptions', {
      name: 'deep but allowed',
      url: 'http://127.0.0.1:9/x',
      templates: { t: nested(MAX_JSON_DEPTH - 2) },
    })
    expect(created.status).toBe(201)
    const exported = await hb.api('GET', '/api/export')
    expect(exported.status).toBe(200)

    const target = await start()
    const imported = await target.api('POST', '/api/import', exported.body)
    expect(imported.status).toBe(200)
    expect((await target.api<{ items: unknown[] }>('GET', '/api/subscriptions')).body.items).toHaveLength(1)

    const tooDeep = await postApi(
      target,
      '/api/import',
      JSON.stringify({ ...exported.body, config: { bins: [] } }).replace(
        '"bins":[]',
        `"bins":[${nestedText(2000)}]`,
      ),
    )
    expect(tooDeep.status).toBe(400)
    expect(tooDeep.body.error.details.issues[0].path).toBe('config')
  })
})
