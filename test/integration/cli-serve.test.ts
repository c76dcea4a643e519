import { spawnSync } from 'node:child_process'
import { createServer } from 'node:net'
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
      expect(result.stderr).toContain('cannot listen')
      expect(result.stdout).toBe('')
    } finally {
      blocker.close()
    }
  })
})
