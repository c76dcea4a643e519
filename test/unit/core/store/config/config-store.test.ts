import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openKeyFileBox } from '../../../../../src/core/secrets/key-file-box.ts'
import { type ConfigStore, openConfigStore } from '../../../../../src/core/store/config/config-store.ts'
import type { ConfigMigration } from '../../../../../src/core/store/config/migrations.ts'
import { defaultConfig } from '../../../../../src/core/store/config/schema.ts'
import { StoreError } from '../../../../../src/core/store/store-error.ts'
import { HookbenchError } from '../../../../../src/shared/errors.ts'
import { storedSubscription } from '../../../../helpers/stored-subscription.ts'
import { tempDirsPerTest } from '../../../../helpers/temp-dir.ts'

/** A minimal valid stored subscription. */
const subscription = (id: string) => storedSubscription(id)

const tempDir = tempDirsPerTest()

async function open(dataDir: string, migrations?: readonly ConfigMigration[]): Promise<ConfigStore> {
  const secretBox = await openKeyFileBox(dataDir)
  return openConfigStore(dataDir, migrations ? { secretBox, migrations } : { secretBox })
}

function configPath(dataDir: string): string {
  return join(dataDir, 'config.json')
}

function writeConfig(dataDir: string, value: unknown): Buffer {
  const bytes = Buffer.from(typeof value === 'string' ? value : JSON.stringify(value, null, 2))
  writeFileSync(configPath(dataDir), bytes)
  return bytes
}

async function openFailure(dataDir: string, migrations?: readonly ConfigMigration[]): Promise<StoreError> {
  const error = await open(dataDir, migrations).then(
    () => null,
    (caught: unknown) => caught,
  )
  if (!(error instanceof StoreError)) throw new Error(`expected a StoreError, got ${String(error)}`)
  return error
}

describe('config store: opening', () => {
  it('creates config.json with the defaults, readable only by the owner, in a fresh data dir', async () => {
    const dataDir = join(tempDir(), 'not-yet-created')
    const store = await open(dataDir)

    const onDisk = JSON.parse(readFileSync(configPath(dataDir), 'utf8'))
    expect(onDisk).toEqual(defaultConfig())
    expect(store.read()).toEqual(onDisk)
    expect(onDisk).toMatchObject({
      schema_version: 1,
      subscriptions: [],
      emulator_clients: { quicklysign: [] },
      settings: {
        theme: 'system',
        notifications: true,
        retention: { messages: { max_age_days: 30, max_count: 100_000 } },
      },
    })
    if (process.platform !== 'win32') expect(statSync(configPath(dataDir)).mode & 0o777).toBe(0o600)
  })

  it('opens a config.json from before check runs had a retention limit, with their default', async () => {
    const dataDir = tempDir()
    const limit = { max_age_days: 7, max_count: 10 }
    const retention = { events: limit, messages: limit, attempts: limit, requests: limit }
    writeConfig(dataDir, { schema_version: 1, settings: { retention } })

    const store = await open(dataDir)

    expect(store.read().settings.retention).toEqual({
      ...retention,
      check_runs: { max_age_days: 30, max_count: 1_000 },
    })
  })

  it('refuses a file that is not JSON, naming it, and leaves it byte-for-byte untouched', async () => {
    const dataDir = tempDir()
    const original = writeConfig(dataDir, '{"schema_version": 1, "subscriptions": [')

    const error = await openFailure(dataDir)

    expect(error.code).toBe('store_corrupt')
    expect(error.file).toBe(configPath(dataDir))
    expect(error.message).toContain(configPath(dataDir))
    expect(error.message).toMatch(/corrupt/)
    expect(error.message).toMatch(/did not touch it/)
    expect(readFileSync(configPath(dataDir)).equals(original)).toBe(true)
    // No temp file, backup or replacement was left beside it.
    expect(readdirSync(dataDir).filter((name) => name.includes('config.json'))).toEqual(['config.json'])
  })

  it('refuses a file without a schema_version as corrupt', async () => {
    const dataDir = tempDir()
    writeConfig(dataDir, { subscriptions: [] })

    const error = await openFailure(dataDir)

    expect(error.code).toBe('store_corrupt')
    expect(error.message).toContain('schema_version')
  })

  it('refuses a file written by a newer Hookbench, naming the file and both versions', async () => {
    const dataDir = tempDir()
    const original = writeConfig(dataDir, { ...defaultConfig(), schema_version: 2 })

    const error = await openFailure(dataDir)

    expect(error.code).toBe('store_too_new')
    expect(error.message).toContain(configPath(dataDir))
    expect(error.message).toMatch(/newer Hookbench \(schema version 2; this build reads up to version 1\)/)
    expect(error.message).toMatch(/upgrade Hookbench, or point --data-dir elsewhere/)
    expect(readFileSync(configPath(dataDir)).equals(original)).toBe(true)
  })

  it('refuses an invalid field, naming the file and the field path', async () => {
    const dataDir = tempDir()
    const config = defaultConfig()
    const original = writeConfig(dataDir, { ...config, settings: { ...config.settings, theme: 'neon' } })

    const error = await openFailure(dataDir)

    expect(error.code).toBe('store_corrupt')
    expect(error.message).toContain(configPath(dataDir))
    expect(error.message).toContain('field "settings.theme"')
    expect(readFileSync(configPath(dataDir)).equals(original)).toBe(true)
  })

  it('names an unknown key rather than silently dropping it', async () => {
    const dataDir = tempDir()
    const config = defaultConfig()
    writeConfig(dataDir, { ...config, settings: { ...config.settings, colour: 'red' } })

    const error = await openFailure(dataDir)

    expect(error.message).toContain('field "settings.colour"')
  })
})

