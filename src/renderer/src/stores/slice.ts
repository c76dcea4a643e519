import type { StateCreator } from 'zustand'
import type { AuthConfigsSlice } from './auth-configs-slice.ts'
import type { CatalogSlice } from './catalog-slice.ts'
import type { DashboardSlice } from './dashboard-slice.ts'
import type { EmulatorsSlice } from './emulators-slice.ts'
import type { EventsSlice } from './events-slice.ts'
import type { HealthSlice } from './health-slice.ts'
import type { InboxLiveSlice } from './inbox-live-slice.ts'
import type { InboxSlice } from './inbox-slice.ts'
import type { MessageDetailSlice } from './message-detail-slice.ts'
import type { MessageLiveSlice } from './message-live-slice.ts'
import type { MessagesSlice } from './messages-slice.ts'
import type { NavigationSlice } from './navigation-slice.ts'
import type { SettingsSlice } from './settings-slice.ts'
import type { SubscriptionsSlice } from './subscriptions-slice.ts'
import type { WorkspaceSlice } from './workspace-slice.ts'

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
  EmulatorsSlice

/** A slice sees the whole store but contributes only its own part. */
export type SliceCreator<T> = StateCreator<AppState, [], [], T>

/** What a request in flight or finished looks like in the store. */
export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error'
