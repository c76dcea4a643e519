import { useEffect } from 'react'
import { useAppStore } from '../../state/index.ts'
import { PageLayout } from '../../ui/PageLayout.tsx'
import { AboutCard } from './AboutCard.tsx'
import { AppearanceCard } from './AppearanceCard.tsx'
import { BinCreationCard } from './BinCreationCard.tsx'
import { OAuthClientsCard } from './OAuthClientsCard.tsx'
import { OAuthServerCard } from './OAuthServerCard.tsx'
import { PortsCard } from './PortsCard.tsx'
import { QuicklySignCard } from './QuicklySignCard.tsx'
import { RetentionCard } from './RetentionCard.tsx'
import { StorageCard } from './StorageCard.tsx'
import { WorkspaceCard } from './WorkspaceCard.tsx'
import './settings.css'

export function SettingsPage() {
  const settingsStatus = useAppStore((state) => state.settings.status)
  const loadSettings = useAppStore((state) => state.loadSettings)
  const loadStorage = useAppStore((state) => state.loadStorage)

  useEffect(() => {
    if (settingsStatus === 'idle') void loadSettings()
  }, [settingsStatus, loadSettings])
  // History grows while the page is closed: fresh figures on every visit.
  useEffect(() => {
    void loadStorage()
  }, [loadStorage])

  return (
    <PageLayout
      title="Settings"
      description="Appearance, ports, where the workspace is stored and for how long, moving it between machines, and the mock OAuth2 server and emulator clients."
    >
      <div className="settings-stack">
        <AppearanceCard />
        <PortsCard />
        <StorageCard />
        <RetentionCard />
        <BinCreationCard />
        <WorkspaceCard />
        <OAuthServerCard />
        <OAuthClientsCard />
        <QuicklySignCard />
        <AboutCard />
      </div>
    </PageLayout>
  )
}
