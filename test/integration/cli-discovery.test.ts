import { existsSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { runCli } from '../helpers/run-cli.ts'
import { type ServeProcess, spawnServe } from '../helpers/spawn-serve.ts'
import { tempDirsPerTest } from '../helpers/temp-dir.ts'

const tempDir = tempDirsPerTest()
const running: ServeProcess[] = []
afterEach(async () => {
  for (const serve of running.splice(0)) await serve.stop('SIGKILL')
})

const HINT = 'Start `hookbench serve` (or the desktop app), or pass --api and --token.'

/**
 * A config folder of its own, so that the CLI's default data folder ($XDG_CONFIG_HOME/Hookbench
 * on Linux) is a temp folder and "no flags" never reaches the developer's own workspace.
 */
function workspace() {
  const configHome = tempDir()
  return { configHome, dataDir: join(configHome, 'Hookbench') }
}

async function serveOn(dataDir: string) {
  const serve = await spawnServe(['--port', '0', '--api-port', '0', '--data-dir', dataDir])
  running.push(serve)
  return serve
}

// The default data folder is chosen by platform; XDG_CONFIG_HOME moves it on Linux only.
describe.runIf(process.platform === 'linux')(
  'finding a running Hookbench through <data dir>/api.json',
  () => {
    it('serve writes api.json (0600) while it runs, the CLI finds it with no flags, and it is gone after a clean stop', async () => {
      const { configHome, dataDir } = workspace()
      const serve = await serveOn(dataDir)
      const file = join(dataDir, 'api.json')
      expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
        api: serve.ready.api,
        receiver: serve.ready.receiver,
        token: serve.ready.token,
        pid: serve.child.pid,
      })
      expect(statSync(file).mode & 0o777).toBe(0o600)
      expect(statSync(dataDir).mode & 0o777).toBe(0o700)

      const found = await runCli(['export'], configHome)
      expect(found.stderr).toBe('')
      expect(found.status).toBe(0)
      expect(JSON.parse(found.stdout)).toMatchObject({ format: 'hookbench-workspace' })

      expect(await serve.stop('SIGTERM')).toBe(0)
      expect(existsSync(file)).toBe(false)
      const gone = await runCli(['export'], configHome)
      expect(gone.status).toBe(1)
      expect(gone.stdout).toBe('')
      expect(gone.stderr).toBe(
        `hookbench: no running Hookbench found: no --api, no HOOKBENCH_API, and ${file} does not exist.\n${HINT}\n`,
      )
    })

    it('a file left by a Hookbench that was killed is ignored, and says so', async () => {
      const { configHome, dataDir } = workspace()
      const serve = await serveOn(dataDir)
      const pid = serve.child.pid
      await serve.stop('SIGKILL')
      const file = join(dataDir, 'api.json')
      expect(existsSync(file)).toBe(true)
      const result = await runCli(['trigger', 'user.created'], configHome)
      expect(result.status).toBe(1)
      expect(result.stderr).toBe(
        `hookbench: no running Hookbench found: no --api, no HOOKBENCH_API, and ${file} was left by process ${pid}, which is no longer running.\n${HINT}\n`,
      )
    })

    it('nothing running at all: exit 1 with what was looked for and the hint', async () => {
      const { configHome, dataDir } = workspace()
      const result = await runCli(['replay', 'some-message'], configHome)
      expect(result.status).toBe(1)
      expect(result.stderr).toBe(
        `hookbench: no running Hookbench found: no --api, no HOOKBENCH_API, and ${join(dataDir, 'api.json')} does not exist.\n${HINT}\n`,
      )
    })
  },
)
