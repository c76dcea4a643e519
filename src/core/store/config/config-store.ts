import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { Low } from 'lowdb'
import { invalidInput } from '../../../shared/errors.ts'
import { findTooDeep, MAX_STORED_JSON_DEPTH, tooDeepError } from '../../../shared/json-depth.ts'
import type { SecretBox } from '../../secrets/secret-box.ts'
import { DurableJsonAdapter } from './durable-json-adapter.ts'
import { type ConfigMigration, type DecodedConfig, decodeConfig } from './migrations.ts'
import { type Config, ConfigSchema, defaultConfig } from './schema.ts'

export const CONFIG_FILE_NAME = 'config.json'

export interface ConfigStoreOptions {
  /** Handed on to the code that seals and opens secret fields before they reach the config. */
  secretBox: SecretBox
  /** Tests only: a migration list other than the shipped one. */
  migrations?: readonly ConfigMigration[]
}

export interface ConfigStore {
  readonly path: string
  readonly secrets: SecretBox
  /** The current configuration, from memory. Deep-frozen: change it only through `update`. */
  read(): Readonly<Config>
  /**
   * Applies `mutator` to a copy, validates it, writes it durably, then makes it current. Updates
   * run one after another, so concurrent callers never lose each other's changes; each promise
   * resolves once its own change is on disk. An invalid result throws 'bad_request' and changes
   * nothing in memory or on disk.
   */
  update(mutator: (draft: Config) => void | Promise<void>): Promise<Config>
  /** Calls `listener` after each update is on disk and current; answers a function that stops it. */
  subscribe(listener: (config: Readonly<Config>) => void): () => void
}

/**
 * Opens `<dataDir>/config.json`: creates it with defaults in a fresh data dir, migrates and writes
 * back an older one, and refuses a corrupt or newer one with a StoreError naming the file.
 */
export async function openConfigStore(dataDir: string, options: ConfigStoreOptions): Promise<ConfigStore> {
  await mkdir(dataDir, { recursive: true, mode: 0o700 })
  const path = join(dataDir, CONFIG_FILE_NAME)
  // The decoder reports what it found, so opening can tell a fresh data dir from a migrated file.
  const found: { file: DecodedConfig | null } = { file: null }
  const adapter = new DurableJsonAdapter<Config>(path, async (raw) => {
    const decoded = await decodeConfig(
      raw,
      path,
      options.migrations ? { migrations: options.migrations } : {},
    )
    found.file = decoded
    return decoded.config
  })
  const db = new Low<Config>(adapter, defaultConfig())
  await db.read()
  // A fresh data dir gets its file now, and a migrated one is written back (its .bak is on disk).
  if (found.file === null || found.file.migratedFrom !== null) await db.write()
  deepFreeze(db.data)

  let queue: Promise<unknown> = Promise.resolve()
  const listeners = new Set<(config: Readonly<Config>) => void>()

  async function apply(mutator: (draft: Config) => void | Promise<void>): Promise<Config> {
    const draft = structuredClone(db.data)
    await mutator(draft)
    // Measured without recursion first: the schema, the clone and the freeze below all recurse.
    const tooDeep = findTooDeep(draft, MAX_STORED_JSON_DEPTH)
    if (tooDeep) throw tooDeepError(tooDeep, 'The configuration')
    const parsed = ConfigSchema.safeParse(draft)
    if (!parsed.success) throw invalidInput(parsed.error, 'configuration')
    // Everything that can still fail runs before the write: once the file is replaced, the update
    // must not answer an error (a value that was stored but reported as refused, and that made
    // every later update fail, is how a too-deep template once poisoned the configuration).
    const answer = structuredClone(parsed.data)
    const next = deepFreeze(parsed.data)
    await adapter.write(next)
    db.data = next
    // The change is on disk and current: a listener that throws must not make it look failed.
    for (const listener of listeners) {
      try {
        listener(db.data)
      } catch (error) {
        console.error('[hookbench] a configuration listener failed:', error)
      }
    }
    return answer
  }

  return {
    path,
    secrets: options.secretBox,
    read: () => db.data,
    update(mutator) {
      const result = queue.then(() => apply(mutator))
      // One failed update must not block the ones queued behind it.
      queue = result.catch(() => {})
      return result
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const child of Object.values(value)) deepFreeze(child)
  }
  return value
}
