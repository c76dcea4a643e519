import type { z } from 'zod'
import { HookbenchError, invalidInput, issuesOf } from '../../../shared/errors.ts'
import {
  type ImportWorkspaceInputSchema,
  type ImportWorkspaceOutput,
  SecretMarkerSchema,
} from '../../../shared/workspace.ts'
import { elementPath, memberPath } from '../secrets/redaction.ts'
import type { SecretBox } from '../secrets/secret-box.ts'
import { type Config, ConfigSchema } from '../store/config/schema.ts'
import { type RecordKind, recordKinds } from '../store/record-store.ts'
import type { WorkspaceSources } from './export-workspace.ts'

type ImportInput = z.output<typeof ImportWorkspaceInputSchema>

const collections = ['subscriptions', 'auth_configs', 'bins', 'oauth_clients'] as const

/**
 * Imports an exported workspace. Everything is validated before anything is written: the
 * configuration against its schema, every history record against its kind's schema. A file that
 * fails validation changes nothing.
 */
export async function importWorkspace(
  sources: WorkspaceSources & { schemas: Record<RecordKind, z.ZodType> },
  input: ImportInput,
): Promise<ImportWorkspaceOutput> {
  const secretsMissing: string[] = []
  const incoming = sealMarkers(input.config, sources.secrets, secretsMissing)
  const parsedConfig = ConfigSchema.safeParse(incoming)
  if (!parsedConfig.success) throw invalidInput(parsedConfig.error, 'workspace configuration')

  const history: Record<RecordKind, Array<{ id: string; at: number; value: unknown }>> = {
    events: [],
    messages: [],
    attempts: [],
    requests: [],
  }
  for (const kind of recordKinds) {
    for (const [index, record] of (input.history?.[kind] ?? []).entries()) {
      const value = sealMarkers(
        record.value,
        sources.secrets,
        secretsMissing,
        `history.${kind}[id=${record.id}]`,
      )
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
      history[kind].push({ id: record.id, at: record.at, value: parsed.data })
    }
  }

  for (const kind of recordKinds) {
    if (history[kind].length > 0) await sources.logs[kind].append(history[kind])
  }
  const hasSettings = Object.hasOwn(input.config, 'settings')
  await sources.config.update((draft) => applyConfig(draft, parsedConfig.data, input.mode, hasSettings))

  return {
    mode: input.mode,
    config: Object.fromEntries(collections.map((name) => [name, parsedConfig.data[name].length])),
    history: Object.fromEntries(recordKinds.map((kind) => [kind, history[kind].length])),
    secrets_missing: secretsMissing,
  }
}

/** Where a record's field is in the imported file: `history.messages.3.value.status`. */
function prefixed(kind: RecordKind, index: number, path: string): string {
  return ['history', kind, String(index), 'value', ...(path === '' ? [] : [path])].join('.')
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

/** Replaces every `{"$secret": …}` marker: plaintext is sealed with this machine's key; null becomes empty. */
function sealMarkers(value: unknown, box: SecretBox, missing: string[], path = ''): unknown {
  const marker = SecretMarkerSchema.safeParse(value)
  if (marker.success) {
    if (marker.data.$secret === null) {
      missing.push(path)
      return ''
    }
    return box.seal(marker.data.$secret)
  }
  if (Array.isArray(value)) {
    return value.map((item, index) => sealMarkers(item, box, missing, elementPath(path, item, index)))
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [
        key,
        sealMarkers(item, box, missing, memberPath(path, key)),
      ]),
    )
  }
  return value
}
