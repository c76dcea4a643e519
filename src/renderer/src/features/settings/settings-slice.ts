import type { Api } from '../../../../shared/contract/index.ts'
import type {
  RetentionKind,
  RetentionLimit,
  Settings,
  StorageStats,
  Theme,
} from '../../../../shared/settings.ts'
import { loadInto, saveWith } from '../../state/loadable.ts'
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
    const store = { set, get }
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
        await loadInto(store, 'settings', async () => {
          const value = await api.getSettings({})
          applyTheme(value.theme)
          return { value }
        })
      },

      setTheme: async (theme) => {
        const current = get().settings.value
        if (!current || current.theme === theme) return
        storeSettings({ ...current, theme })
        await saveWith(store, 'themeSave', async () => {
          try {
            storeSettings(await api.updateSettings({ theme }))
          } catch (error) {
            storeSettings(current)
            throw error
          }
        })
      },

      saveRetention: async (patch) => {
        await saveWith(
          store,
          'retentionSave',
          async () => storeSettings(await api.updateSettings({ retention: patch })),
          {
            exclusive: true,
          },
        )
      },

      resetRetentionSave: () => {
        if (get().retentionSave.status !== 'idle') set({ retentionSave: idleSave })
      },

      saveBinCreation: async (patch) => {
        await saveWith(store, 'binCreationSave', async () => storeSettings(await api.updateSettings(patch)), {
          exclusive: true,
        })
      },

      loadStorage: async () => {
        await loadInto(store, 'storage', async () => ({ value: await api.getStorageStats({}) }))
      },
    }
  }
}
