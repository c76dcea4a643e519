import { type ReactNode, useState } from 'react'
import type { Health } from '../../../../shared/contract/index.ts'
import { useAppStore } from '../../state/index.ts'
import { CopyButton } from '../../ui/CopyButton.tsx'
import { currentTransport, pageApiToken } from './local-api.ts'
import { SettingsCard } from './SettingsCard.tsx'
import { SettingsRow } from './SettingsRow.tsx'

export function PortsCard() {
  const health = useAppStore((state) => state.health.value)
  const error = useAppStore((state) => state.health.error)
  let body: ReactNode
  if (health) body = <PortDetails health={health} />
  else if (error) {
    body = (
      <p className="inline-error" role="alert">
        Hookbench did not say where it listens: {error.message} (About below has Retry).
      </p>
    )
  } else body = <p className="muted">Asking Hookbench where it listens…</p>
  return (
    <SettingsCard
      id="ports"
      title="Ports and local API"
      description="Where webhook senders reach the receiver, and where scripts reach the local API."
    >
      {body}
    </SettingsCard>
  )
}

function PortDetails({ health }: { health: Health }) {
  return (
    <dl className="settings-list">
      <SettingsRow label="Receiver URL" copy={health.receiver_url}>
        {health.receiver_url ? (
          <code>{health.receiver_url}</code>
        ) : (
          <span className="muted">Not listening</span>
        )}
      </SettingsRow>
      <SettingsRow label="Local API URL" copy={health.api_url}>
        {health.api_url ? <code>{health.api_url}</code> : <span className="muted">Not running</span>}
      </SettingsRow>
      <div className="settings-row">
        <dt>API token</dt>
        <dd>{currentTransport() === 'ipc' ? <IpcNote apiUrl={health.api_url} /> : <PageToken />}</dd>
      </div>
    </dl>
  )
}

function IpcNote({ apiUrl }: { apiUrl: string | null }) {
  return (
    <span className="settings-value">
      This window talks to Hookbench over IPC and holds no token.
      {apiUrl ? (
        <>
          {' '}
          The local API takes a bearer token made at each launch; the web UI at <code>{apiUrl}</code> is
          served with it.
        </>
      ) : null}
    </span>
  )
}

/** Web mode: the token is in this page and in `hookbench serve`'s readiness line; shown only on request. */
function PageToken() {
  const [shown, setShown] = useState<string | null>(null)
  const token = pageApiToken()
  if (!token) {
    return <span className="settings-value muted">This page was served without a token.</span>
  }
  return (
    <div className="settings-token-box">
      <p className="settings-value">
        A bearer token made at each start: this page carries it, and <code>hookbench serve</code> prints it in
        its readiness line. Send it as <code>Authorization: Bearer …</code>.
      </p>
      <span className="settings-secret">
        <code className="settings-secret-value" data-testid="api-token">
          {shown ?? '••••'}
        </code>
        {shown ? (
          <>
            <CopyButton text={shown} />
            <button type="button" className="button button-small" onClick={() => setShown(null)}>
              Hide token
            </button>
          </>
        ) : (
          <button type="button" className="button button-small" onClick={() => setShown(token)}>
            Reveal token
          </button>
        )}
      </span>
    </div>
  )
}
