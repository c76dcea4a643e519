import { describe, expect, it } from 'vitest'
import { appSinksPerTest } from '../helpers/app-sink.ts'
import { receiverHostsPerTest } from '../helpers/receiver-host.ts'

const start = receiverHostsPerTest()
const sink = appSinksPerTest()

interface Summary {
  id: string
  bin_name: string
  method: string
  sub_path: string
  replays: number
}
interface Page {
  items: Summary[]
  next_cursor: string | null
}

async function send(
  setup: Awaited<ReturnType<typeof start>>,
  path: string,
  init: RequestInit = {},
): Promise<string> {
  const response = await setup.hook(path, init)
  await response.arrayBuffer()
  return response.headers.get('x-hookbench-request-id') as string
}

describe('listing captured requests', () => {
  it('filters by bin, method, path prefix, text and time, newest first', async () => {
    const setup = await start()
    await send(setup, '/hooks/alpha/orders/1', { method: 'POST', body: '{"customer":"ada"}' })
    await send(setup, '/hooks/alpha/orders/2', { method: 'PUT', body: '{"customer":"bob"}' })
    await send(setup, '/hooks/alpha/refunds', {
      method: 'POST',
      body: 'x',
      headers: { 'x-tenant': 'acme-corp' },
    })
    await send(setup, '/hooks/beta/orders', { method: 'POST', body: '{"customer":"ada"}' })
    const list = async (query: string) =>
      (await setup.api<Page>('GET', `/api/requests${query}`)).body.items.map(
        (item) => `${item.bin_name}${item.sub_path}`,
      )

    expect(await list('')).toEqual(['beta/orders', 'alpha/refunds', 'alpha/orders/2', 'alpha/orders/1'])
    expect(await list('?bin=alpha')).toEqual(['alpha/refunds', 'alpha/orders/2', 'alpha/orders/1'])
    expect(await list('?bin=alpha&method=post')).toEqual(['alpha/refunds', 'alpha/orders/1'])
    expect(await list('?path=/orders')).toEqual(['beta/orders', 'alpha/orders/2', 'alpha/orders/1'])
    expect(await list('?path=/hooks/alpha/orders/')).toEqual(['alpha/orders/2', 'alpha/orders/1'])
    expect(await list('?q=ADA')).toEqual(['beta/orders', 'alpha/orders/1'])
    expect(await list('?q=acme-corp')).toEqual(['alpha/refunds'])
    expect(await list('?q=x-tenant')).toEqual(['alpha/refunds'])
    expect((await setup.api('GET', '/api/requests?bin=nobody')).status).toBe(404)

    const future = new Date(Date.now() + 60_000).toISOString()
    expect(await list(`?since=${future}`)).toEqual([])
    expect(await list(`?until=${encodeURIComponent(future)}`)).toHaveLength(4)
    expect((await setup.api('GET', '/api/requests?since=yesterday')).status).toBe(400)
  })

  it('pages newest first with a cursor, without gaps or repeats while new captures arrive', async () => {
    const setup = await start()
    const ids: string[] = []
    for (let i = 0; i < 7; i++)
      ids.push(await send(setup, `/hooks/paging/${i}`, { method: 'POST', body: `${i}` }))
    const first = (await setup.api<Page>('GET', '/api/requests?limit=3')).body
    expect(first.items.map((item) => item.id)).toEqual(ids.slice(4).reverse())
    expect(first.next_cursor).not.toBeNull()
    // Arrivals after the first page do not shift the following pages.
    await send(setup, '/hooks/paging/late', { method: 'POST', body: 'late' })
    const second = (await setup.api<Page>('GET', `/api/requests?limit=3&cursor=${first.next_cursor}`)).body
    expect(second.items.map((item) => item.id)).toEqual(ids.slice(1, 4).reverse())
    const third = (await setup.api<Page>('GET', `/api/requests?limit=3&cursor=${second.next_cursor}`)).body
    expect(third.items.map((item) => item.id)).toEqual([ids[0]])
    expect(third.next_cursor).toBeNull()
    expect((await setup.api('GET', '/api/requests?cursor=garbage')).status).toBe(400)
  })

  it('deletes the captures of one bin, then all; a deleted capture is 404', async () => {
    const setup = await start()
    const a = await send(setup, '/hooks/one/', { method: 'POST', body: 'a' })
    await send(setup, '/hooks/one/', { method: 'POST', body: 'b' })
    await send(setup, '/hooks/two/', { method: 'POST', body: 'c' })

    const cleared = await setup.api('DELETE', '/api/requests?bin=one')
    expect(cleared).toMatchObject({ status: 200, body: { deleted: 2 } })
    expect((await setup.api('GET', `/api/requests/${a}`)).status).toBe(404)
    expect((await setup.api<Page>('GET', '/api/requests')).body.items.map((item) => item.bin_name)).toEqual([
      'two',
    ])
    expect((await setup.api('DELETE', '/api/requests?bin=unknown')).status).toBe(404)
    expect((await setup.api('GET', '/api/requests?bin=unknown')).status).toBe(404)
    expect((await setup.api('GET', '/api/requests/har?bin=unknown')).status).toBe(404)
    expect((await setup.api('DELETE', '/api/requests')).body).toEqual({ deleted: 1 })
    expect((await setup.api<Page>('GET', '/api/requests')).body.items).toEqual([])
  })

  it('lists captures that arrived in the log another way (a workspace import)', async () => {
    const source = await start()
    await send(source, '/hooks/moved/a', { method: 'POST', body: 'one' })
    await send(source, '/hooks/moved/b', { method: 'POST', body: 'two' })
    const exported = await source.api('GET', '/api/export?include_history=true&include_secrets=true')

    const target = await start()
    const mine = await send(target, '/hooks/local/', { method: 'POST', body: 'mine' })
    const imported = await target.api('POST', '/api/import?mode=merge', exported.body)
    expect(imported.status).toBe(200)
    const page = await target.api<Page>('GET', '/api/requests')
    expect(page.body.items.map((item) => `${item.bin_name}${item.sub_path}`)).toEqual([
      'local/',
      'moved/b',
      'moved/a',
    ])
    expect(page.body.items[0]?.id).toBe(mine)
    expect((await target.api<Page>('GET', '/api/requests?bin=moved')).body.items).toHaveLength(2)
  })

  it('deleting a bin deletes its captures', async () => {
    const setup = await start()
    const id = await send(setup, '/hooks/temp/', { method: 'POST', body: 'x' })
    await setup.api('DELETE', '/api/bins/temp')
    expect((await setup.api('GET', `/api/requests/${id}`)).status).toBe(404)
  })
})

