import type { ReactNode } from 'react'
import type { Health } from '../../../../shared/contract/index.ts'
import { CopyButton } from '../../components/CopyButton.tsx'
import { ErrorState } from '../../components/ErrorState.tsx'
import { PageLayout } from '../../components/PageLayout.tsx'
import { useAppStore } from '../../stores/index.ts'

export function SettingsPage() {
  const health = useAppStore((state) => state.health)
  const loadHealth = useAppStore((state) => state.loadHealth)

  let body: ReactNode
  if (health.value) body = <HealthDetails health={health.value} />
  else if (health.status === 'error')
    body = (
      <ErrorState
        title="Could not ask Hookbench where it runs"
        error={health.error}
        hint="Check that Hookbench is still running, then retry."
        onRetry={() => void loadHealth()}
      />
    )
  else body = <p className="muted">Asking Hookbench where it runs…</p>

  return (
    <PageLayout title="Settings" description="Where this Hookbench runs and keeps its data.">
      {body}
    </PageLayout>
  )
}

function HealthDetails({ health }: { health: Health }) {
  return (
    <dl className="settings-list">
      <Row label="Version">{health.version}</Row>
      <Row label="Mode">{health.mode === 'headless' ? 'Headless (hookbench serve)' : 'Desktop app'}</Row>
      <Row label="Data folder" copy={health.data_dir}>
        <code>{health.data_dir}</code>
      </Row>
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
