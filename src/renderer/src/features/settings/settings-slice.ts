import type { Api } from '../../../../shared/contract/index.ts'
import type {
  RetentionKind,
  RetentionLimit,
  Settings,
  StorageStats,
  Theme,
} from '../../../../shared/settings.ts'
import { toErrorBody } from '../../api/api-error.ts'
import type { Loadable, SaveState, SliceCreator } from '../../state/slice.ts'
import { applyTheme } from '../../state/theme.ts'

export type RetentionPatch = Partial<Record<RetentionKind, RetentionLimit>>

export interface SettingsSlice {
  settings: Loadable<Settings>
  storage: Loadable<StorageStats>
  themeSave: SaveState
  retentionSave: SaveState
  binCreationSave: SaveState
  /** Loads the settings and applies their theme; a call while one is in flight is a no-op. */
  loadSettings: () => Promise<void>
  /** Applies the theme at once, then stores it; a refused change puts the previous theme back. */
  setTheme: (theme: Theme) => Promise<void>
  /** Stores new limits for some kinds; on a refusal the error names the fields (details.issues). */
  saveRetention: (patch: RetentionPatch) => Promise<void>
  /** Forgets the last save result, e.g. when the user edits the form again. */
  resetRetentionSave: () => void
  /** Stores whether bins are created on first use and how many at most. */
  saveBinCreation: (patch: BinCreationPatch) => Promise<void>
  loadStorage: () => Promise<void>
}

export type BinCreationPatch = Partial<Pick<Settings, 'auto_create_bins' | 'max_auto_created_bins'>>

const idleSave: SaveState = { status: 'idle', error: null }

export function createSettingsSlice(api: Api): SliceCreator<SettingsSlice> {
  return (set, get) => {
    const storeSettings = (value: Settings) => {
      applyTheme(value.theme)
      set((state) => ({ settings: { ...state.settings, value, status: 'ready', error: null } }))
    }

    return {
      settings: { value: null, status: 'idle', error: null },
      storage: { value: null, status: 'idle', error: null },
      themeSave: idleSave,
      retentionSave: idleSave,
      binCreationSave: idleSave,

      loadSettings: async () => {
        if (get().settings.status === 'loading') return
        set((state) => ({ settings: { ...state.settings, status: 'loading', error: null } }))
        try {
          storeSettings(await api.getSettings({}))
        } catch (error) {
          set((state) => ({ settings: { ...state.settings, status: 'error', error: toErrorBody(error) } }))
        }
      },

      setTheme: async (theme) => {
        const current = get().settings.value
        if (!current || current.theme === theme) return
        storeSettings({ ...current, theme })
        set({ themeSave: { status: 'saving', error: null } })
        try {
          storeSettings(await api.updateSettings({ theme }))
          set({ themeSave: { status: 'saved', error: null } })
        } catch (error) {
          storeSettings(current)
          set({ themeSave: { status: 'error', error: toErrorBody(error) } })
        }
      },

      saveRetention: async (patch) => {
        if (get().retentionSave.status === 'saving') return
        set({ retentionSave: { status: 'saving', error: null } })
        try {
          storeSettings(await api.updateSettings({ retention: patch }))
          set({ retentionSave: { status: 'saved', error: null } })
        } catch (error) {
          set({ retentionSave: { status: 'error', error: toErrorBody(error) } })
        }
      },

      resetRetentionSave: () => {
        if (get().retentionSave.status !== 'idle') set({ retentionSave: idleSave })
      },

      saveBinCreation: async (patch) => {
        if (get().binCreationSave.status === 'saving') return
        set({ binCreationSave: { status: 'saving', error: null } })
        try {
          storeSettings(await api.updateSettings(patch))
          set({ binCreationSave: { status: 'saved', error: null } })
        } catch (error) {
          set({ binCreationSave: { status: 'error', error: toErrorBody(error) } })
        }
      },

      loadStorage: async () => {
        if (get().storage.status === 'loading') return
        set((state) => ({ storage: { ...state.storage, status: 'loading', error: null } }))
        try {
          const value = await api.getStorageStats({})
          set({ storage: { value, status: 'ready', error: null } })
        } catch (error) {
          set((state) => ({ storage: { ...state.storage, status: 'error', error: toErrorBody(error) } }))
        }
      },
    }
  }
}
