import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openCore } from '../../src/core/index.ts'
import { createApiServer } from '../../src/server/api-server.ts'
import { HealthSchema } from '../../src/shared/contract/index.ts'
import { ErrorBodySchema } from '../../src/shared/errors.ts'
import { tempDirsPerTest } from '../helpers/temp-dir.ts'

const TOKEN = 'test-token-0123456789abcdef'
const tempDir = tempDirsPerTest()
const stops: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop()
})

async function startApi(rendererDir: string | null = null) {
  const dataDir = tempDir()
  const core = await openCore({ dataDir, mode: 'headless', version: '1.2.3' })
  const server = createApiServer({
    handlers: core.handlers,
    events: core.events,
    token: TOKEN,
    port: 0,
    rendererDir,
  })
  const url = await server.start()
  stops.push(
    () => server.stop(),
    () => core.close(),
  )
  return { url, dataDir }
}

const auth = { authorization: `Bearer ${TOKEN}` }

async function expectError(response: Response, status: number, code: string) {
  expect(response.status).toBe(status)
  const body = (await response.json()) as { error?: unknown }
  const error = ErrorBodySchema.parse(body.error)
  expect(error.code).toBe(code)
  expect(error.message.length).toBeGreaterThan(0)
  return error
}

describe('local API', () => {
  it('answers 401 without the token, 401 with a wrong one, and 200 with it', async () => {
    const { url, dataDir } = await startApi()
    const missing = await fetch(`${url}/api/health`)
    expect(missing.headers.get('www-authenticate')).toMatch(/^Bearer/)
    await expectError(missing, 401, 'unauthorized')
    await expectError(
      await fetch(`${url}/api/health`, { headers: { authorization: 'Bearer nope' } }),
      401,
      'unauthorized',
    )

    const ok = await fetch(`${url}/api/health`, { headers: auth })
    expect(ok.status).toBe(200)
    const health = HealthSchema.parse(await ok.json())
    expect(health).toMatchObject({ status: 'ok', version: '1.2.3', mode: 'headless', data_dir: dataDir })
  })

  it('rejects a Host header that is not the address it listens on (DNS rebinding)', async () => {
    const { url } = await startApi()
    const port = new URL(url).port
    // fetch() will not forge Host, so speak HTTP directly.
    const raw = await rawRequest(
      port,
      `GET /api/health HTTP/1.1\r\nHost: evil.example:${port}\r\nAuthorization: Bearer ${TOKEN}\r\nConnection: close\r\n\r\n`,
    )
    expect(raw).toMatch(/^HTTP\/1\.1 403/)
    expect(raw).toContain('"code":"forbidden"')
    const viaLocalhost = await rawRequest(
      port,
      `GET /api/health HTTP/1.1\r\nHost: localhost:${port}\r\nAuthorization: Bearer ${TOKEN}\r\nConnection: close\r\n\r\n`,
    )
    expect(viaLocalhost).toMatch(/^HTTP\/1\.1 200/)
  })

  it('validates input with the contract schema and names the field', async () => {
    const { url } = await startApi()
    const error = await expectError(
      await fetch(`${url}/api/event-types?profile=stripe`, { headers: auth }),
      400,
      'bad_request',
    )
    expect(error.message).toContain('profile')
    await expectError(await fetch(`${url}/api/event-types?surprise=1`, { headers: auth }), 400, 'bad_request')
  })

  it('filters the catalog by profile', async () => {
    const { url } = await startApi()
    const response = await fetch(`${url}/api/event-types?profile=iam`, { headers: auth })
    expect(response.status).toBe(200)
    const body = (await response.json()) as { profiles: Array<{ id: string }> }
    expect(body.profiles.map((p) => p.id)).toEqual(['iam'])
  })

  it('answers 404 for unknown routes and 405 with Allow for a wrong method', async () => {
    const { url } = await startApi()
    await expectError(await fetch(`${url}/api/nope`, { headers: auth }), 404, 'not_found')
    const wrong = await fetch(`${url}/api/health`, { method: 'POST', headers: auth, body: '{}' })
    expect(wrong.headers.get('allow')).toBe('GET, HEAD')
    await expectError(wrong, 405, 'method_not_allowed')
  })

  it('answers HEAD wherever GET works: same status and headers, no body', async () => {
    const rendererDir = tempDir()
    writeFileSync(join(rendererDir, 'index.html'), '<html><head></head><body></body></html>')
    const { url } = await startApi(rendererDir)
    const port = new URL(url).port
    for (const path of ['/api/health', '/api/event-types?profile=iam', '/api/subscriptions', '/']) {
      const get = await fetch(`${url}${path}`, { headers: auth })
      const getBody = await get.arrayBuffer()
      const head = await rawRequest(
        port,
        `HEAD ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nAuthorization: Bearer ${TOKEN}\r\nConnection: close\r\n\r\n`,
      )
      const [headers = '', body] = head.split('\r\n\r\n')
      expect(headers, path).toMatch(new RegExp(`^HTTP/1\\.1 ${get.status} `))
      expect(headerOf(headers, 'content-type'), path).toBe(get.headers.get('content-type'))
      expect(headerOf(headers, 'content-length'), path).toBe(String(getBody.byteLength))
      expect(body, path).toBe('')
    }
    // An error keeps its status on HEAD too.
    const denied = await fetch(`${url}/api/health`, { method: 'HEAD' })
    expect(denied.status).toBe(401)
    expect(await denied.text()).toBe('')
    const missing = await fetch(`${url}/api/subscriptions/nope`, { method: 'HEAD', headers: auth })
    expect(missing.status).toBe(404)
  })

  it('answers HEAD on the event stream with its headers, without holding the connection open', async () => {
    const { url } = await startApi()
    const port = new URL(url).port
    const head = await rawRequest(
      port,
      `HEAD /api/stream HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nAuthorization: Bearer ${TOKEN}\r\nConnection: close\r\n\r\n`,
    )
    expect(head).toMatch(/^HTTP\/1\.1 200 /)
    expect(head).toMatch(/\r\ncontent-type: text\/event-stream/i)
    expect(head.endsWith('\r\n\r\n')).toBe(true)
  })

  it('keeps 405 for methods a route does not have, always with Allow', async () => {
    const rendererDir = tempDir()
    writeFileSync(join(rendererDir, 'index.html'), '<html></html>')
    const { url } = await startApi(rendererDir)
    const cases: Array<[string, string, string]> = [
      ['OPTIONS', '/api/health', 'GET, HEAD'],
      ['DELETE', '/api/settings', 'GET, HEAD, PATCH'],
      ['PUT', '/api/events', 'POST'],
      ['POST', '/api/stream', 'GET, HEAD'],
      ['POST', '/', 'GET, HEAD'],
    ]
    for (const [method, path, allow] of cases) {
      const response = await fetch(`${url}${path}`, { method, headers: auth })
      expect(response.headers.get('allow'), `${method} ${path}`).toBe(allow)
      await expectError(response, 405, 'method_not_allowed')
    }
  })

  it('names the field in details.issues of every 400 where a field is at fault', async () => {
    const { url } = await startApi()
    const json = { ...auth, 'content-type': 'application/json' }
    const cases: Array<[string, RequestInit, string]> = [
      ['/api/event-types?profile=stripe', { headers: auth }, 'profile'],
      ['/api/subscriptions/%zz', { headers: auth }, 'id'],
      ['/api/requests/%E0%A4%A', { headers: auth }, 'id'],
      ['/api/events', { method: 'POST', headers: json, body: '{"topic":42}' }, 'topic'],
      ['/api/settings', { method: 'PATCH', headers: json, body: '{"theme":"neon"}' }, 'theme'],
      ['/api/bins', { method: 'POST', headers: json, body: '{"name":""}' }, 'name'],
      ['/api/requests?limit=-1', { headers: auth }, 'limit'],
    ]
    for (const [path, init, field] of cases) {
      const error = await expectError(await fetch(`${url}${path}`, init), 400, 'bad_request')
      const issues = (error.details as { issues?: Array<{ path: string }> } | undefined)?.issues ?? []
      expect(
        issues.map((issue) => issue.path),
        path,
      ).toContain(field)
    }
  })

  it('gives a body that is not a JSON object one issue at the root', async () => {
    const { url } = await startApi()
    const json = { ...auth, 'content-type': 'application/json' }
    for (const body of ['{"topic":', '[1,2]', 'null']) {
      const error = await expectError(
        await fetch(`${url}/api/events`, { method: 'POST', headers: json, body }),
        400,
        'bad_request',
      )
      expect(error.details, body).toEqual({ issues: [{ path: '', message: error.message }] })
    }
  })

  it('serves the built web UI at / with the token injected, and never files outside it', async () => {
    const rendererDir = tempDir()
    writeFileSync(join(rendererDir, 'index.html'), '<html><head><title>x</title></head><body></body></html>')
    writeFileSync(join(rendererDir, 'app.js'), 'console.log(1)')
    const { url } = await startApi(rendererDir)

    const index = await fetch(`${url}/`)
    expect(index.status).toBe(200)
    expect(index.headers.get('content-security-policy')).toContain("default-src 'self'")
    expect(await index.text()).toContain(`<meta name="hookbench-api-token" content="${TOKEN}">`)
    const script = await fetch(`${url}/app.js`)
    expect(script.headers.get('content-type')).toContain('text/javascript')

    const port = new URL(url).port
    const traversal = await rawRequest(
      port,
      `GET /../../etc/passwd HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`,
    )
    expect(traversal).toMatch(/^HTTP\/1\.1 404/)
    const encoded = await fetch(`${url}/%2e%2e%2f%2e%2e%2fetc%2fpasswd`)
    expect(encoded.status).toBe(404)
  })
})

function headerOf(head: string, name: string): string | null {
  const line = head.split('\r\n').find((each) => each.toLowerCase().startsWith(`${name}:`))
  return line ? line.slice(name.length + 1).trim() : null
}

async function rawRequest(port: string, request: string): Promise<string> {
  const { connect } = await import('node:net')
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1', () => socket.write(request))
    let data = ''
    socket.setEncoding('utf8')
    socket.on('data', (chunk: string) => {
      data += chunk
    })
    socket.on('end', () => resolve(data))
    socket.on('error', reject)
  })
}
