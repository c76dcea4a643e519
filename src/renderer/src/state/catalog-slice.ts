import type { Profile } from '../../../shared/catalog/schema.ts'
import type { Api } from '../../../shared/contract/index.ts'
import type { ErrorBody } from '../../../shared/errors.ts'
import { loadInto } from './loadable.ts'
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
      await loadInto({ set, get }, 'catalog', async () => {
        const { profiles } = await api.listEventTypes({})
        return { profiles }
      })
    },
  })
}
