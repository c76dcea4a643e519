import type { z } from 'zod'
import { HookbenchError, invalidInput, issuesOf } from '../../shared/errors.ts'
import { REDACTED } from '../../shared/redacted.ts'
import {
  type ImportWorkspaceInputSchema,
  type ImportWorkspaceOutput,
  SecretMarkerSchema,
} from '../../shared/workspace.ts'
import { elementPath, mapSealed, memberPath } from '../secrets/redaction.ts'
import { type SecretBox, sealedKindOf } from '../secrets/secret-box.ts'
import { type Config, ConfigSchema } from '../store/config/schema.ts'
import { type RecordKind, recordKinds } from '../store/record-store.ts'
import type { WorkspaceSources } from './export-workspace.ts'

type ImportInput = z.output<typeof ImportWorkspaceInputSchema>
type KindCounts = Record<RecordKind, number>

const collections = ['subscriptions', 'auth_configs', 'bins', 'oauth_clients'] as const

/**
 * Imports an exported workspace. Everything is validated before anything is written: the
 * configuration against its schema, every history record against its kind's schema. A file that
 * fails validation changes nothing, and no import makes the workspace less complete than it was:
 * - a redacted secret (`{"$secret": null}`) keeps the value stored at the same place (same entity
 *   id, same field; for a header, the same name), in both modes; only where nothing is stored is
 *   it empty (never a sealed empty string, which would look set) and listed in `secrets_missing`;
 * - history is only added to: a record whose id is already here is kept as it is and counted in
 *   `history_skipped`, so a record whose secrets were redacted never replaces a complete one.
 */
export async function importWorkspace(
  sources: WorkspaceSources & { schemas: Record<RecordKind, z.ZodType> },
  input: ImportInput,
): Promise<ImportWorkspaceOutput> {
  const secrets: SecretsOutcome = { kept: [], missing: [] }
  const stored = storedSecretsByPath(sources.config.read())
  const incoming = sealMarkers(input.config, sources.secrets, {
    redacted(path) {
      const current = stored.get(path)
      if (current !== undefined) {
        secrets.kept.push(path)
        return current
      }
      secrets.missing.push(path)
      return ''
    },
    unopenable: refuseForeignSecret,
  })
  const parsedConfig = ConfigSchema.safeParse(incoming)
  if (!parsedConfig.success) throw invalidInput(parsedConfig.error, 'workspace configuration')

  const history = await validHistory(sources, input)
  for (const kind of recordKinds) {
    if (history.added[kind].length > 0) await sources.logs[kind].append(history.added[kind])
  }
  const hasSettings = Object.hasOwn(input.config, 'settings')
  await sources.config.update((draft) => applyConfig(draft, parsedConfig.data, input.mode, hasSettings))

  return {
    mode: input.mode,
    config: Object.fromEntries(collections.map((name) => [name, parsedConfig.data[name].length])),
    history: countsOf((kind) => history.added[kind].length),
    history_skipped: history.skipped,
    secrets_kept: secrets.kept,
    secrets_missing: secrets.missing,
  }
}

interface SecretsOutcome {
  kept: string[]
  missing: string[]
}

type ImportedRecord = { id: string; at: number; value: unknown }

/**
 * Every record of the file, validated; those whose id this workspace already holds are set aside.
 * A redacted value in a new record (or one sealed with a key this machine lacks) is `••••`: it is
 * not known here, and an empty string would claim the request was sent with an empty credential.
 */
const HISTORY_MARKERS: MarkerRules = { redacted: () => REDACTED, unopenable: () => REDACTED }

