import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach } from 'vitest'
import { type Host, startHost } from '../../src/server/host.ts'
import { tempDirsPerTest } from './temp-dir.ts'

export interface ApiAnswer<T = Record<string, unknown>> {
  status: number
  headers: Headers
  body: T
}

export interface ReceiverHost {
  host: Host
  dataDir: string
  /** A call to the local API with the bearer token. */
  api<T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<ApiAnswer<T>>
  /** A request to the receiver at `path` (e.g. `/hooks/demo/x`). */
  hook(path: string, init?: RequestInit): Promise<Response>
}

/**
 * A real headless Hookbench per test (receiver and API on 127.0.0.1, port 0, own data folder),
 * stopped after the test. Stopping one earlier is fine (stopping is idempotent).
 */
export function receiverHostsPerTest(): (dataDir?: string) => Promise<ReceiverHost> {
  const tempDir = tempDirsPerTest()
  const hosts: Host[] = []
  afterEach(async () => {
    for (const host of hosts.splice(0)) await host.stop()
  })
  // A dataDir of a stopped host opens that workspace again: a restart.
  return async (dataDir = tempDir()) => {
    const host = await startHost({ mode: 'headless', version: 'test', dataDir, receiverPort: 0, apiPort: 0 })
    hosts.push(host)
    return {
      host,
      dataDir,
      async api<T>(method: string, path: string, body?: unknown) {
        const response = await fetch(`${host.apiUrl}${path}`, {
          method,
          headers: { authorization: `Bearer ${host.token}`, 'content-type': 'application/json' },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        })
        const text = await response.text()
        return {
          status: response.status,
          headers: response.headers,
          body: (text ? JSON.parse(text) : null) as T,
        }
      },
      hook: (path, init) => fetch(`${host.receiverUrl}${path}`, init),
    }
  }
}

/** Every line of the `requests` log as it is in the files right now (not through the store). */
export function requestLinesOnDisk(
  dataDir: string,
): Array<{ id: string; at: number; v: Record<string, unknown> }> {
  const dir = join(dataDir, 'records', 'requests')
  const lines: Array<{ id: string; at: number; v: Record<string, unknown> }> = []
  for (const file of readdirSync(dir)
    .filter((name) => name.endsWith('.jsonl'))
    .sort()) {
    const [, ...records] = readFileSync(join(dir, file), 'utf8').split('\n')
    for (const line of records) if (line) lines.push(JSON.parse(line))
  }
  return lines
}
