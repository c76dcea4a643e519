import { useEffect } from 'react'
import { PageLayout } from '../../components/PageLayout.tsx'
import { useAppStore } from '../../stores/index.ts'
import { AboutCard } from './AboutCard.tsx'
import { AppearanceCard } from './AppearanceCard.tsx'
import { RetentionCard } from './RetentionCard.tsx'
import { StorageCard } from './StorageCard.tsx'
import { WorkspaceCard } from './WorkspaceCard.tsx'

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
      description="Appearance, where the workspace is stored and for how long, and moving it between machines."
    >
      <div className="settings-stack">
        <AppearanceCard />
        <StorageCard />
        <RetentionCard />
        <WorkspaceCard />
        <AboutCard />
      </div>
    </PageLayout>
  )
}