describe('config store: migrations', () => {
  // Version 0 called the theme setting "colour_scheme".
  const renameColourScheme: ConfigMigration = {
    from: 0,
    migrate: ({ colour_scheme, ...rest }) => ({ ...rest, settings: { theme: colour_scheme } }),
  }
  const versionZero = { schema_version: 0, colour_scheme: 'dark' }

  it('backs up the original as config.json.v0.bak, runs the migration and writes the result back', async () => {
    const dataDir = tempDir()
    const original = writeConfig(dataDir, versionZero)

    const store = await open(dataDir, [renameColourScheme])

    expect(store.read().settings.theme).toBe('dark')
    expect(readFileSync(`${configPath(dataDir)}.v0.bak`).equals(original)).toBe(true)
    const written = JSON.parse(readFileSync(configPath(dataDir), 'utf8'))
    expect(written.schema_version).toBe(1)
    expect(written.settings.theme).toBe('dark')
    expect(written).not.toHaveProperty('colour_scheme')

    // The written-back file opens with the shipped (empty) migration list.
    const reopened = await open(dataDir)
    expect(reopened.read()).toEqual(store.read())
  })

  it('never overwrites an earlier, different backup', async () => {
    const dataDir = tempDir()
    writeFileSync(`${configPath(dataDir)}.v0.bak`, 'an older backup')
    const original = writeConfig(dataDir, versionZero)

    await open(dataDir, [renameColourScheme])

    expect(readFileSync(`${configPath(dataDir)}.v0.bak`, 'utf8')).toBe('an older backup')
    expect(readFileSync(`${configPath(dataDir)}.v0.1.bak`).equals(original)).toBe(true)
  })

  it('refuses an old version it has no migration for, and writes nothing', async () => {
    const dataDir = tempDir()
    const original = writeConfig(dataDir, versionZero)

    const error = await openFailure(dataDir)

    expect(error.code).toBe('store_corrupt')
    expect(error.message).toContain('schema version 0 has no migration')
    expect(readFileSync(configPath(dataDir)).equals(original)).toBe(true)
    expect(readdirSync(dataDir).filter((name) => name.includes('config.json'))).toEqual(['config.json'])
  })

  it('refuses a migration result that does not validate, keeping the original and its backup', async () => {
    const dataDir = tempDir()
    const original = writeConfig(dataDir, versionZero)
    const broken: ConfigMigration = { from: 0, migrate: () => ({ bins: 'none' }) }

    const error = await openFailure(dataDir, [broken])

    expect(error.code).toBe('store_corrupt')
    expect(error.message).toContain('field "bins"')
    expect(readFileSync(configPath(dataDir)).equals(original)).toBe(true)
    expect(readFileSync(`${configPath(dataDir)}.v0.bak`).equals(original)).toBe(true)
  })
})

