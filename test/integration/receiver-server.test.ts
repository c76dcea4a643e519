import { connect } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { createReceiverServer, type ReceiverServer } from '../../src/core/receiver/receiver-server.ts'

const servers: ReceiverServer[] = []
afterEach(async () => {
  for (const server of servers.splice(0)) await server.stop()
})

async function startReceiver(options: Parameters<typeof createReceiverServer>[0] = {}) {
  const server = createReceiverServer({ port: 0, ...options })
  servers.push(server)
  return server.start()
}

function sendRaw(url: string, bytes: string, { end = false } = {}): Promise<string> {
  const { hostname, port } = new URL(url)
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => (end ? socket.end(bytes) : socket.write(bytes)))
    let data = ''
    socket.setEncoding('utf8').on('data', (chunk: string) => {
      data += chunk
    })
    socket.on('close', () => resolve(data))
    socket.on('error', reject)
  })
}

describe('receiver listener', () => {
  it('answers on its root and gives a JSON 404 for paths nothing has claimed', async () => {
    const url = await startReceiver()
    expect(await (await fetch(`${url}/`)).json()).toEqual({ name: 'hookbench-receiver', status: 'ok' })
    const missing = await fetch(`${url}/hooks/demo/x`, { method: 'POST', body: '{"a":1}' })
    expect(missing.status).toBe(404)
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe('not_found')
  })

  it('answers a malformed request with 400 and keeps serving', async () => {
    const url = await startReceiver()
    const reply = await sendRaw(url, 'THIS IS NOT HTTP\r\n\r\n')
    expect(reply).toMatch(/^HTTP\/1\.1 400/)
    expect((await fetch(`${url}/`)).status).toBe(200)
  })

  it('cuts off a client that never finishes its headers', async () => {
    const url = await startReceiver({ headersTimeoutMs: 300, requestTimeoutMs: 300 })
    // Headers that never end: the server must close the socket on its own.
    const reply = await sendRaw(url, 'GET / HTTP/1.1\r\nHost: x\r\nX-Slow: 1\r\n')
    expect(reply).toMatch(/^HTTP\/1\.1 408 Request Timeout/)
    expect((await fetch(`${url}/`)).status).toBe(200)
  })
})
