import { useEffect } from 'react'
import { AuthConfigsPage } from '../features/auth-configs/AuthConfigsPage.tsx'
import { ChecksPage } from '../features/checks/ChecksPage.tsx'
import { EventsPage } from '../features/events/EventsPage.tsx'
import { InboxPage } from '../features/inbox/InboxPage.tsx'
import { MessagesPage } from '../features/messages/MessagesPage.tsx'
import { SettingsPage } from '../features/settings/SettingsPage.tsx'
import { SubscriptionsPage } from '../features/subscriptions/SubscriptionsPage.tsx'
import { type Page, useAppStore } from '../state/index.ts'
import { Header } from './Header.tsx'
import { labelOf } from './nav-items.tsx'
import { CommandPalette } from './palette/CommandPalette.tsx'
import { Sidebar } from './Sidebar.tsx'
import './app.css'

const HEALTH_CHECK_INTERVAL_MS = 10_000

export function App() {
  const page = useAppStore((state) => state.page)
  const watchLocation = useAppStore((state) => state.watchLocation)
  const watchHealth = useAppStore((state) => state.watchHealth)

  useEffect(() => watchLocation(), [watchLocation])
  useEffect(() => watchHealth(HEALTH_CHECK_INTERVAL_MS), [watchHealth])
  useEffect(() => {
    document.title = `${labelOf(page)} · Hookbench`
  }, [page])

  return (
    <div className="shell">
      <Header />
      <Sidebar />
      <main className="main">
        <PageView page={page} />
      </main>
      <CommandPalette />
    </div>
  )
}

function PageView({ page }: { page: Page }) {
  switch (page) {
    case 'subscriptions':
      return <SubscriptionsPage />
    case 'auth-configs':
      return <AuthConfigsPage />
    case 'events':
      return <EventsPage />
    case 'messages':
      return <MessagesPage />
    case 'inbox':
      return <InboxPage />
    case 'checks':
      return <ChecksPage />
    case 'settings':
      return <SettingsPage />
    default: {
      const unreachable: never = page
      return unreachable
    }
  }
}