describe('config store: updates', () => {
  const inboxBin = {
    id: 'bin_1',
    name: 'inbox',
    description: '',
    response: { status: 200, headers: {}, body: { ok: true }, delay_ms: 0 },
    verify: { enforce: false },
    forward_to: null,
    auto_created: false,
    created_at: '2026-11-24T10:00:00.000Z',
    modified_at: '2026-11-24T10:00:00.000Z',
  }

  it('is durable: a reopened store sees the change', async () => {
    const dataDir = tempDir()
    const store = await open(dataDir)

    const result = await store.update((draft) => {
      draft.settings.theme = 'dark'
      draft.bins.push(inboxBin)
    })

    expect(result.settings.theme).toBe('dark')
    expect(store.read().bins).toEqual([inboxBin])
    const reopened = await open(dataDir)
    expect(reopened.read().settings.theme).toBe('dark')
    expect(reopened.read().bins).toEqual([inboxBin])
  })

  it('rejects an invalid change with bad_request and changes neither memory nor the file', async () => {
    const dataDir = tempDir()
    const store = await open(dataDir)
    const before = readFileSync(configPath(dataDir))
    const inMemory = structuredClone(store.read())

    const error = await store
      .update((draft) => {
        draft.subscriptions.push(subscription('sub_1'))
        ;(draft.settings.retention.events as { max_count: unknown }).max_count = 'lots'
      })
      .catch((caught: unknown) => caught)

    expect(error).toBeInstanceOf(HookbenchError)
    expect(error).toMatchObject({ code: 'bad_request' })
    expect((error as Error).message).toContain('settings.retention.events.max_count')
    expect(store.read()).toEqual(inMemory)
    expect(readFileSync(configPath(dataDir)).equals(before)).toBe(true)

    // A failed update does not block the queue behind it.
    await store.update((draft) => {
      draft.settings.notifications = false
    })
    expect(store.read().settings.notifications).toBe(false)
  })

  it('serializes concurrent updates: 20 updates each adding one item all land', async () => {
    const dataDir = tempDir()
    const store = await open(dataDir)

    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        store.update(async (draft) => {
          await new Promise((resolve) => setTimeout(resolve, i % 3))
          draft.subscriptions.push(subscription(`sub_${i}`))
        }),
      ),
    )

    const ids = (s: ConfigStore) => s.read().subscriptions.map((sub) => sub.id)
    const expected = Array.from({ length: 20 }, (_, i) => `sub_${i}`)
    expect(ids(store)).toEqual(expected)
    expect(ids(await open(dataDir))).toEqual(expected)
  })

  it('hands out a frozen state, so it cannot be changed behind the store’s back', async () => {
    const store = await open(tempDir())

    expect(() => {
      ;(store.read().settings as { theme: string }).theme = 'dark'
    }).toThrow(TypeError)
    expect(store.read().settings.theme).toBe('system')
  })

  it('tells subscribers about each written change; a throwing one neither fails the update nor stops others', async () => {
    const store = await open(tempDir())
    const seen: string[] = []
    store.subscribe(() => {
      throw new Error('a broken listener')
    })
    const stop = store.subscribe((config) => seen.push(config.settings.theme))
    await store.update((draft) => {
      draft.settings.theme = 'dark'
    })
    stop()
    await store.update((draft) => {
      draft.settings.theme = 'light'
    })
    expect(seen).toEqual(['dark'])
    expect(store.read().settings.theme).toBe('light')
  })
})
