import { create } from 'zustand'
import type { Api } from '../../../shared/contract/index.ts'
import { api, stream } from '../api/index.ts'
import type { EventStream } from '../api/stream.ts'
import { createAuthConfigsSlice } from './auth-configs-slice.ts'
import { createCatalogSlice } from './catalog-slice.ts'
import { createDashboardSlice } from './dashboard-slice.ts'
import { createEmulatorsSlice } from './emulators-slice.ts'
import { createEventsSlice } from './events-slice.ts'
import { createHealthSlice } from './health-slice.ts'
import { createInboxLiveSlice } from './inbox-live-slice.ts'
import { createInboxSlice } from './inbox-slice.ts'
import { createMessageDetailSlice } from './message-detail-slice.ts'
import { createMessageLiveSlice } from './message-live-slice.ts'
import { createMessagesSlice } from './messages-slice.ts'
import { createNavigationSlice } from './navigation-slice.ts'
import { createSettingsSlice } from './settings-slice.ts'
import type { AppState } from './slice.ts'
import { createSubscriptionsSlice } from './subscriptions-slice.ts'
import { createWorkspaceSlice } from './workspace-slice.ts'

export type { AuthConfigPayload } from './auth-configs-slice.ts'
export type {
  OAuthClientPayload,
  OAuthFailurePayload,
  QuicklySignClientPayload,
  RowAction,
} from './emulators-slice.ts'
export type { BinPayload, CaptureReplayState, ReplayPayload, RequestListState } from './inbox-slice.ts'
export { hrefOf, type Page, pages } from './navigation-slice.ts'
export type { Loadable, RetentionPatch, SaveState } from './settings-slice.ts'
export type { AppState, LoadStatus } from './slice.ts'
export type { EditorTarget, SubscriptionHealth, SubscriptionPayload } from './subscriptions-slice.ts'
export { applyTheme, cachedTheme } from './theme.ts'
export type {
  ExportOptions,
  ImportMode,
  WorkspaceExportState,
  WorkspaceImportState,
} from './workspace-slice.ts'

/** One store built from slices; the API is a parameter so a test can hand in a fake. */
export function createAppStore(client: Api, events: EventStream = { subscribe: () => () => {} }) {
  return create<AppState>()((...args) => ({
    ...createNavigationSlice(...args),
    ...createCatalogSlice(client)(...args),
    ...createHealthSlice(client)(...args),
    ...createSettingsSlice(client)(...args),
    ...createWorkspaceSlice(client)(...args),
    ...createEventsSlice(client)(...args),
    ...createMessagesSlice(client)(...args),
    ...createMessageDetailSlice(client)(...args),
    ...createMessageLiveSlice(events)(...args),
    ...createDashboardSlice(client)(...args),
    ...createSubscriptionsSlice(client)(...args),
    ...createAuthConfigsSlice(client)(...args),
    ...createInboxSlice(client)(...args),
    ...createInboxLiveSlice(events)(...args),
    ...createEmulatorsSlice(client)(...args),
  }))
}

export const useAppStore = createAppStore(api, stream)
