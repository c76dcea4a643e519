import { mkdirSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:net'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { exposedApiWarning, isLoopbackHost } from '../../../src/cli/serve.ts'
import {
  explainStartFailure,
  failureMessage,
  isDebugging,
  type StartAttempt,
  StartFailed,
} from '../../../src/cli/start-failure.ts'
import { StoreError } from '../../../src/core/store/store-error.ts'
import { tempDirsPerTest } from '../../helpers/temp-dir.ts'

const tempDir = tempDirsPerTest()
const servers: Server[] = []
afterEach(() => {
  for (const server of servers.splice(0)) server.close()
})

function attempt(overrides: Partial<StartAttempt> = {}): StartAttempt {
  return {
    dataDir: '/srv/hookbench',
    receiver: { host: '127.0.0.1', port: 8787 },
    api: { host: '127.0.0.1', port: 8788 },
    ...overrides,
  }
}

/** The error a real failing call throws. */
function thrownBy(run: () => void): Error {
  try {
    run()
  } catch (error) {
    return error as Error
  }
  throw new Error('expected a failure')
}

function listenError(host: string, port: number): Promise<Error> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    servers.push(server)
    server.once('error', resolve)
    server.listen(port, host, () => reject(new Error(`${host}:${port} was free`)))
  })
}

/** Shaped like Node's own errors, for what this machine cannot produce cheaply (root, full disk). */
function systemError(code: string, fields: Record<string, unknown>): Error {
  return Object.assign(new Error(`${code}: simulated`), { code, ...fields })
}

const noStack = /\n\s+at /

describe('why serve could not start', () => {
  it('a data folder that is a file', () => {
    const file = join(tempDir(), 'not-a-folder')
    writeFileSync(file, 'x')
    const error = thrownBy(() => mkdirSync(file, { recursive: true }))
    expect(explainStartFailure(error, attempt({ dataDir: file }))).toBe(
      `cannot use ${file} as the data folder: it is a file, not a folder (EEXIST).\n` +
        'Move the file, or point --data-dir at another folder.',
    )
  })

  it('a data folder below a file names that file', () => {
    const file = join(tempDir(), 'file')
    writeFileSync(file, 'x')
    const dataDir = join(file, 'a', 'b')
    const error = thrownBy(() => mkdirSync(dataDir, { recursive: true }))
    expect(explainStartFailure(error, attempt({ dataDir }))).toBe(
      `cannot use ${dataDir} as the data folder: ${file} is a file, not a folder (ENOTDIR).\n` +
        'Move the file, or point --data-dir at another folder.',
    )
  })

  it.each([
    ['EACCES', /permission denied on \/srv\/hookbench \(EACCES\)\.\nFix its permissions/],
    ['EROFS', /it is on a read-only file system \(EROFS\)\.\nPoint --data-dir at a writable folder\./],
    ['ENOSPC', /the disk is full \(ENOSPC\)\.\nFree some space/],
  ])('a data folder failing with %s', (code, expected) => {
    const error = systemError(code, { syscall: 'mkdir', path: '/srv/hookbench' })
    const message = explainStartFailure(error, attempt())
    expect(message).toMatch(/^cannot use \/srv\/hookbench as the data folder: /)
    expect(message).toMatch(expected)
  })

  it('a file inside the data folder is named relative to it', () => {
    const error = systemError('ENOSPC', { syscall: 'write', path: '/srv/hookbench/config.json.tmp' })
    expect(explainStartFailure(error, attempt())).toMatch(
      /^cannot write config\.json\.tmp in the data folder \/srv\/hookbench: the disk is full/,
    )
  })

  it('a port another program holds names the listener and its option', async () => {
    const holder = createServer()
    servers.push(holder)
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve))
    const port = (holder.address() as { port: number }).port
    const error = await listenError('127.0.0.1', port)
    expect(explainStartFailure(error, attempt({ api: { host: '127.0.0.1', port } }))).toBe(
      `cannot listen on 127.0.0.1:${port} (the local API): another program is using that port (EADDRINUSE).\n` +
        'Stop it, or pick another --api-port (0 picks any free port).',
    )
  })

  it('an address that is not on this machine', async () => {
    // 192.0.2.0/24 is reserved for documentation (RFC 5737): never a local address.
    const error = await listenError('192.0.2.1', 0)
    expect(
      explainStartFailure(
        error,
        attempt({ receiver: { host: '192.0.2.1', port: 0 }, api: { host: '127.0.0.1', port: 0 } }),
      ),
    ).toBe(
      'cannot listen on 192.0.2.1 (the receiver): that address is not on this machine (EADDRNOTAVAIL).\n' +
        "Give --host one of this machine's addresses: 127.0.0.1, or 0.0.0.0 for all of them.",
    )
  })

  it('a privileged port', () => {
    const error = systemError('EACCES', { syscall: 'listen', address: '0.0.0.0', port: 80 })
    expect(explainStartFailure(error, attempt({ receiver: { host: '0.0.0.0', port: 80 } }))).toMatch(
      /^cannot listen on 0\.0\.0\.0:80 \(the receiver\): permission denied \(EACCES\)\.\nPorts below 1024 need administrator rights.*pick another --port/,
    )
  })

  it('a host name that does not resolve', () => {
    const error = systemError('ENOTFOUND', { syscall: 'getaddrinfo', hostname: 'nowhere.invalid' })
    expect(explainStartFailure(error, attempt({ api: { host: 'nowhere.invalid', port: 8788 } }))).toMatch(
      /^cannot listen on nowhere\.invalid \(the local API\): this machine cannot resolve that name \(ENOTFOUND\)\.\nGive --api-host an address/,
    )
  })
})

