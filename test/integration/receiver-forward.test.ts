import { afterEach, describe, expect, it } from 'vitest'
import { type Host, startHost } from '../../src/server/host.ts'
import { appSinksPerTest } from '../helpers/app-sink.ts'
import { receiverHostsPerTest } from '../helpers/receiver-host.ts'
import { tempDirsPerTest } from '../helpers/temp-dir.ts'

const start = receiverHostsPerTest()
const sink = appSinksPerTest()
const tempDir = tempDirsPerTest()
const hosts: Host[] = []
afterEach(async () => {
  for (const host of hosts.splice(0)) await host.stop()
})

interface Forward {
  url: string
  state: string
  attempts: number
  last: { status: number | null; error: string | null } | null
}

async function forwardOf(apiUrl: string, token: string, id: string): Promise<Forward> {
  const response = await fetch(`${apiUrl}/api/requests/${id}`, {
    headers: { authorization: `Bearer ${token}` },
  })
  return ((await response.json()) as { forward: Forward }).forward
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await read()
    if (done(value)) return value
    if (Date.now() > deadline) throw new Error(`timed out; last value ${JSON.stringify(value)}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

/** A port nothing listens on right now (a sink that was opened and closed again). */
async function freePort(): Promise<number> {
  const probe = await sink()
  await probe.close()
  return probe.port
}

describe('forwarding a bin to your app', () => {
  it('sends each capture on as it came and records the answer with the capture', async () => {
    const { api, hook, host } = await start()
    const app = await sink((_req, res) => res.writeHead(204).end())
    await api('POST', '/api/bins', { name: 'fwd', forward_to: `${app.url}/webhooks/stripe` })
    const sent = await hook('/hooks/fwd/ignored?x=1', {
      method: 'POST',
      body: '{"id":"evt_1"}',
      headers: { 'content-type': 'application/json', 'stripe-signature': 't=1,v1=abc' },
    })
    expect(sent.status).toBe(200)
    const id = sent.headers.get('x-hookbench-request-id') as string

    const [received] = await app.waitFor(1)
    expect(received).toMatchObject({ method: 'POST', url: '/webhooks/stripe' })
    expect(received?.body.toString()).toBe('{"id":"evt_1"}')
    expect(received?.headers).toContainEqual(['stripe-signature', 't=1,v1=abc'])
    expect(received?.headers).toContainEqual(['x-hookbench-request-id', id])

    const forward = await until(
      () => forwardOf(host.apiUrl as string, host.token, id),
      (value) => value.state !== 'pending',
    )
    expect(forward).toMatchObject({ state: 'delivered', attempts: 1, last: { status: 204, error: null } })
  })

  it('keeps retrying while the app is down and delivers everything once it is back', async () => {
    const { api, hook, host } = await start()
    const port = await freePort()
    await api('POST', '/api/bins', { name: 'restarting', forward_to: `http://127.0.0.1:${port}/hook` })
    const ids: string[] = []
    for (const n of [1, 2]) {
      const sent = await hook('/hooks/restarting/', { method: 'POST', body: `{"n":${n}}` })
      expect(sent.status).toBe(200)
      ids.push(sent.headers.get('x-hookbench-request-id') as string)
    }
    const failing = await until(
      () => forwardOf(host.apiUrl as string, host.token, ids[0] as string),
      (value) => value.attempts >= 1,
    )
    expect(failing).toMatchObject({ state: 'pending', last: { status: null } })
    expect(failing.last?.error).toContain('connection refused')

    const app = await sink(undefined, port)
    const received = await app.waitFor(2)
    expect(received.map((request) => request.body.toString()).sort()).toEqual(['{"n":1}', '{"n":2}'])
    for (const id of ids) {
      const forward = await until(
        () => forwardOf(host.apiUrl as string, host.token, id),
        (value) => value.state === 'delivered',
      )
      expect(forward.last?.status).toBe(200)
    }
  })

  it('resumes forwards still pending when Hookbench stopped', async () => {
    const dataDir = tempDir()
    const port = await freePort()
    const first = await startHost({ mode: 'headless', version: 'test', dataDir, receiverPort: 0, apiPort: 0 })
    hosts.push(first)
    const headers = { authorization: `Bearer ${first.token}`, 'content-type': 'application/json' }
    await fetch(`${first.apiUrl}/api/bins`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ name: 'later', forward_to: `http://127.0.0.1:${port}/` }),
    })
    const sent = await fetch(`${first.receiverUrl}/hooks/later/`, { method: 'POST', body: 'kept' })
    const id = sent.headers.get('x-hookbench-request-id') as string
    await until(
      () => forwardOf(first.apiUrl as string, first.token, id),
      (value) => value.attempts >= 1,
    )
    hosts.splice(hosts.indexOf(first), 1)
    await first.stop()

    const app = await sink(undefined, port)
    const second = await startHost({
      mode: 'headless',
      version: 'test',
      dataDir,
      receiverPort: 0,
      apiPort: 0,
    })
    hosts.push(second)
    const [received] = await app.waitFor(1)
    expect(received?.body.toString()).toBe('kept')
    const forward = await until(
      () => forwardOf(second.apiUrl as string, second.token, id),
      (value) => value.state === 'delivered',
    )
    expect(forward.attempts).toBeGreaterThanOrEqual(2)
  })
})
