import { spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { type ServeProcess, spawnServe } from '../helpers/spawn-serve.ts'
import { tempDirsPerTest } from '../helpers/temp-dir.ts'

const tempDir = tempDirsPerTest()
const running: ServeProcess[] = []
afterEach(async () => {
  for (const serve of running.splice(0)) await serve.stop('SIGKILL')
})

async function start(args: string[]) {
  const serve = await spawnServe(args)
  running.push(serve)
  return serve
}

function runCli(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, ['src/cli/index.ts', ...args], {
    encoding: 'utf8',
    timeout: 15_000,
    env: { ...process.env, HOOKBENCH_DEBUG: '', ...env },
  })
}

describe('hookbench serve', () => {
  it('prints one readiness line, serves the API with its token, and exits 0 on SIGTERM', async () => {
    const dataDir = tempDir()
    const serve = await start(['--port', '0', '--api-port', '0', '--data-dir', dataDir])
    const { ready } = serve
    expect(ready.event).toBe('listening')
    expect(ready.receiver).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(ready.api).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(ready.token).toMatch(/^hb_[\w-]{43}$/)

    expect((await fetch(`${ready.api}/api/health`)).status).toBe(401)
    const health = await fetch(`${ready.api}/api/health`, {
      headers: { authorization: `Bearer ${ready.token}` },
    })
    expect(health.status).toBe(200)
    expect(await health.json()).toMatchObject({
      data_dir: dataDir,
      receiver_url: ready.receiver,
      api_url: ready.api,
    })
    expect((await fetch(`${ready.receiver}/`)).status).toBe(200)

    expect(await serve.stop('SIGTERM')).toBe(0)
    expect(serve.stderr()).toContain('stopped')
  })

  it('stops cleanly on SIGINT too, and uses the token it was given', async () => {
    const token = 'given-token-abcdefghijklmnop'
    const serve = await start(['--port', '0', '--api-port', '0', '--data-dir', tempDir(), '--token', token])
    expect(serve.ready.token).toBe(token)
    const health = await fetch(`${serve.ready.api}/api/health`, {
      headers: { authorization: `Bearer ${token}` },
    })
    expect(health.status).toBe(200)
    expect(await serve.stop('SIGINT')).toBe(0)
  })

  it('refuses bad options with exit code 2 and a message naming the option', () => {
    const result = spawnSync(process.execPath, ['src/cli/index.ts', 'serve', '--port', 'eighty'], {
      encoding: 'utf8',
    })
    expect(result.status).toBe(2)
    expect(result.stderr).toContain('port')
    const unknown = spawnSync(process.execPath, ['src/cli/index.ts', 'serve', '--colour'], {
      encoding: 'utf8',
    })
    expect(unknown.status).toBe(2)
    expect(unknown.stderr).toContain('--colour')
  })

  it('without a command prints the usage on stderr and exits 2; --help prints it on stdout, exit 0', () => {
    const none = runCli([])
    expect(none.status).toBe(2)
    expect(none.stdout).toBe('')
    expect(none.stderr).toMatch(/^hookbench: No command given\.\n\nUsage: hookbench <command>/)
    const help = runCli(['--help'])
    expect(help.status).toBe(0)
    expect(help.stdout).toMatch(/^Usage: hookbench <command>/)
    expect(help.stderr).toBe('')
  })

  it('names an unknown option plainly, followed by the usage', () => {
    const result = runCli(['serve', '--bogus'])
    expect(result.status).toBe(2)
    expect(result.stderr).toMatch(/^hookbench: Unknown option --bogus\.\n\nUsage: /)
  })

  it('exits 1 with two lines and no stack when the data folder is a file', () => {
    const file = join(tempDir(), 'a-file')
    writeFileSync(file, 'not a folder')
    const result = runCli(['serve', '--port', '0', '--api-port', '0', '--data-dir', file])
    expect(result.status).toBe(1)
    expect(result.stdout).toBe('')
    expect(result.stderr).toBe(
      `hookbench: cannot use ${file} as the data folder: it is a file, not a folder (EEXIST).\n` +
        'Move the file, or point --data-dir at another folder.\n',
    )
  })

  it('exits 1 with advice and no stack when --host is not an address of this machine', () => {
    // 192.0.2.0/24 is reserved for documentation (RFC 5737): never a local address.
    const args = [
      'serve',
      '--host',
      '192.0.2.1',
      '--port',
      '8787',
      '--api-port',
      '0',
      '--data-dir',
      tempDir(),
    ]
    const result = runCli(args)
    expect(result.status).toBe(1)
    expect(result.stderr).toBe(
      'hookbench: cannot listen on 192.0.2.1:8787 (the receiver): that address is not on this machine (EADDRNOTAVAIL).\n' +
        "Give --host one of this machine's addresses: 127.0.0.1, or 0.0.0.0 for all of them.\n",
    )
    const debug = runCli(args, { HOOKBENCH_DEBUG: '1' })
    expect(debug.status).toBe(1)
    expect(debug.stderr).toMatch(/EADDRNOTAVAIL[\s\S]*\n\s+at /)
  })

  it('warns on stderr when the API listens beyond loopback, and still prints a URL this machine opens', async () => {
    const serve = await start([
      '--port',
      '0',
      '--api-host',
      '0.0.0.0',
      '--api-port',
      '0',
      '--data-dir',
      tempDir(),
    ])
    expect(serve.ready.api).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    const health = await fetch(`${serve.ready.api}/api/health`, {
      headers: { authorization: `Bearer ${serve.ready.token}` },
    })
    expect(health.status).toBe(200)
    const warnings = serve
      .stderr()
      .split('\n')
      .filter((line) => line.includes('warning'))
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(/--api-host 0\.0\.0\.0 .*reachable from the network/)
    expect(await serve.stop('SIGTERM')).toBe(0)
  })

  it('does not warn while the API stays on loopback', async () => {
    const serve = await start(['--port', '0', '--api-port', '0', '--data-dir', tempDir()])
    expect(await serve.stop('SIGTERM')).toBe(0)
    expect(serve.stderr()).not.toContain('warning')
  })

  it('exits 1 with advice when the port is taken', async () => {
    const blocker = createServer()
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve))
    const port = (blocker.address() as { port: number }).port
    try {
      const result = spawnSync(
        process.execPath,
        ['src/cli/index.ts', 'serve', '--port', String(port), '--api-port', '0', '--data-dir', tempDir()],
        { encoding: 'utf8', timeout: 15_000 },
      )
      expect(result.status).toBe(1)
      expect(result.stderr).toBe(
        `hookbench: cannot listen on 127.0.0.1:${port} (the receiver): another program is using that port (EADDRINUSE).\n` +
          'Stop it, or pick another --port (0 picks any free port).\n',
      )
      expect(result.stdout).toBe('')
    } finally {
      blocker.close()
    }
  })
})

