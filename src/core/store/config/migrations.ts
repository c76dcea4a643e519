import { open, readFile, rm } from 'node:fs/promises'
import { dirname } from 'node:path'
import type { z } from 'zod'
import { fsyncDirectory } from '../atomic-write.ts'
import { StoreError } from '../store-error.ts'
import { type Config, ConfigSchema } from './schema.ts'

/** The version this build reads and writes; typed from the schema so the two cannot drift apart. */
export const CONFIG_SCHEMA_VERSION: Config['schema_version'] = 1

export type RawConfig = Record<string, unknown>

export interface ConfigMigration {
  /** The schema version this step reads; it produces version `from + 1` (the runner stamps it). */
  from: number
  migrate(raw: RawConfig): RawConfig
}

/** Ordered oldest first. Empty while version 1 is the only one that ever shipped. */
export const configMigrations: readonly ConfigMigration[] = []

export interface DecodedConfig {
  config: Config
  /** The file's version before migration (so the caller must write the result back), or null. */
  migratedFrom: number | null
  /** Where the pre-migration copy was put, or null when nothing was migrated. */
  backupPath: string | null
}

export interface DecodeConfigOptions {
  /** Tests only: a migration list other than the shipped one, to prove the mechanism. */
  migrations?: readonly ConfigMigration[]
}

/**
 * Turns the parsed contents of `path` into a valid current Config: refuses corrupt or newer files,
 * migrates older ones (after copying the original aside), then validates with the schema.
 */
export async function decodeConfig(
  raw: unknown,
  path: string,
  options: DecodeConfigOptions = {},
): Promise<DecodedConfig> {
  const object = asObject(raw, path)
  const version = schemaVersionOf(object, path)
  if (version > CONFIG_SCHEMA_VERSION) throw StoreError.tooNew(path, version, CONFIG_SCHEMA_VERSION)

  let current = object
  let backupPath: string | null = null
  if (version < CONFIG_SCHEMA_VERSION) {
    const steps = planMigrations(version, options.migrations ?? configMigrations, path)
    backupPath = await backUpOriginal(path, version)
    current = runMigrations(current, steps, path, backupPath)
  }

  const parsed = ConfigSchema.safeParse(current)
  if (!parsed.success) throw StoreError.corrupt(path, describeFirstIssue(parsed.error))
  return { config: parsed.data, migratedFrom: backupPath === null ? null : version, backupPath }
}

function asObject(raw: unknown, path: string): RawConfig {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw StoreError.corrupt(path, 'it does not hold a JSON object')
  }
  return raw as RawConfig
}

function schemaVersionOf(raw: RawConfig, path: string): number {
  const version = raw.schema_version
  if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 0) {
    throw StoreError.corrupt(path, '"schema_version" is missing or is not a whole number')
  }
  return version
}

/** Finds every step up front, so a gap is reported before anything (even a backup) is written. */
function planMigrations(
  from: number,
  migrations: readonly ConfigMigration[],
  path: string,
): ConfigMigration[] {
  const steps: ConfigMigration[] = []
  for (let version = from; version < CONFIG_SCHEMA_VERSION; version++) {
    const step = migrations.find((migration) => migration.from === version)
    if (!step) {
      throw StoreError.corrupt(path, `schema version ${version} has no migration in this build`)
    }
    steps.push(step)
  }
  return steps
}

function runMigrations(
  raw: RawConfig,
  steps: ConfigMigration[],
  path: string,
  backupPath: string,
): RawConfig {
  let current = raw
  for (const step of steps) {
    try {
      current = { ...step.migrate(current), schema_version: step.from + 1 }
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error)
      throw StoreError.corrupt(
        path,
        `migrating it from schema version ${step.from} failed (${reason}); a copy is at ${backupPath}`,
      )
    }
  }
  return current
}

/**
 * Copies the file, as it is on disk, to `<file>.v<N>.bak` so the user can go back to the older
 * Hookbench. The copy is fsynced before the migrated file may replace the original. An existing
 * backup is never overwritten: an identical one is reused, a different one gets a numbered sibling.
 */
async function backUpOriginal(path: string, version: number): Promise<string> {
  const original = await readFile(path)
  for (let n = 0; ; n++) {
    const candidate = n === 0 ? `${path}.v${version}.bak` : `${path}.v${version}.${n}.bak`
    try {
      await writeNewFileDurably(candidate, original)
      return candidate
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      if ((await readFile(candidate)).equals(original)) return candidate
    }
  }
}

async function writeNewFileDurably(path: string, data: Buffer): Promise<void> {
  const handle = await open(path, 'wx', 0o600)
  try {
    await handle.writeFile(data)
    await handle.sync()
  } catch (error) {
    await handle.close()
    await rm(path, { force: true })
    throw error
  }
  await handle.close()
  await fsyncDirectory(dirname(path))
}

/** Names the first offending field, e.g. `field "settings.theme": Invalid option …`. */
export function describeFirstIssue(error: z.ZodError): string {
  const issue = error.issues[0]
  if (!issue) return 'it does not match the configuration schema'
  // An unknown key is reported on its parent; name the key itself so the user can find it.
  const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0] ?? ''] : issue.path
  const where = path.length === 0 ? 'the top level' : `field "${path.map(String).join('.')}"`
  return `${where}: ${issue.message}`
}
