// Delivery throughput (issue 4): 20,000 signed messages to a local sink, every event, message and
// attempt persisted, next to raw undici POSTing the same signed payload to the same sink with the
// same number of connections (the engine opens at most 50 per endpoint; 256 messages may be in
// flight, most of them waiting on the disk rather than the network), measured in the same run.
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Pool } from 'undici'
import { openCore } from '../src/main/core/index.ts'
import { inProcessApi } from '../src/main/core/invoke.ts'
import { generateSecret, signHeaders } from '../src/main/core/signing/standard-webhooks.ts'
import { median, report } from './report.ts'

const MESSAGES = 20_000
const CONNECTIONS = 50
const data = { id: 'u1', username: 'ada', email: 'ada@example.test', padding: 'x'.repeat(700) }

const sink = createServer((req, res) => {
  req.resume()
  req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}'))
})
await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve))
const sinkUrl = `http://127.0.0.1:${(sink.address() as AddressInfo).port}`

async function rawUndici(): Promise<number> {
  const pool = new Pool(sinkUrl, { connections: CONNECTIONS })
  const secret = generateSecret()
  const body = JSON.stringify({ type: 'user.created', timestamp: new Date().toISOString(), data })
  let next = 0
  const started = performance.now()
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (next < MESSAGES) {
        const id = `msg_${next++}`
        const headers = {
          'content-type': 'application/json',
          ...signHeaders([secret], id, Math.floor(Date.now() / 1000), body),
        }
        const response = await pool.request({ path: '/hook', method: 'POST', headers, body })
        await response.body.text()
      }
    }),
  )
  const rate = (MESSAGES / (performance.now() - started)) * 1000
  await pool.close()
  return rate
}

async function hookbench(): Promise<number> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hookbench-bench-delivery-'))
  const core = await openCore({ dataDir, mode: 'headless', version: 'bench' })
  const api = inProcessApi(core.handlers)
  await api.createSubscription({
    name: 'bench',
    url: `${sinkUrl}/hook`,
    profile: 'standard',
    signing: {},
    concurrency: 256,
  })
  const started = performance.now()
  for (let sent = 0; sent < MESSAGES; sent += 500) {
    await Promise.all(Array.from({ length: 500 }, () => api.sendEvent({ topic: 'user.created', data })))
  }
  for (;;) {
    const { total } = await api.listMessages({ status: 'delivered', limit: 1 })
    if (total >= MESSAGES) break
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  const rate = (MESSAGES / (performance.now() - started)) * 1000
  const failed = (await api.listMessages({ status: 'pending', limit: 1 })).total
  await core.close()
  rmSync(dataDir, { recursive: true, force: true })
  if (failed > 0) console.error(`[delivery bench] ${failed} messages still pending`)
  return rate
}

// Interleaved rounds, medians reported: this machine's load and fsync latency vary from second to second.
const ROUNDS = 3
await rawUndici() // warm-up
const raw: number[] = []
const ours: number[] = []
for (let round = 0; round < ROUNDS; round++) {
  raw.push(await rawUndici())
  ours.push(await hookbench())
}
report({
  name: `deliver ${MESSAGES.toLocaleString('en-US')} signed messages, every attempt persisted (median of ${ROUNDS})`,
  unit: 'msg/s',
  value: median(ours),
  baseline: { name: `raw undici, same payload and sink, ${CONNECTIONS} connections`, value: median(raw) },
  target: 'ratio ≥ 0.5',
})
sink.close()