describe('what the user reads', () => {
  it('is the explanation, never a stack', async () => {
    const error = new StartFailed(
      await listenError('192.0.2.1', 8787),
      attempt({ receiver: { host: '192.0.2.1', port: 8787 } }),
    )
    const message = failureMessage(error, false)
    expect(message).toMatch(/^cannot listen on 192\.0\.2\.1:8787 \(the receiver\)/)
    expect(message.split('\n')).toHaveLength(2)
    expect(message).not.toMatch(noStack)
  })

  it('keeps an unknown error to its message, and says how to see more', () => {
    const error = new StartFailed(new TypeError('something odd'), attempt())
    expect(failureMessage(error, false)).toBe(
      'could not start: something odd\n(HOOKBENCH_DEBUG=1 shows where.)',
    )
    expect(failureMessage(error, true)).toBe('could not start: something odd')
    expect(failureMessage(new Error('later'), false)).toMatch(/^failed: later\n/)
  })

  it("passes on the store's own advice (locked, corrupt, too new)", () => {
    const locked = StoreError.locked('/d/hookbench.lock', '/d', { pid: 42, hostname: 'box' })
    expect(failureMessage(new StartFailed(locked, attempt()), false)).toBe(locked.message)
  })

  it('shows stacks only when HOOKBENCH_DEBUG is set to something', () => {
    expect(isDebugging({})).toBe(false)
    expect(isDebugging({ HOOKBENCH_DEBUG: '' })).toBe(false)
    expect(isDebugging({ HOOKBENCH_DEBUG: '0' })).toBe(false)
    expect(isDebugging({ HOOKBENCH_DEBUG: '1' })).toBe(true)
  })
})

describe('an API host off loopback', () => {
  it.each(['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]', '::ffff:127.0.0.1'])(
    '%s is loopback',
    (host) => {
      expect(isLoopbackHost(host)).toBe(true)
    },
  )

  it.each(['0.0.0.0', '::', '192.168.1.5', 'my-laptop.local', '128.0.0.1'])('%s is not', (host) => {
    expect(isLoopbackHost(host)).toBe(false)
  })

  it('gets a one-line warning', () => {
    const warning = exposedApiWarning('0.0.0.0')
    expect(warning).not.toContain('\n')
    expect(warning).toMatch(/0\.0\.0\.0 \(every network interface\).*reachable from the network.*token/)
  })
})
