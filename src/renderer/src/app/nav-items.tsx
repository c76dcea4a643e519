import type { ReactNode } from 'react'
import type { AppState, Page } from '../state/index.ts'
import {
  ChecksIcon,
  EventsIcon,
  InboxIcon,
  KeyIcon,
  MessagesIcon,
  SettingsIcon,
  SubscriptionsIcon,
} from '../ui/icons.tsx'

export interface NavItem {
  page: Page
  label: string
  icon: ReactNode
  /**
   * What following the sidebar's link starts over, also when that page is already shown (leaving a
   * page resets the rest): the Messages link shows every message, whatever it was filtered to.
   */
  startOver?: (state: AppState) => void
}

/** The sidebar, in order; the labels double as page titles. */
export const navItems: readonly NavItem[] = [
  { page: 'subscriptions', label: 'Subscriptions', icon: <SubscriptionsIcon /> },
  { page: 'auth-configs', label: 'Auth configs', icon: <KeyIcon /> },
  { page: 'events', label: 'Events', icon: <EventsIcon /> },
  {
    page: 'messages',
    label: 'Messages',
    icon: <MessagesIcon />,
    startOver: (state) => state.clearMessageFilters(),
  },
  { page: 'inbox', label: 'Inbox', icon: <InboxIcon /> },
  { page: 'checks', label: 'Checks', icon: <ChecksIcon /> },
  { page: 'settings', label: 'Settings', icon: <SettingsIcon /> },
]

export function labelOf(page: Page): string {
  return navItems.find((item) => item.page === page)?.label ?? page
}
