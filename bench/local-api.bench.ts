// Requests/s through the local API (`GET /api/health`: token check, Host check, routing, zod
// validation, handler, JSON) next to a bare node:http server answering the same JSON, both driven
// by the same undici pool over loopback in this process.

import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Pool } from 'undici'
import { startHost } from '../src/server/host.ts'
import { report } from './report.ts'

const CONNECTIONS = 50
const DURATION_MS = 3_000

async function measure(url: string, path: string, headers: Record<string, string>): Promise<number> {
  const pool = new Pool(url, { connections: CONNECTIONS })
  let done = 0
  const deadline = performance.now() + DURATION_MS
  const worker = async () => {
    while (performance.now() < deadline) {
      const { body, statusCode } = await pool.request({ path, method: 'GET', headers })
      await body.text()
      if (statusCode !== 200) throw new Error(`unexpected ${statusCode}`)
      done++
    }
  }
  const started = performance.now()
  await Promise.all(Array.from({ length: CONNECTIONS }, worker))
  const elapsed = performance.now() - started
  await pool.close()
  return (done / elapsed) * 1000
}

const dataDir = mkdtempSync(join(tmpdir(), 'hookbench-bench-'))
const host = await startHost({ mode: 'headless', version: 'bench', dataDir, receiverPort: 0, apiPort: 0 })
const health = JSON.stringify(await host.core.handlers.health({}))
const bare = createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'application/json' }).end(health)
})
await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve))
const bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}`

// Warm both up, then measure.
await measure(bareUrl, '/', {})
await measure(host.apiUrl ?? '', '/api/health', { authorization: `Bearer ${host.token}` })
const baseline = await measure(bareUrl, '/', {})
const api = await measure(host.apiUrl ?? '', '/api/health', { authorization: `Bearer ${host.token}` })

report({
  name: `local API GET /api/health, ${CONNECTIONS} connections`,
  unit: 'req/s',
  value: api,
  baseline: { name: 'bare node:http, same JSON', value: baseline },
})

bare.close()
await host.stop()
rmSync(dataDir, { recursive: true, force: true })
