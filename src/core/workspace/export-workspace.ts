import type { z } from 'zod'
import type { Clock } from '../../shared/clock.ts'
import type { ExportWorkspaceInputSchema, WorkspaceDocument } from '../../shared/workspace.ts'
import { mapSealed } from '../secrets/redaction.ts'
import type { SecretBox } from '../secrets/secret-box.ts'
import type { ConfigStore } from '../store/config/config-store.ts'
import type { RecordLog } from '../store/log/record-log.ts'
import { type RecordKind, recordKinds } from '../store/record-store.ts'

export interface WorkspaceSources {
  config: ConfigStore
  secrets: SecretBox
  logs: Record<RecordKind, RecordLog<unknown>>
  clock: Clock
}

/**
 * The whole workspace as one JSON document. Secrets never leave sealed: they are exported as
 * `{"$secret": null}` unless the user explicitly opted in, and then as plaintext markers, because
 * the sealed form is bound to this machine's key and would be useless anywhere else.
 */
export async function exportWorkspace(
  sources: WorkspaceSources,
  options: z.output<typeof ExportWorkspaceInputSchema>,
): Promise<WorkspaceDocument> {
  const config = mapSealed(sources.config.read(), (sealed) => ({
    $secret: options.include_secrets ? sources.secrets.open(sealed) : null,
  })) as Record<string, unknown>
  const document: WorkspaceDocument = {
    format: 'hookbench-workspace',
    version: 1,
    exported_at: new Date(sources.clock.now()).toISOString(),
    includes: { history: options.include_history, secrets: options.include_secrets },
    config,
  }
  if (options.include_history) {
    const history = Object.fromEntries(recordKinds.map((kind) => [kind, []])) as unknown as Record<
      RecordKind,
      Array<{ id: string; at: number; value: unknown }>
    >
    for (const kind of recordKinds) {
      for await (const record of sources.logs[kind].scan('oldest')) {
        // Sealed values in records too (attempt and capture credentials) leave as markers: the
        // sealed form would not open on another machine.
        history[kind].push({
          ...record,
          value: mapSealed(record.value, (sealed) => ({
            $secret: options.include_secrets ? sources.secrets.open(sealed) : null,
          })),
        })
      }
    }
    document.history = history
  }
  return document
}
