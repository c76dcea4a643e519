import { createServer, type Server } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { candidatePorts, type Host, type HostOptions, startHost } from '../../src/server/host.ts'
import { tempDirsPerTest } from '../helpers/temp-dir.ts'

const tempDir = tempDirsPerTest()
const blockers: Server[] = []
const hosts: Host[] = []

afterEach(async () => {
  for (const host of hosts.splice(0)) await host.stop()
  await Promise.all(blockers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))))
})

/** Holds `port` on 127.0.0.1 like another program would; false if someone already holds it. */
function occupy(port: number): Promise<Server | null> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') resolve(null)
      else reject(error)
    })
    server.listen(port, '127.0.0.1', () => {
      blockers.push(server)
      resolve(server)
    })
  })
}

async function isFree(port: number): Promise<boolean> {
  const server = await occupy(port)
  if (!server) return false
  blockers.splice(blockers.indexOf(server), 1)
  await new Promise((resolve) => server.close(resolve))
  return true
}

/**
 * A port the OS just handed out, with room for 20 more above it, now held by a blocker; with
 * `nextFree`, one whose next port is free too.
 */
async function takenPort({ nextFree = false } = {}): Promise<number> {
  for (;;) {
    const server = await occupy(0)
    const port = (server?.address() as { port: number } | undefined)?.port
    if (port !== undefined && port < 65_000 && (!nextFree || (await isFree(port + 1)))) return port
  }
}

async function start(options: Partial<HostOptions>): Promise<Host> {
  const host = await startHost({ mode: 'headless', version: '0.0.0-test', dataDir: tempDir(), ...options })
  hosts.push(host)
  return host
}

const portOf = (url: string | null) => Number(new URL(url ?? 'http://x:0').port)

describe('startHost with portFallback', () => {
  it('moves the receiver to the next free port when its port is taken, and reports it in health', async () => {
    const taken = await takenPort()
    const host = await start({ receiverPort: taken, apiPort: 0, portFallback: true })
    const port = portOf(host.receiverUrl)
    expect(port).toBeGreaterThan(taken)
    expect(port).toBeLessThanOrEqual(taken + 20)
    const health = await host.core.handlers.health({})
    expect(health.receiver_url).toBe(host.receiverUrl)
    expect((await fetch(`${host.receiverUrl}/`)).status).toBe(200)
  })

  it('moves the local API too', async () => {
    const taken = await takenPort()
    const host = await start({ receiverPort: 0, apiPort: taken, portFallback: true })
    expect(portOf(host.apiUrl)).toBeGreaterThan(taken)
    expect(portOf(host.apiUrl)).toBeLessThanOrEqual(taken + 20)
    expect((await host.core.handlers.health({})).api_url).toBe(host.apiUrl)
  })

  it('does not move the receiver onto the port the API asked for', async () => {
    const taken = await takenPort({ nextFree: true })
    const host = await start({ receiverPort: taken, apiPort: taken + 1, portFallback: true })
    expect(portOf(host.apiUrl)).toBe(taken + 1)
    expect(portOf(host.receiverUrl)).not.toBe(taken + 1)
    expect(portOf(host.receiverUrl)).toBeGreaterThan(taken + 1)
  })

  it('asks the OS for any free port once the next 20 are taken as well', async () => {
    const taken = await takenPort()
    for (let port = taken + 1; port <= taken + 20; port++) await occupy(port)
    const host = await start({ receiverPort: taken, apiPort: 0, portFallback: true })
    const port = portOf(host.receiverUrl)
    expect(port).toBeGreaterThan(0)
    expect(port < taken || port > taken + 20).toBe(true)
  })
})

describe('startHost without portFallback (hookbench serve)', () => {
  it('fails with EADDRINUSE when the receiver port is taken, and leaves nothing running', async () => {
    const taken = await takenPort()
    const dataDir = tempDir()
    await expect(
      startHost({ mode: 'headless', version: '0.0.0-test', dataDir, receiverPort: taken, apiPort: 0 }),
    ).rejects.toMatchObject({ code: 'EADDRINUSE' })
    // The half-started host released the data folder: the same folder opens again.
    const host = await start({ dataDir, receiverPort: 0, apiPort: 0 })
    expect(host.receiverUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
  })

  it('fails with EADDRINUSE when the API port is taken, even though the receiver had started', async () => {
    const taken = await takenPort()
    await expect(
      startHost({
        mode: 'headless',
        version: '0.0.0-test',
        dataDir: tempDir(),
        receiverPort: 0,
        apiPort: taken,
      }),
    ).rejects.toMatchObject({ code: 'EADDRINUSE' })
  })
})

describe('candidatePorts', () => {
  it('is just the requested port without fallback, or for port 0', () => {
    expect(candidatePorts(8787, false)).toEqual([8787])
    expect(candidatePorts(0, true)).toEqual([0])
  })

  it('is the port, the next 20, then 0 with fallback', () => {
    expect(candidatePorts(8787, true)).toEqual([...Array.from({ length: 21 }, (_, i) => 8787 + i), 0])
  })

  it('skips ports to avoid and never goes past 65535', () => {
    expect(candidatePorts(8787, true, [8788])).not.toContain(8788)
    expect(candidatePorts(65_530, true)).toEqual([65_530, 65_531, 65_532, 65_533, 65_534, 65_535, 0])
  })
})
