import { create } from 'zustand'
import type { Api } from '../../../shared/contract/index.ts'
import { api, stream } from '../api/index.ts'
import type { EventStream } from '../api/stream.ts'
import { createAuthConfigsSlice } from '../features/auth-configs/auth-configs-slice.ts'
import { createCheckRunSlice } from '../features/checks/check-run-slice.ts'
import { createChecksSlice } from '../features/checks/checks-slice.ts'
import { createEventsSlice } from '../features/events/events-slice.ts'
import { createInboxLiveSlice } from '../features/inbox/inbox-live-slice.ts'
import { createInboxSlice } from '../features/inbox/inbox-slice.ts'
import { createDashboardSlice } from '../features/messages/dashboard-slice.ts'
import { createMessageDetailSlice } from '../features/messages/message-detail-slice.ts'
import { createMessageLiveSlice } from '../features/messages/message-live-slice.ts'
import { createMessagesSlice } from '../features/messages/messages-slice.ts'
import { createEmulatorsSlice } from '../features/settings/emulators-slice.ts'
import { createSettingsSlice } from '../features/settings/settings-slice.ts'
import { createWorkspaceSlice } from '../features/settings/workspace-slice.ts'
import { createSubscriptionsSlice } from '../features/subscriptions/subscriptions-slice.ts'
import { createCatalogSlice } from './catalog-slice.ts'
import { createHealthSlice } from './health-slice.ts'
import { createNavigationSlice } from './navigation-slice.ts'
import type { AppState } from './slice.ts'

export type { AuthConfigPayload } from '../features/auth-configs/auth-configs-slice.ts'
export type {
  BinPayload,
  CaptureReplayState,
  ReplayPayload,
  RequestListState,
} from '../features/inbox/inbox-slice.ts'
export type {
  OAuthClientPayload,
  OAuthFailurePayload,
  QuicklySignClientPayload,
  RowAction,
} from '../features/settings/emulators-slice.ts'
export type { RetentionPatch } from '../features/settings/settings-slice.ts'
export type {
  ExportOptions,
  ImportMode,
  WorkspaceExportState,
  WorkspaceImportState,
} from '../features/settings/workspace-slice.ts'
export type {
  SubscriptionHealth,
  SubscriptionPayload,
} from '../features/subscriptions/subscriptions-slice.ts'
export { hrefOf, type Page, pages } from './navigation-slice.ts'
export type { EditorTarget } from './routes.ts'
export type { AppState, Loadable, LoadStatus, SaveState, SaveStatus } from './slice.ts'
export { applyTheme, cachedTheme } from './theme.ts'

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
    ...createChecksSlice(client)(...args),
    ...createCheckRunSlice(client, events)(...args),
  }))
}

export const useAppStore = createAppStore(api, stream)