async function validHistory(
  sources: WorkspaceSources & { schemas: Record<RecordKind, z.ZodType> },
  input: ImportInput,
): Promise<{ added: Record<RecordKind, ImportedRecord[]>; skipped: KindCounts }> {
  const added = Object.fromEntries(recordKinds.map((kind) => [kind, []])) as unknown as Record<
    RecordKind,
    ImportedRecord[]
  >
  const skipped = countsOf(() => 0)
  for (const kind of recordKinds) {
    for (const [index, record] of (input.history?.[kind] ?? []).entries()) {
      const value = sealMarkers(record.value, sources.secrets, HISTORY_MARKERS)
      const parsed = sources.schemas[kind].safeParse(value)
      if (!parsed.success) {
        throw new HookbenchError(
          'bad_request',
          `history.${kind}[${index}] (id ${record.id}) is not a valid record.`,
          {
            issues: issuesOf(parsed.error).map((issue) => ({
              ...issue,
              path: prefixed(kind, index, issue.path),
            })),
          },
        )
      }
      if (sources.logs[kind].has(record.id)) {
        skipped[kind]++
        continue
      }
      added[kind].push({ id: record.id, at: record.at, value: parsed.data })
    }
  }
  return { added, skipped }
}

function countsOf(count: (kind: RecordKind) => number): KindCounts {
  return Object.fromEntries(recordKinds.map((kind) => [kind, count(kind)])) as KindCounts
}

/** Where a record's field is in the imported file: `history.messages.3.value.status`. */
function prefixed(kind: RecordKind, index: number, path: string): string {
  return ['history', kind, String(index), 'value', ...(path === '' ? [] : [path])].join('.')
}

/**
 * The sealed secrets of the current configuration by path, named as `sealMarkers` names the
 * markers of a file (entities by id, headers by name), so a redacted one finds its stored value.
 */
function storedSecretsByPath(config: Readonly<Config>): Map<string, string> {
  const stored = new Map<string, string>()
  mapSealed(config, (sealed, path) => stored.set(path, sealed))
  return stored
}

/** Merge keeps this workspace's settings unless the file carries settings of its own. */
function applyConfig(draft: Config, incoming: Config, mode: ImportInput['mode'], hasSettings: boolean): void {
  if (mode === 'replace') {
    Object.assign(draft, incoming)
    return
  }
  draft.subscriptions = mergeById(draft.subscriptions, incoming.subscriptions)
  draft.auth_configs = mergeById(draft.auth_configs, incoming.auth_configs)
  draft.bins = mergeById(draft.bins, incoming.bins)
  draft.oauth_clients = mergeById(draft.oauth_clients, incoming.oauth_clients)
  draft.emulator_clients.quicklysign = mergeById(
    draft.emulator_clients.quicklysign,
    incoming.emulator_clients.quicklysign,
  )
  if (hasSettings) draft.settings = incoming.settings
}

function mergeById<T extends { id: string }>(current: T[], incoming: T[]): T[] {
  const byId = new Map(current.map((item) => [item.id, item]))
  for (const item of incoming) byId.set(item.id, item)
  return [...byId.values()]
}

interface MarkerRules {
  /** What a redacted marker (`{"$secret": null}`) at `path` becomes. */
  redacted(path: string): string
  /** What an already sealed value that this machine cannot open becomes (it would never open here). */
  unopenable(path: string): string
}

/** Replaces every `{"$secret": …}` marker: plaintext is sealed with this machine's key. */
function sealMarkers(value: unknown, box: SecretBox, rules: MarkerRules, path = ''): unknown {
  if (typeof value === 'string') {
    if (sealedKindOf(value) === null) return value
    try {
      box.open(value)
      return value
    } catch {
      return rules.unopenable(path)
    }
  }
  const marker = SecretMarkerSchema.safeParse(value)
  if (marker.success) {
    return marker.data.$secret === null ? rules.redacted(path) : box.seal(marker.data.$secret)
  }
  if (Array.isArray(value)) {
    return value.map((item, index) => sealMarkers(item, box, rules, elementPath(path, item, index)))
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, sealMarkers(item, box, rules, memberPath(path, key))]),
    )
  }
  return value
}

/** A configuration must not take in a secret sealed elsewhere: every later use of it would fail. */
function refuseForeignSecret(path: string): never {
  const message =
    'is encrypted with another key: export with secrets included to move secrets between machines'
  throw new HookbenchError('bad_request', `Invalid input at "config.${path}": ${message}`, {
    issues: [{ path: `config.${path}`, message }],
  })
}