describe('bin/hookbench.js on a Node.js older than 22.12', () => {
  const tooOld = "data:text/javascript,Object.defineProperty(process.versions,'node',{value:'20.19.0'})"

  it('says which Node it needs instead of crashing inside a dependency', () => {
    const result = spawnSync(process.execPath, ['--import', tooOld, 'bin/hookbench.js', 'serve'], {
      encoding: 'utf8',
    })
    expect(result.status).toBe(1)
    expect(result.stderr).toBe('Hookbench needs Node.js 22.12 or newer (this is 20.19.0).\n')
  })

  it('lets 22.12 through', () => {
    const justNew = tooOld.replace('20.19.0', '22.12.0')
    const result = spawnSync(process.execPath, ['--import', justNew, 'bin/hookbench.js', '--version'], {
      encoding: 'utf8',
    })
    // The version, or (on a fresh checkout) the hint to build first: either way past the check.
    expect(`${result.stdout}${result.stderr}`).toMatch(/^\d+\.\d+\.\d+\n$|^hookbench: not built yet/)
  })

  // The system's own Node, where there is an old one (this machine's /usr/bin/node is 20).
  const systemNode = spawnSync('/usr/bin/node', ['-p', 'process.versions.node'], { encoding: 'utf8' })
  const [major = 0, minor = 0] = (systemNode.stdout ?? '').trim().split('.').map(Number)
  const oldSystemNode = systemNode.status === 0 && (major < 22 || (major === 22 && minor < 12))
  it.runIf(oldSystemNode)('really runs on that old Node and exits 1', () => {
    const result = spawnSync(
      '/usr/bin/node',
      ['bin/hookbench.js', 'serve', '--port', '0', '--api-port', '0'],
      {
        encoding: 'utf8',
        timeout: 15_000,
      },
    )
    expect(result.status).toBe(1)
    expect(result.stderr).toMatch(/^Hookbench needs Node\.js 22\.12 or newer \(this is \d+\.\d+\.\d+\)\.\n$/)
  })
})
