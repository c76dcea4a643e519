import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach } from 'vitest'

export interface SinkRequest {
  method: string
  url: string
  headers: IncomingHttpHeaders
  body: string
}

export interface SinkReply {
  status: number
  headers?: Record<string, string>
  body?: string
  delayMs?: number
}

export interface Sink {
  url: string
  requests: SinkRequest[]
  /** Replies in order; the last one repeats. */
  script(replies: SinkReply[]): void
  /** The most requests handled at the same time. */
  readonly maxConcurrent: number
  close(): Promise<void>
}

/** A real HTTP endpoint on 127.0.0.1 that records what it receives and answers as scripted. */
export function sinksPerTest(): (replies?: SinkReply[]) => Promise<Sink> {
  const servers: Server[] = []
  afterEach(async () => {
    for (const server of servers.splice(0)) {
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
    }
  })
  return async (initial = [{ status: 200 }]) => {
    let replies = initial
    let index = 0
    let concurrent = 0
    let maxConcurrent = 0
    const requests: SinkRequest[] = []
    const server = createServer((req, res) => {
      const chunks: Buffer[] = []
      req.on('data', (chunk: Buffer) => chunks.push(chunk))
      req.on('end', () => {
        concurrent++
        maxConcurrent = Math.max(maxConcurrent, concurrent)
        requests.push({
          method: req.method ?? '',
          url: req.url ?? '',
          headers: req.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        })
        const reply = replies[Math.min(index++, replies.length - 1)] ?? { status: 200 }
        setTimeout(() => {
          concurrent--
          res.writeHead(reply.status, reply.headers ?? {}).end(reply.body ?? '')
        }, reply.delayMs ?? 0)
      })
    })
    servers.push(server)
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    return {
      url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      requests,
      script(next) {
        replies = next
        index = 0
      },
      get maxConcurrent() {
        return maxConcurrent
      },
      async close() {
        server.closeAllConnections()
        await new Promise((resolve) => server.close(resolve))
      },
    }
  }
}

/** Polls until `check` returns a value (not undefined/false), for results produced in the background. */
export async function eventually<T>(
  check: () => T | Promise<T>,
  what: string,
  timeoutMs = 10_000,
): Promise<Exclude<T, false | undefined>> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await check()
    if (value !== undefined && value !== false) return value as Exclude<T, false | undefined>
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}
