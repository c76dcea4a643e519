import { connect } from 'node:net'
import { describe, expect, it } from 'vitest'
import { receiverHostsPerTest, requestLinesOnDisk } from '../helpers/receiver-host.ts'

const start = receiverHostsPerTest()

type Capture = Record<string, unknown> & { id: string; headers: Array<[string, string]>; body: string }

/** Sends bytes as they are (exact header order, case and duplicates) and reads the reply. */
function sendRaw(url: string, bytes: string | Buffer): Promise<string> {
  const { hostname, port } = new URL(url)
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(bytes))
    let data = ''
    socket.setEncoding('utf8').on('data', (chunk: string) => {
      data += chunk
      // One complete response is enough: close instead of waiting for keep-alive to time out.
      const [head, body = ''] = data.split('\r\n\r\n')
      const length = /content-length: (\d+)/i.exec(head ?? '')?.[1]
      if (length !== undefined && Buffer.byteLength(body) >= Number(length)) socket.end()
    })
    socket.on('close', () => resolve(data))
    socket.on('error', reject)
  })
}

describe('capturing a request', () => {
  it('answers only once the capture is in the log file on disk', async () => {
    const { hook, dataDir } = await start()
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        hook(`/hooks/demo/orders?n=${i}`, { method: 'POST', body: JSON.stringify({ n: i }) }).then(
          (response) => {
            // Read synchronously the moment this response arrives: its capture must already be there.
            const onDisk = requestLinesOnDisk(dataDir).map((line) => line.id)
            return { response, onDisk }
          },
        ),
      ),
    )
    for (const { response, onDisk } of responses) {
      expect(response.status).toBe(200)
      expect(await response.json()).toEqual({ ok: true })
      const id = response.headers.get('x-hookbench-request-id')
      expect(id).toMatch(/^[0-9a-f-]{36}$/)
      expect(onDisk).toContain(id)
    }
  })

  it('keeps method, path, query, headers in order with duplicates, address, time and size', async () => {
    const { host, api } = await start()
    const body = '{"hello":"wörld"}'
    const raw =
      `PUT /hooks/demo/a/b?x=1&y=2&x=3 HTTP/1.1\r\nHost: example.test\r\nX-Second: 2\r\nX-First: 1\r\n` +
      `x-second: again\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
      `Connection: close\r\n\r\n${body}`
    const before = Date.now()
    const reply = await sendRaw(host.receiverUrl, raw)
    expect(reply).toMatch(/^HTTP\/1\.1 200/)
    const id = /x-hookbench-request-id: (\S+)/i.exec(reply)?.[1]
    const { body: capture } = await api<Capture>('GET', `/api/requests/${id}`)
    expect(capture).toMatchObject({
      id,
      bin_name: 'demo',
      method: 'PUT',
      url: '/hooks/demo/a/b?x=1&y=2&x=3',
      path: '/hooks/demo/a/b',
      sub_path: '/a/b',
      query: [
        ['x', '1'],
        ['y', '2'],
        ['x', '3'],
      ],
      http_version: '1.1',
      body,
      body_encoding: 'utf8',
      size: Buffer.byteLength(body),
      content_type: 'application/json',
      remote_address: '127.0.0.1',
      response: { status: 200, delay_ms: 0 },
      verification: { verdict: 'not_configured', checks: [] },
    })
    expect(capture.headers).toEqual([
      ['Host', 'example.test'],
      ['X-Second', '2'],
      ['X-First', '1'],
      ['x-second', 'again'],
      ['Content-Type', 'application/json'],
      ['Content-Length', String(Buffer.byteLength(body))],
      ['Connection', 'close'],
    ])
    const receivedAt = Date.parse(capture.received_at as string)
    expect(receivedAt).toBeGreaterThanOrEqual(before - 5)
    expect(receivedAt).toBeLessThanOrEqual(Date.now())
  })

  it('keeps a binary body byte for byte (as base64) and a text body as text', async () => {
    const { hook, api } = await start()
    const bytes = Buffer.from(Array.from({ length: 256 }, (_, i) => i))
    const binary = await hook('/hooks/files/upload', { method: 'POST', body: bytes })
    const text = await hook('/hooks/files/note', { method: 'POST', body: 'plain text ✓' })

    const stored = await api<Capture>('GET', `/api/requests/${binary.headers.get('x-hookbench-request-id')}`)
    expect(stored.body).toMatchObject({ body_encoding: 'base64', size: 256 })
    expect(Buffer.from(stored.body.body, 'base64').equals(bytes)).toBe(true)
    const note = await api<Capture>('GET', `/api/requests/${text.headers.get('x-hookbench-request-id')}`)
    expect(note.body).toMatchObject({ body: 'plain text ✓', body_encoding: 'utf8' })
  })

  it('refuses a body over 10 MB with a JSON 413, stores nothing, and keeps serving', async () => {
    const { hook, api } = await start()
    const response = await hook('/hooks/big/x', {
      method: 'POST',
      body: Buffer.alloc(10 * 1024 * 1024 + 1, 97),
    })
    expect(response.status).toBe(413)
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('payload_too_large')
    expect((await api<{ items: unknown[] }>('GET', '/api/requests')).body.items).toEqual([])

    const exactly = await hook('/hooks/big/x', { method: 'POST', body: Buffer.alloc(10 * 1024 * 1024, 97) })
    expect(exactly.status).toBe(200)
  })

  it('captures nothing from a sender that hangs up halfway through its body, and keeps serving', async () => {
    const { hook, api, host } = await start()
    const { hostname, port } = new URL(host.receiverUrl)
    await new Promise<void>((resolve, reject) => {
      const socket = connect(Number(port), hostname, () => {
        socket.write('POST /hooks/cut/x HTTP/1.1\r\nhost: x\r\ncontent-length: 1000\r\n\r\n{"half":')
        setTimeout(() => socket.destroy(), 50)
      })
      socket.on('close', () => resolve())
      socket.on('error', reject)
    })
    const whole = await hook('/hooks/cut/x', { method: 'POST', body: '{"whole":true}' })
    expect(whole.status).toBe(200)
    const items = (await api<{ items: Array<{ id: string }> }>('GET', '/api/requests')).body.items
    expect(items.map((item) => item.id)).toEqual([whole.headers.get('x-hookbench-request-id')])
  })

  it('creates an unknown bin on first use, unless that is turned off', async () => {
    const { hook, api } = await start()
    expect((await hook('/hooks/fresh', { method: 'POST', body: 'x' })).status).toBe(200)
    const bins = await api<{ items: Array<{ name: string; auto_created: boolean; url: string }> }>(
      'GET',
      '/api/bins',
    )
    expect(bins.body.items).toMatchObject([{ name: 'fresh', auto_created: true }])
    expect(bins.body.items[0]?.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/hooks\/fresh\/$/)

    await api('PATCH', '/api/settings', { auto_create_bins: false })
    const refused = await hook('/hooks/other/x', { method: 'POST', body: 'x' })
    expect(refused.status).toBe(404)
    expect(((await refused.json()) as { error: { message: string } }).error.message).toContain(
      'No bin "other"',
    )
    expect((await api<{ items: unknown[] }>('GET', '/api/bins')).body.items).toHaveLength(1)
    // A bin that exists still captures.
    expect((await hook('/hooks/fresh/again', { method: 'POST', body: 'x' })).status).toBe(200)
  })

  it('answers 404 for /hooks/ without a bin name, or a name that is not a valid one', async () => {
    const { hook } = await start()
    expect((await hook('/hooks/', { method: 'POST', body: 'x' })).status).toBe(404)
    expect((await hook('/hooks/%E0%A4%A/x')).status).toBe(404)
    expect((await hook('/hooks/-dash-first/x')).status).toBe(404)
  })
})

describe('response rules', () => {
  it('plays a sequence request by request, then repeats its last step; saving the bin starts over', async () => {
    const { hook, api } = await start()
    const created = await api<{ id: string }>('POST', '/api/bins', {
      name: 'flaky',
      response: { sequence: [{ status: 500 }, { status: 500, body: 'still down' }, { status: 200 }] },
    })
    expect(created.status).toBe(201)
    const statuses: number[] = []
    for (let i = 0; i < 5; i++) {
      const response = await hook('/hooks/flaky/', { method: 'POST', body: `{"try":${i}}` })
      statuses.push(response.status)
      if (i === 1) expect(await response.text()).toBe('still down')
      else await response.arrayBuffer()
    }
    expect(statuses).toEqual([500, 500, 200, 200, 200])

    const { body: bin } = await api<Record<string, unknown>>('GET', `/api/bins/${created.body.id}`)
    expect((await api('PUT', `/api/bins/${created.body.id}`, bin)).status).toBe(200)
    const again = await hook('/hooks/flaky/', { method: 'POST', body: '{}' })
    expect(again.status).toBe(500)
    // Each capture records what it was answered.
    const list = await api<{ items: Array<{ response_status: number }> }>('GET', '/api/requests?bin=flaky')
    expect(list.body.items.map((item) => item.response_status)).toEqual([500, 200, 200, 200, 500, 500])
  })

  it('answers 429 with Retry-After, headers and a JSON body, after the scripted delay', async () => {
    const { hook, api } = await start()
    await api('POST', '/api/bins', {
      name: 'busy',
      response: {
        status: 429,
        headers: { 'Retry-After': '120' },
        body: { error: 'slow down' },
        delay_ms: 200,
      },
    })
    const started = performance.now()
    const response = await hook('/hooks/busy/', { method: 'POST', body: '{}' })
    expect(performance.now() - started).toBeGreaterThanOrEqual(190)
    expect(response.status).toBe(429)
    expect(response.headers.get('retry-after')).toBe('120')
    expect(response.headers.get('content-type')).toBe('application/json')
    expect(await response.json()).toEqual({ error: 'slow down' })
  })

  it('answers 410 and 401 just as scripted, and HEAD without a body', async () => {
    const { hook, api } = await start()
    await api('POST', '/api/bins', { name: 'gone', response: { status: 410, body: 'gone' } })
    await api('POST', '/api/bins', {
      name: 'locked',
      response: { status: 401, headers: { 'www-authenticate': 'Basic' } },
    })
    const gone = await hook('/hooks/gone/')
    expect(gone.status).toBe(410)
    expect(await gone.text()).toBe('gone')
    const locked = await hook('/hooks/locked/', { method: 'POST', body: 'x' })
    expect(locked.status).toBe(401)
    expect(locked.headers.get('www-authenticate')).toBe('Basic')
    const head = await hook('/hooks/gone/', { method: 'HEAD' })
    expect(head.status).toBe(410)
    expect(await head.text()).toBe('')
  })
})
