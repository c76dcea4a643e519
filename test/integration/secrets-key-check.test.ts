import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openCore } from '../../src/core/index.ts'
import { inProcessApi } from '../../src/core/invoke.ts'
import { openKeyFileBox } from '../../src/core/secrets/key-file-box.ts'
import { checkStoredSecrets } from '../../src/core/secrets/stored-secrets-check.ts'
import { StoreError } from '../../src/core/store/store-error.ts'
import { tempDirsPerTest } from '../helpers/temp-dir.ts'

const tempDir = tempDirsPerTest()

/** A headless data folder whose configuration holds two sealed secrets. */
async function dataFolderWithSecrets(): Promise<string> {
  const dataDir = tempDir()
  const core = await openCore({ dataDir, mode: 'headless', version: 'test' })
  const h = inProcessApi(core.handlers)
  await h.createAuthConfig({ auth_type: 'BASIC_AUTH', key: 'user', secret: 'pw-1' })
  await h.createSubscription({ name: 'Signed', url: 'http://127.0.0.1:9/x', signing: {} })
  await core.close()
  return dataDir
}

function serve(dataDir: string) {
  return spawnSync(
    process.execPath,
    ['src/cli/index.ts', 'serve', '--port', '0', '--api-port', '0', '--data-dir', dataDir],
    { encoding: 'utf8', timeout: 15_000, env: { ...process.env, HOOKBENCH_DEBUG: '' } },
  )
}

const whatToDo =
  'Put back the secrets.key that belongs with this data folder (from the machine or backup it came from), ' +
  'or run `hookbench export --secrets` there and import the file into a new data folder here. ' +
  'Hookbench changed nothing.'

describe('the secrets key is checked against the stored secrets at start', () => {
  it('hookbench serve with another secrets.key: exits 1 with two lines naming the key file, changes nothing', async () => {
    const dataDir = await dataFolderWithSecrets()
    const keyPath = join(dataDir, 'secrets.key')
    const configPath = join(dataDir, 'config.json')
    writeFileSync(keyPath, randomBytes(32), { mode: 0o600 })
    const config = readFileSync(configPath, 'utf8')

    const result = serve(dataDir)
    expect(result.status).toBe(1)
    expect(result.stdout).toBe('')
    expect(result.stderr).toBe(
      `hookbench: ${keyPath} cannot decrypt the 2 secrets in ${configPath}: it is another machine's or data folder's key, or it is damaged.\n${whatToDo}\n`,
    )
    expect(readFileSync(configPath, 'utf8')).toBe(config)
  })

  it('a data folder copied without its secrets.key: refused, and no new key is left behind', async () => {
    const dataDir = await dataFolderWithSecrets()
    const keyPath = join(dataDir, 'secrets.key')
    const rightKey = readFileSync(keyPath)
    rmSync(keyPath)

    const refused = await openCore({ dataDir, mode: 'headless', version: 'test' }).catch((e: unknown) => e)
    expect(refused).toBeInstanceOf(StoreError)
    expect((refused as StoreError).message).toBe(
      `There was no secrets.key in ${dataDir}, but ${join(dataDir, 'config.json')} holds secrets encrypted with one: the data folder was copied without it.\n` +
        whatToDo,
    )
    expect(existsSync(keyPath)).toBe(false)

    // Putting the right key back is all it takes.
    writeFileSync(keyPath, rightKey, { mode: 0o600 })
    const core = await openCore({ dataDir, mode: 'headless', version: 'test' })
    const [auth] = (await inProcessApi(core.handlers).listAuthConfigs({ reveal: true })).items
    expect(auth?.secret).toBe('pw-1')
    await core.close()
  })

  it('one damaged value among good ones is not the key: start goes on and a warning names it', async () => {
    const dataDir = tempDir()
    const box = await openKeyFileBox(dataDir)
    const good = box.seal('fine')
    const damaged = `${good.slice(0, -4)}AAAA`
    const warnings: string[] = []
    await checkStoredSecrets({ a: [{ id: 'x', secret: good }], b: { secret: damaged } }, box, {
      dataDir,
      configPath: join(dataDir, 'config.json'),
      keyFileCreated: false,
      warn: (message) => warnings.push(message),
    })
    expect(warnings).toEqual([
      `1 secret in ${join(dataDir, 'config.json')} cannot be decrypted (damaged?): b.secret. Enter it again.`,
    ])
  })
})
