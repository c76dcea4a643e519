import { afterEach } from 'vitest'
import { type Host, startHost } from '../../src/server/host.ts'

export interface ApiResponse {
  status: number
  // biome-ignore lint/suspicious/noExplicitAny: test assertions read arbitrary JSON.
  body: any
}

export interface ApiHost {
  host: Host
  call(method: string, path: string, body?: unknown): Promise<ApiResponse>
  stop(): Promise<void>
}

/**
 * Starts a real host (receiver + local API on free loopback ports) on `dataDir` and gives a tiny
 * authenticated JSON client for it. Hosts still running after a test are stopped.
 */
export function apiHostsPerTest(): (dataDir: string) => Promise<ApiHost> {
  const running = new Set<Host>()
  afterEach(async () => {
    for (const host of running) await host.stop()
    running.clear()
  })
  return async (dataDir) => {
    const host = await startHost({ mode: 'headless', version: 'test', dataDir, receiverPort: 0, apiPort: 0 })
    running.add(host)
    return {
      host,
      async call(method, path, body) {
        const response = await fetch(`${host.apiUrl}${path}`, {
          method,
          headers: { authorization: `Bearer ${host.token}`, 'content-type': 'application/json' },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        })
        const text = await response.text()
        return { status: response.status, body: text === '' ? undefined : JSON.parse(text) }
      },
      async stop() {
        running.delete(host)
        await host.stop()
      },
    }
  }
}
