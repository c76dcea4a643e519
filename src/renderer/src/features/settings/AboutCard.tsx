import type { ReactNode } from 'react'
import type { Health } from '../../../../shared/contract/index.ts'
import { CopyButton } from '../../components/CopyButton.tsx'
import { useAppStore } from '../../stores/index.ts'
import { SettingsCard } from './SettingsCard.tsx'

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
    <SettingsCard id="about" title="About" description="Which Hookbench this is and where it listens.">
      {body}
    </SettingsCard>
  )
}

function HealthDetails({ health }: { health: Health }) {
  return (
    <dl className="settings-list">
      <Row label="Version">{health.version}</Row>
      <Row label="Mode">{health.mode === 'headless' ? 'Headless (hookbench serve)' : 'Desktop app'}</Row>
      <Row label="Receiver URL" copy={health.receiver_url}>
        {health.receiver_url ? (
          <code>{health.receiver_url}</code>
        ) : (
          <span className="muted">Not listening</span>
        )}
      </Row>
      <Row label="Local API URL" copy={health.api_url}>
        {health.api_url ? <code>{health.api_url}</code> : <span className="muted">Not running</span>}
      </Row>
      <Row label="Started">
        <time dateTime={health.started_at}>{new Date(health.started_at).toLocaleString()}</time>
      </Row>
    </dl>
  )
}

function Row({ label, copy, children }: { label: string; copy?: string | null; children: ReactNode }) {
  return (
    <div className="settings-row">
      <dt>{label}</dt>
      <dd>
        <span className="settings-value">{children}</span>
        {copy ? <CopyButton text={copy} /> : null}
      </dd>
    </div>
  )
}