describe('replay, curl and HAR', () => {
  it('replays a capture to a local app, optionally edited, and records the result', async () => {
    const setup = await start()
    const app = await sink((req, res) => {
      res.writeHead(201, { 'content-type': 'application/json', 'x-app': 'yes' })
      res.end(JSON.stringify({ got: req.body.toString() }))
    })
    const id = await send(setup, '/hooks/src/x?a=1', {
      method: 'POST',
      body: '{"n":1}',
      headers: { 'content-type': 'application/json', 'x-signature': 'abc' },
    })

    const replayed = await setup.api<Record<string, unknown>>('POST', `/api/requests/${id}/replay`, {
      url: `${app.url}/webhooks`,
    })
    expect(replayed.status).toBe(200)
    expect(replayed.body).toMatchObject({
      url: `${app.url}/webhooks`,
      method: 'POST',
      status: 201,
      body: '{"got":"{\\"n\\":1}"}',
      body_encoding: 'utf8',
      body_truncated: false,
      error: null,
    })
    expect(replayed.body.headers).toContainEqual(['x-app', 'yes'])
    expect(app.received[0]).toMatchObject({ method: 'POST', url: '/webhooks' })
    expect(app.received[0]?.headers).toContainEqual(['x-signature', 'abc'])
    expect(app.received[0]?.body.toString()).toBe('{"n":1}')

    const edited = await setup.api('POST', `/api/requests/${id}/replay`, {
      url: `${app.url}/other`,
      method: 'PUT',
      headers: [['x-edited', '1']],
      body: '{"n":2}',
    })
    expect(edited.body).toMatchObject({ status: 201, method: 'PUT' })
    expect(app.received[1]).toMatchObject({ method: 'PUT', url: '/other' })
    expect(app.received[1]?.headers).toContainEqual(['x-edited', '1'])
    expect(app.received[1]?.headers.map(([name]) => name)).not.toContain('x-signature')
    expect(app.received[1]?.body.toString()).toBe('{"n":2}')

    const stored = await setup.api<{ replays: Array<{ status: number }> }>('GET', `/api/requests/${id}`)
    expect(stored.body.replays.map((replay) => replay.status)).toEqual([201, 201])
    const summary = (await setup.api<Page>('GET', '/api/requests')).body.items[0]
    expect(summary?.replays).toBe(2)
  })

  it('records a replay to an app that is down as an error, not a failure of the API', async () => {
    const setup = await start()
    const down = await sink()
    await down.close()
    const id = await send(setup, '/hooks/src/', { method: 'POST', body: 'x' })
    const replayed = await setup.api('POST', `/api/requests/${id}/replay`, { url: down.url })
    expect(replayed.status).toBe(200)
    expect(replayed.body).toMatchObject({
      status: null,
      error: expect.stringContaining('connection refused'),
    })
    expect((await setup.api('POST', '/api/requests/nope/replay', { url: down.url })).status).toBe(404)
    expect(
      (await setup.api('POST', `/api/requests/${id}/replay`, { url: 'file:///etc/passwd' })).status,
    ).toBe(400)
  })

  it('exports a capture as a curl command that sends the same request', async () => {
    const setup = await start()
    const id = await send(setup, '/hooks/curl/path?q=1', {
      method: 'POST',
      body: `it's {"a":1}`,
      headers: { 'content-type': 'application/json', 'x-one': 'a' },
    })
    const { body } = await setup.api<{ curl: string }>('GET', `/api/requests/${id}/curl`)
    expect(body.curl).toContain(`curl -X POST '${setup.host.receiverUrl}/hooks/curl/path?q=1'`)
    expect(body.curl).toContain(`-H 'x-one: a'`)
    expect(body.curl).toContain(`--data-binary 'it'\\''s {"a":1}'`)
    expect(body.curl).not.toMatch(/-H 'host:/i)

    const binary = await send(setup, '/hooks/curl/bin', { method: 'POST', body: Buffer.from([0, 1, 2, 255]) })
    const { body: binaryCurl } = await setup.api<{ curl: string }>(
      'GET',
      `/api/requests/${binary}/curl?url=${encodeURIComponent('http://localhost:3000/x')}`,
    )
    expect(binaryCurl.curl).toMatch(
      /^printf %s 'AAEC\/w==' \| base64 -d \| curl -X POST 'http:\/\/localhost:3000\/x' /,
    )
    expect(binaryCurl.curl).toMatch(/--data-binary @-$/)
  })

  it('exports a bin as HAR 1.2 and imports a HAR file into another bin', async () => {
    const setup = await start()
    await send(setup, '/hooks/har/a?x=1', {
      method: 'POST',
      body: '{"a":1}',
      headers: { 'content-type': 'application/json' },
    })
    await send(setup, '/hooks/har/b', { method: 'POST', body: Buffer.from([0, 255]) })
    await send(setup, '/hooks/elsewhere/', { method: 'POST', body: 'not exported' })

    const { status, body: har } = await setup.api<{
      log: { version: string; entries: Array<{ request: Record<string, unknown> }> }
    }>('GET', '/api/requests/har?bin=har')
    expect(status).toBe(200)
    expect(har.log.version).toBe('1.2')
    expect(har.log.entries).toHaveLength(2)
    expect(har.log.entries[0]?.request).toMatchObject({
      method: 'POST',
      url: `${setup.host.receiverUrl}/hooks/har/a?x=1`,
      httpVersion: 'HTTP/1.1',
      queryString: [{ name: 'x', value: '1' }],
      postData: { mimeType: 'application/json', text: '{"a":1}' },
    })
    expect(har.log.entries[1]?.request.postData).toMatchObject({ text: 'AP8=', _encoding: 'base64' })

    const imported = await setup.api(`POST`, '/api/requests/har?bin=offline', har)
    expect(imported).toMatchObject({ status: 201, body: { imported: 2 } })
    const page = await setup.api<Page>('GET', '/api/requests?bin=offline')
    expect(page.body.items.map((item) => item.sub_path)).toEqual(['/hooks/har/b', '/hooks/har/a'])
    const first = await setup.api<{ body: string; source: string; headers: unknown[] }>(
      'GET',
      `/api/requests/${page.body.items[1]?.id}`,
    )
    expect(first.body).toMatchObject({ body: '{"a":1}', source: 'har' })
    const binary = await setup.api<{ body: string; body_encoding: string }>(
      'GET',
      `/api/requests/${page.body.items[0]?.id}`,
    )
    expect(binary.body).toMatchObject({ body: 'AP8=', body_encoding: 'base64' })

    const invalid = await setup.api('POST', '/api/requests/har?bin=offline', {
      log: { entries: [{ request: {} }] },
    })
    expect(invalid.status).toBe(400)
  })
})
