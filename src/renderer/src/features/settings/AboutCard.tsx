import type { ReactNode } from 'react'
import type { Health } from '../../../../shared/contract/index.ts'
import { useAppStore } from '../../state/index.ts'
import { SettingsCard } from './SettingsCard.tsx'
import { SettingsRow } from './SettingsRow.tsx'

export function AboutCard() {
  const health = useAppStore((state) => state.health.value)
  const status = useAppStore((state) => state.health.status)
  const error = useAppStore((state) => state.health.error)
  const loadHealth = useAppStore((state) => state.loadHealth)

  let body: ReactNode
  if (health) body = <HealthDetails health={health} />
  else if (status === 'error')
    body = (
      <div className="inline-error" role="alert">
        <p>Could not ask Hookbench where it runs: {error?.message ?? 'no answer.'}</p>
        <button type="button" className="button button-small" onClick={() => void loadHealth()}>
          Retry
        </button>
      </div>
    )
  else body = <p className="muted">Asking Hookbench where it runs…</p>

  return (
    <SettingsCard
      id="about"
      title="About"
      description="Which Hookbench this is; where it listens is under Ports and local API."
    >
      {body}
    </SettingsCard>
  )
}

function HealthDetails({ health }: { health: Health }) {
  return (
    <dl className="settings-list">
      <SettingsRow label="Version">{health.version}</SettingsRow>
      <SettingsRow label="Mode">
        {health.mode === 'headless' ? 'Headless (hookbench serve)' : 'Desktop app'}
      </SettingsRow>
      <SettingsRow label="Started">
        <time dateTime={health.started_at}>{new Date(health.started_at).toLocaleString()}</time>
      </SettingsRow>
    </dl>
  )
}
