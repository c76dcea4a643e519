import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach } from 'vitest'

export interface SinkRequest {
  method: string
  url: string
  headers: Array<[string, string]>
  body: Buffer
}

export interface Sink {
  url: string
  port: number
  received: SinkRequest[]
  /** Resolves once `count` requests have arrived. */
  waitFor(count: number, timeoutMs?: number): Promise<SinkRequest[]>
  close(): Promise<void>
}

type Answer = (req: SinkRequest, res: ServerResponse) => void

/** A stand-in for the user's app on 127.0.0.1: records every request, answers as told. */
export function appSinksPerTest(): (answer?: Answer, port?: number) => Promise<Sink> {
  const servers: Server[] = []
  afterEach(async () => {
    for (const server of servers.splice(0)) {
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
    }
  })
  return async (answer = (_req, res) => res.writeHead(200).end('ok'), port = 0) => {
    const received: SinkRequest[] = []
    const waiters: Array<() => void> = []
    const server = createServer(async (req: IncomingMessage, res) => {
      const chunks: Buffer[] = []
      for await (const chunk of req) chunks.push(chunk as Buffer)
      const headers: Array<[string, string]> = []
      for (let i = 0; i < req.rawHeaders.length; i += 2) {
        headers.push([req.rawHeaders[i] as string, req.rawHeaders[i + 1] as string])
      }
      const request = { method: req.method ?? '', url: req.url ?? '', headers, body: Buffer.concat(chunks) }
      received.push(request)
      for (const wake of waiters.splice(0)) wake()
      answer(request, res)
    })
    servers.push(server)
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
    const address = server.address() as AddressInfo
    return {
      url: `http://127.0.0.1:${address.port}`,
      port: address.port,
      received,
      async waitFor(count, timeoutMs = 10_000) {
        const deadline = Date.now() + timeoutMs
        while (received.length < count) {
          if (Date.now() > deadline) throw new Error(`sink got ${received.length} of ${count} requests`)
          await new Promise<void>((resolve) => {
            waiters.push(resolve)
            setTimeout(resolve, 100)
          })
        }
        return received
      },
      async close() {
        server.closeAllConnections()
        await new Promise((resolve) => server.close(resolve))
      },
    }
  }
}
