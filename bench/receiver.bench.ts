// Receiver capture throughput: requests/s with 50 connections and 1 KB JSON bodies,
// each acknowledged only after it is on disk, next to — in the same run — (a) a bare node:http
// server that discards the body and (b) the durable limit: a minimal server that appends each body
// as a JSON line and answers after one fdatasync per group, and (c) mockttp, HTTP Toolkit's mock
// server recording in memory (a devDependency for this comparison only). The load comes from a
// separate process (bench/http-load.ts, a lean one: an HTTP client library would eat the core the
// servers need), so each server has the event loop to itself, as with a real sender.
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtempSync, rmSync } from 'node:fs'
import { open } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startHost } from '../src/server/host.ts'
import { groupedAppender } from './grouped-append.ts'
import { median, report } from './report.ts'

const CONNECTIONS = 50
const DURATION_MS = 4_000
const body = JSON.stringify({ event: 'user.created', data: { id: 'u1', note: 'x'.repeat(940) } })

/** Requests/s from a load generator in its own process (bench/http-load.ts). */
async function load(url: string, path: string): Promise<number> {
  const child = spawn(
    process.execPath,
    [join(import.meta.dirname, 'http-load.ts'), url, path, String(CONNECTIONS), String(DURATION_MS), body],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  )
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString()
  })
  const [code] = (await once(child, 'exit')) as [number | null]
  const rate = Number(output.trim())
  if (code !== 0 || !Number.isFinite(rate)) throw new Error(`the load generator failed (exit ${code})`)
  return rate
}

async function listenOn(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

async function bare(): Promise<number> {
  const server = createServer((req, res) => {
    req.resume()
    req.on('end', () => res.end('{"ok":true}'))
  })
  const rate = await load(await listenOn(server), '/')
  server.close()
  return rate
}

/** The durable limit: append + one fdatasync per group, then answer everyone in the group. */
async function durableLimit(dir: string): Promise<number> {
  const handle = await open(join(dir, 'limit.jsonl'), 'a')
  const append = groupedAppender(handle)
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const line = `${JSON.stringify({ at: Date.now(), body: Buffer.concat(chunks).toString() })}\n`
      void append(line).then(() => res.end('{"ok":true}'))
    })
  })
  const rate = await load(await listenOn(server), '/')
  server.close()
  await handle.close()
  return rate
}

async function hookbench(dir: string): Promise<number> {
  const host = await startHost({
    mode: 'headless',
    version: 'bench',
    dataDir: dir,
    receiverPort: 0,
    apiPort: null,
  })
  const rate = await load(host.receiverUrl, '/hooks/bench/in')
  await host.stop()
  return rate
}

async function mockttp(): Promise<number | null> {
  try {
    // Optional: not a dependency of Hookbench, only a point of comparison.
    const name = 'mockttp'
    const { getLocal } = (await import(name)) as {
      getLocal: () => {
        start(): Promise<void>
        stop(): Promise<void>
        url: string
        forAnyRequest(): { thenReply(s: number, b: string): Promise<unknown> }
      }
    }
    const server = getLocal()
    await server.start()
    await server.forAnyRequest().thenReply(200, '{"ok":true}')
    const rate = await load(server.url, '/')
    await server.stop()
    return rate
  } catch {
    return null
  }
}

const dir = mkdtempSync(join(tmpdir(), 'hookbench-bench-receiver-'))
// Interleaved rounds, medians reported: this machine's speed and fsync latency vary from second
// to second, so each round measures all four servers back to back.
const ROUNDS = 5
const rates = { bare: [] as number[], limit: [] as number[], ours: [] as number[], mock: [] as number[] }
for (let round = 0; round < ROUNDS; round++) {
  rates.bare.push(await bare())
  rates.limit.push(await durableLimit(dir))
  rates.ours.push(await hookbench(join(dir, `data-${round}`)))
  const mock = await mockttp()
  if (mock !== null) rates.mock.push(mock)
}
const ours = median(rates.ours)
report({
  name: `receiver: captured and on disk before the answer, ${CONNECTIONS} connections, 1 KB JSON (median of ${ROUNDS})`,
  unit: 'req/s',
  value: ours,
  baseline: { name: 'durable limit: append + fdatasync per group', value: median(rates.limit) },
  target: 'ratio ≥ 0.7',
})
report({
  name: 'receiver vs a bare node:http server that discards the body',
  unit: 'req/s',
  value: ours,
  baseline: { name: 'bare node:http', value: median(rates.bare) },
})
if (rates.mock.length === 0) {
  console.error(
    '[receiver bench] mockttp is not installed: `npm i -D mockttp` to compare with it (target: ≥ 3×).',
  )
} else {
  report({
    name: 'receiver vs mockttp recording in memory',
    unit: 'req/s',
    value: ours,
    baseline: { name: 'mockttp', value: median(rates.mock) },
    target: 'ratio ≥ 3',
  })
}
rmSync(dir, { recursive: true, force: true })
