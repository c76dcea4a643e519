import type { Profile } from '../../../shared/catalog/schema.ts'
import type { Api } from '../../../shared/contract/index.ts'
import type { ErrorBody } from '../../../shared/errors.ts'
import { toErrorBody } from '../api/api-error.ts'
import type { LoadStatus, SliceCreator } from './slice.ts'

export interface CatalogState {
  profiles: Profile[]
  status: LoadStatus
  error: ErrorBody | null
}

export interface CatalogSlice {
  catalog: CatalogState
  /** Loads the event catalog of every emulated system; a call while one is in flight is a no-op. */
  loadCatalog: () => Promise<void>
}

export function createCatalogSlice(api: Api): SliceCreator<CatalogSlice> {
  return (set, get) => ({
    catalog: { profiles: [], status: 'idle', error: null },
    loadCatalog: async () => {
      if (get().catalog.status === 'loading') return
      set((state) => ({ catalog: { ...state.catalog, status: 'loading', error: null } }))
      try {
        const { profiles } = await api.listEventTypes({})
        set({ catalog: { profiles, status: 'ready', error: null } })
      } catch (error) {
        set((state) => ({ catalog: { ...state.catalog, status: 'error', error: toErrorBody(error) } }))
      }
    },
  })
}
