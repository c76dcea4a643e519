import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { type Core, openCore } from '../../src/core/index.ts'
import { inProcessApi } from '../../src/core/invoke.ts'
import { eventually, sinksPerTest } from '../helpers/sink.ts'
import { tempDirsPerTest } from '../helpers/temp-dir.ts'

const tempDir = tempDirsPerTest()
const sink = sinksPerTest()
const closers: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const close of closers.splice(0)) await close()
})

/** A token endpoint on 127.0.0.1 that answers every request with `answer`. */
async function tokenEndpoint(answer: (req: IncomingMessage, res: ServerResponse) => void) {
  const server = createServer(answer)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  closers.push(
    () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  )
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/oauth2/token`
}

/** One event to a subscription whose auth config fetches from `tokenUrl`; answers its first attempt. */
async function firstAttemptWith(tokenUrl: string, timeoutMs: number) {
  const endpoint = await sink()
  const core: Core = await openCore({ dataDir: tempDir(), mode: 'headless', version: 'test' })
  closers.push(() => core.close())
  const api = inProcessApi(core.handlers)
  const auth = await api.createAuthConfig({
    auth_type: 'OAUTH_2_CLIENT_CREDENTIALS',
    key: 'c',
    secret: 's',
    scope: 'x',
    token_url: tokenUrl,
  })
  await api.createSubscription({
    name: 'o',
    url: endpoint.url,
    auth_config_id: auth.id,
    retry_schedule: [0, 3600],
    timeout_ms: timeoutMs,
  })
  const { messages } = await api.sendEvent({ topic: 'a.b', data: {} })
  const message = await eventually(async () => {
    const m = await api.getMessage({ message_id: messages[0]?.message_id as string, reveal: false })
    return m.attempts.length === 1 ? m : undefined
  }, 'the first attempt')
  expect(endpoint.requests).toHaveLength(0)
  return message.attempts[0]
}

describe('OAuth token fetch limits', () => {
  it('fails the attempt when the token endpoint answers more than 64 KB, and stops reading', async () => {
    const total = 64 * 1024 * 1024
    const chunk = Buffer.alloc(64 * 1024, 'x')
    let written = 0
    let closedEarly: (bytes: number) => void = () => {}
    const closed = new Promise<number>((resolve) => {
      closedEarly = resolve
    })
    const url = await tokenEndpoint((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.on('close', () => closedEarly(written))
      // Writes as fast as the client reads, until the body is done or the client hangs up.
      const pump = () => {
        while (written < total && !res.destroyed) {
          written += chunk.length
          if (!res.write(chunk)) return void res.once('drain', pump)
        }
        if (written >= total) res.end()
      }
      pump()
    })

    const attempt = await firstAttemptWith(url, 30_000)
    expect(attempt).toMatchObject({ outcome: 'failure', response: null })
    expect(attempt?.error).toContain('token response larger than 64 KB')
    expect(attempt?.token?.exchange?.error).toContain('token response larger than 64 KB')
    expect(attempt?.token?.exchange?.response).toBeNull()
    // The connection was dropped long before the endpoint got its body out.
    expect(await closed).toBeLessThan(total)
  })

  it('fails the attempt when the token endpoint never answers, naming the timeout', async () => {
    const url = await tokenEndpoint(() => {
      // Takes the request and never answers.
    })
    const attempt = await firstAttemptWith(url, 300)
    expect(attempt).toMatchObject({ outcome: 'failure', response: null })
    expect(attempt?.error).toContain('token endpoint did not answer within 0.3 s')
    expect(attempt?.token?.exchange?.error).toBe('token endpoint did not answer within 0.3 s')
  })
})
