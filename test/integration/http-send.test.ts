import { createServer, type RequestListener, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Agent } from 'undici'
import { afterEach, describe, expect, it } from 'vitest'
import { RESPONSE_BODY_LIMIT, sendRequest } from '../../src/core/delivery/http-send.ts'

const servers: Server[] = []
const agents: Agent[] = []
afterEach(async () => {
  for (const agent of agents.splice(0)) await agent.destroy()
  for (const server of servers.splice(0)) {
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
  }
})

async function serve(listener: RequestListener): Promise<string> {
  const server = createServer(listener)
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

function agent(): Agent {
  const created = new Agent({ connections: 4 })
  agents.push(created)
  return created
}

const post = (url: string, timeoutMs = 5_000) => ({
  url,
  headers: [
    ['content-type', 'application/json'],
    ['x-trace', 'a'],
    ['x-trace', 'b'],
  ] as Array<[string, string]>,
  body: '{"hello":"world"}',
  timeoutMs,
})

describe('sendRequest', () => {
  it('POSTs the body and headers as given, and records status, every header and the body', async () => {
    let seen: { method?: string | undefined; url?: string | undefined; raw: string[]; body: string } = {
      raw: [],
      body: '',
    }
    const url = await serve((req, res) => {
      let body = ''
      req.on('data', (chunk: Buffer) => {
        body += chunk.toString()
      })
      req.on('end', () => {
        seen = { method: req.method, url: req.url, raw: req.rawHeaders, body }
        res.setHeader('set-cookie', ['a=1', 'b=2'])
        res.writeHead(201, { 'content-type': 'text/plain' }).end('created')
      })
    })
    for (const dispatcher of [undefined, agent()]) {
      const result = await sendRequest(post(`${url}/hooks/in?x=1`), dispatcher)
      expect(seen).toMatchObject({ method: 'POST', url: '/hooks/in?x=1', body: '{"hello":"world"}' })
      expect(seen.raw.filter((_, i) => i % 2 === 0 && seen.raw[i] === 'x-trace')).toHaveLength(2)
      expect(result.error).toBeNull()
      expect(result.response).toMatchObject({ status: 201, body: 'created', body_truncated: false })
      expect(result.response?.headers).toEqual(
        expect.arrayContaining([
          ['content-type', 'text/plain'],
          ['set-cookie', 'a=1'],
          ['set-cookie', 'b=2'],
        ]),
      )
      expect(result.durationMs).toBeGreaterThan(0)
    }
  })

  it('does not follow a redirect: the 3xx is the answer', async () => {
    let hits = 0
    const url = await serve((req, res) => {
      hits++
      req.resume()
      req.on('end', () => res.writeHead(302, { location: '/elsewhere' }).end())
    })
    const result = await sendRequest(post(`${url}/hook`), agent())
    expect(result.response?.status).toBe(302)
    expect(result.response?.headers).toContainEqual(['location', '/elsewhere'])
    expect(hits).toBe(1)
  })

  it(`keeps the first ${RESPONSE_BODY_LIMIT / 1024} KB of a large response body and says it was cut`, async () => {
    const url = await serve((req, res) => {
      req.resume()
      req.on('end', () => res.end('x'.repeat(RESPONSE_BODY_LIMIT * 3)))
    })
    const dispatcher = agent()
    const result = await sendRequest(post(`${url}/hook`), dispatcher)
    expect(result.response?.status).toBe(200)
    expect(result.response?.body).toHaveLength(RESPONSE_BODY_LIMIT)
    expect(result.response?.body_truncated).toBe(true)
    // The connection pool is still usable afterwards.
    const again = await sendRequest(post(`${url}/hook`), dispatcher)
    expect(again.response?.status).toBe(200)
  })

  it('bounds the whole exchange by the timeout: slow headers, and a body that trickles', async () => {
    const url = await serve((req, res) => {
      req.resume()
      req.on('end', () => {
        if (req.url === '/slow-headers') return // never answers
        res.writeHead(200, { 'content-type': 'text/plain' })
        // A byte every 50 ms: no gap is long, but the whole body takes far longer than the timeout.
        const timer = setInterval(() => res.write('.'), 50)
        res.on('close', () => clearInterval(timer))
      })
    })
    for (const path of ['/slow-headers', '/trickle']) {
      const result = await sendRequest(post(`${url}${path}`, 300), agent())
      expect(result.response, path).toBeNull()
      expect(result.error, path).toBe('timed out waiting for the endpoint')
      expect(result.durationMs, path).toBeGreaterThanOrEqual(290)
    }
  })

  it('names a refused connection the way a developer recognises it', async () => {
    const url = await serve(() => {})
    const closed = servers.pop() as Server
    await new Promise((resolve) => closed.close(resolve))
    const result = await sendRequest(post(`${url}/hook`), agent())
    expect(result.response).toBeNull()
    expect(result.error).toMatch(/^ECONNREFUSED: /)
  })
})
