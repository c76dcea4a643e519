import type { StateCreator } from 'zustand'
import type { ErrorBody } from '../../../shared/errors.ts'
import type { AuthConfigsSlice } from '../features/auth-configs/auth-configs-slice.ts'
import type { CheckRunSlice } from '../features/checks/check-run-slice.ts'
import type { ChecksSlice } from '../features/checks/checks-slice.ts'
import type { EventsSlice } from '../features/events/events-slice.ts'
import type { InboxLiveSlice } from '../features/inbox/inbox-live-slice.ts'
import type { InboxSlice } from '../features/inbox/inbox-slice.ts'
import type { DashboardSlice } from '../features/messages/dashboard-slice.ts'
import type { MessageDetailSlice } from '../features/messages/message-detail-slice.ts'
import type { MessageLiveSlice } from '../features/messages/message-live-slice.ts'
import type { MessagesSlice } from '../features/messages/messages-slice.ts'
import type { EmulatorsSlice } from '../features/settings/emulators-slice.ts'
import type { SettingsSlice } from '../features/settings/settings-slice.ts'
import type { WorkspaceSlice } from '../features/settings/workspace-slice.ts'
import type { SubscriptionsSlice } from '../features/subscriptions/subscriptions-slice.ts'
import type { CatalogSlice } from './catalog-slice.ts'
import type { HealthSlice } from './health-slice.ts'
import type { NavigationSlice } from './navigation-slice.ts'

/** The whole store: the union of its slices (zustand's slices pattern). */
export type AppState = NavigationSlice &
  CatalogSlice &
  HealthSlice &
  SettingsSlice &
  WorkspaceSlice &
  EventsSlice &
  MessagesSlice &
  MessageDetailSlice &
  MessageLiveSlice &
  DashboardSlice &
  SubscriptionsSlice &
  AuthConfigsSlice &
  InboxSlice &
  InboxLiveSlice &
  EmulatorsSlice &
  ChecksSlice &
  CheckRunSlice

/** A slice sees the whole store but contributes only its own part. */
export type SliceCreator<T> = StateCreator<AppState, [], [], T>

/** What a request in flight or finished looks like in the store. */
export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error'

/** Something loaded from the API, with how the last request went. */
export interface Loadable<T> {
  /** The last good answer; kept while a later request runs or fails. */
  value: T | null
  status: LoadStatus
  error: ErrorBody | null
}

export type SaveStatus = 'idle' | 'saving' | 'saved' | 'error'

export interface SaveState {
  status: SaveStatus
  error: ErrorBody | null
}
