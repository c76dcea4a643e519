import { create } from 'zustand'
import type { Api } from '../../../shared/contract/index.ts'
import { api } from '../api/index.ts'
import { createCatalogSlice } from './catalog-slice.ts'
import { createHealthSlice } from './health-slice.ts'
import { createNavigationSlice } from './navigation-slice.ts'
import { createSettingsSlice } from './settings-slice.ts'
import type { AppState } from './slice.ts'
import { createWorkspaceSlice } from './workspace-slice.ts'

export { hrefOf, type Page, pages } from './navigation-slice.ts'
export type { Loadable, RetentionPatch, SaveState } from './settings-slice.ts'
export type { AppState, LoadStatus } from './slice.ts'
export { applyTheme, cachedTheme } from './theme.ts'
export type {
  ExportOptions,
  ImportMode,
  WorkspaceExportState,
  WorkspaceImportState,
} from './workspace-slice.ts'

/** One store built from slices; the API is a parameter so a test can hand in a fake. */
export function createAppStore(client: Api) {
  return create<AppState>()((...args) => ({
    ...createNavigationSlice(...args),
    ...createCatalogSlice(client)(...args),
    ...createHealthSlice(client)(...args),
    ...createSettingsSlice(client)(...args),
    ...createWorkspaceSlice(client)(...args),
  }))
}

export const useAppStore = createAppStore(api)
