import { useEffect } from 'react'
import type { QuicklySignClient } from '../../../../shared/domain/emulator-client.ts'
import { CopyButton } from '../../components/CopyButton.tsx'
import { useAppStore } from '../../stores/index.ts'
import { ConfirmButton } from './ConfirmButton.tsx'
import { quicklySignCurl, quicklySignSubscriptionsUrlOf } from './emulator-urls.ts'
import { QuicklySignClientForm } from './QuicklySignClientForm.tsx'
import { SecretValue } from './SecretValue.tsx'
import { SettingsCard } from './SettingsCard.tsx'
import { SettingsRow } from './SettingsRow.tsx'

/** The QuicklySign emulator's API clients: every call to it must carry one pair, else 401. */
export function QuicklySignCard() {
  const clients = useAppStore((state) => state.quicklySignClients)
  const loadClients = useAppStore((state) => state.loadQuicklySignClients)
  const receiverUrl = useAppStore((state) => state.health.value?.receiver_url ?? null)

  useEffect(() => {
    void loadClients()
  }, [loadClients])

  return (
    <SettingsCard
      id="quicklysign"
      title="Emulator clients — QuicklySign"
      description="The client_id/client_secret pairs the QuicklySign emulator accepts, in the query string or the JSON body of every call."
    >
      <dl className="settings-list">
        <SettingsRow label="Base URL" copy={receiverUrl ? quicklySignSubscriptionsUrlOf(receiverUrl) : null}>
          {receiverUrl ? (
            <code>{quicklySignSubscriptionsUrlOf(receiverUrl)}</code>
          ) : (
            <span className="muted">Receiver not listening</span>
          )}
        </SettingsRow>
      </dl>
      <QuicklySignClientForm />
      <ClientList clients={clients.value} />
      {clients.error ? (
        <p className="inline-error" role="alert">
          Could not load the QuicklySign clients: {clients.error.message}{' '}
          <code className="error-code">{clients.error.code}</code>
        </p>
      ) : null}
      {receiverUrl ? <CurlExample receiverUrl={receiverUrl} clients={clients.value ?? []} /> : null}
    </SettingsCard>
  )
}

function ClientList({ clients }: { clients: QuicklySignClient[] | null }) {
  const action = useAppStore((state) => state.quicklySignAction)
  if (!clients) return <p className="muted">Loading the clients…</p>
  if (clients.length === 0) {
    return (
      <p className="emu-empty">
        No clients yet: until you add one, the emulator answers every call with 401.
      </p>
    )
  }
  return (
    <>
      <table className="data-table" aria-label="QuicklySign clients">
        <thead>
          <tr>
            <th scope="col">Client ID</th>
            <th scope="col">Secret</th>
            <th scope="col">Added</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {clients.map((client) => (
            <ClientRow key={client.id} client={client} />
          ))}
        </tbody>
      </table>
      {action.status === 'error' && action.error ? (
        <p className="inline-error" role="alert">
          {action.error.message} <code className="error-code">{action.error.code}</code>
        </p>
      ) : null}
    </>
  )
}

function ClientRow({ client }: { client: QuicklySignClient }) {
  const revealed = useAppStore((state) => state.revealedQuicklySignSecrets[client.id])
  const reveal = useAppStore((state) => state.revealQuicklySignSecret)
  const hide = useAppStore((state) => state.hideQuicklySignSecret)
  const remove = useAppStore((state) => state.deleteQuicklySignClient)
  const busy = useAppStore(
    (state) => state.quicklySignAction.status === 'saving' && state.quicklySignAction.id === client.id,
  )
  return (
    <tr>
      <th scope="row">
        <code>{client.client_id}</code>
      </th>
      <td>
        <SecretValue
          revealed={revealed}
          owner={client.client_id}
          onReveal={() => void reveal(client.id)}
          onHide={() => hide(client.id)}
        />
      </td>
      <td>
        <time dateTime={client.created_at}>{new Date(client.created_at).toLocaleString()}</time>
      </td>
      <td className="emu-row-actions">
        <div className="emu-actions">
          <ConfirmButton
            label="Delete"
            what={client.client_id}
            busy={busy}
            onConfirm={() => void remove(client.id)}
          />
        </div>
      </td>
    </tr>
  )
}

/** One curl to try, with the first client's id; its secret only once the user revealed it. */
function CurlExample({ receiverUrl, clients }: { receiverUrl: string; clients: QuicklySignClient[] }) {
  const first = clients[0]
  const revealed = useAppStore((state) => (first ? state.revealedQuicklySignSecrets[first.id] : undefined))
  const curl = quicklySignCurl(receiverUrl, first?.client_id ?? '<client_id>', revealed || '<client_secret>')
  return (
    <div className="emu-example">
      <div className="emu-example-head">
        <h3 className="panel-title">Try it</h3>
        <CopyButton text={curl} label="Copy curl" />
      </div>
      <pre className="emu-curl">
        <code data-testid="quicklysign-curl">{curl}</code>
      </pre>
      <p className="field-hint">
        Answers seed 001’s envelope; the callback is a Hookbench bin, so deliveries to it show up in the
        Inbox.
      </p>
    </div>
  )
}
