import type { Clock } from '../../shared/clock.ts'
import type { Handlers } from '../../shared/contract/index.ts'
import type { SecretBox } from '../secrets/secret-box.ts'
import type { ConfigStore } from '../store/config/config-store.ts'
import type { RecordLog } from '../store/log/record-log.ts'
import { type RecordKind, type RecordSchemas, type RecordStore, recordKinds } from '../store/record-store.ts'
import { exportWorkspace } from './export-workspace.ts'
import { importWorkspace } from './import-workspace.ts'

export interface WorkspaceDeps {
  /** Called after an import wrote history, so in-memory indexes pick it up. */
  afterImport?: () => Promise<void>
  dataDir: string
  config: ConfigStore
  secrets: SecretBox
  records: RecordStore<RecordSchemas>
  schemas: RecordSchemas
  clock: Clock
}

type WorkspaceHandlers = Pick<
  Handlers,
  'getSettings' | 'updateSettings' | 'getStorageStats' | 'exportWorkspace' | 'importWorkspace'
>

export function workspaceHandlers(deps: WorkspaceDeps): WorkspaceHandlers {
  const logs = deps.records.logs as Record<RecordKind, RecordLog<unknown>>
  const sources = { config: deps.config, secrets: deps.secrets, logs, clock: deps.clock }
  return {
    getSettings: async () => deps.config.read().settings,
    updateSettings: async (patch) => {
      const next = await deps.config.update((draft) => {
        if (patch.theme !== undefined) draft.settings.theme = patch.theme
        if (patch.notifications !== undefined) draft.settings.notifications = patch.notifications
        if (patch.auto_create_bins !== undefined) draft.settings.auto_create_bins = patch.auto_create_bins
        if (patch.max_auto_created_bins !== undefined) {
          draft.settings.max_auto_created_bins = patch.max_auto_created_bins
        }
        for (const kind of recordKinds) {
          const limit = patch.retention?.[kind]
          if (!limit) continue
          const current = draft.settings.retention[kind]
          draft.settings.retention[kind] = {
            max_age_days: limit.max_age_days === undefined ? current.max_age_days : limit.max_age_days,
            max_count: limit.max_count === undefined ? current.max_count : limit.max_count,
          }
        }
      })
      return next.settings
    },
    getStorageStats: async () => ({
      data_dir: deps.dataDir,
      secrets: deps.secrets.kind,
      kinds: {
        events: logs.events.storageStats(),
        messages: logs.messages.storageStats(),
        attempts: logs.attempts.storageStats(),
        requests: logs.requests.storageStats(),
        check_runs: logs.check_runs.storageStats(),
      },
    }),
    exportWorkspace: (input) => exportWorkspace(sources, input),
    importWorkspace: async (input) => {
      const result = await importWorkspace({ ...sources, schemas: deps.schemas }, input)
      await deps.afterImport?.()
      return result
    },
  }
}
