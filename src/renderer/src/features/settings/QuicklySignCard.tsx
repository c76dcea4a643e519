import { useEffect } from 'react'
import type { QuicklySignClient } from '../../../../shared/domain/emulator-client.ts'
import { useAppStore } from '../../state/index.ts'
import { CopyButton } from '../../ui/CopyButton.tsx'
import { ClientTable } from './ClientTable.tsx'
import { quicklySignCurl, quicklySignSubscriptionsUrlOf } from './emulator-urls.ts'
import { QuicklySignClientForm } from './QuicklySignClientForm.tsx'
import { SettingsCard } from './SettingsCard.tsx'
import { SettingsRow } from './SettingsRow.tsx'

/** The QuicklySign emulator's API clients: every call to it must carry one pair, else 401. */
export function QuicklySignCard() {
  const clients = useAppStore((state) => state.quicklySignClients)
  const loadClients = useAppStore((state) => state.loadQuicklySignClients)
  const receiverUrl = useAppStore((state) => state.health.value?.receiver_url ?? null)
  const action = useAppStore((state) => state.quicklySignAction)
  const revealed = useAppStore((state) => state.revealedQuicklySignSecrets)
  const reveal = useAppStore((state) => state.revealQuicklySignSecret)
  const hide = useAppStore((state) => state.hideQuicklySignSecret)
  const remove = useAppStore((state) => state.deleteQuicklySignClient)

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
      <ClientTable
        label="QuicklySign clients"
        clients={clients.value}
        empty="No clients yet: until you add one, the emulator answers every call with 401."
        column={{
          title: 'Added',
          cell: (client) => (
            <time dateTime={client.created_at}>{new Date(client.created_at).toLocaleString()}</time>
          ),
        }}
        action={action}
        revealed={revealed}
        onReveal={(id) => void reveal(id)}
        onHide={hide}
        onDelete={(id) => void remove(id)}
      />
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

/** One curl to try, with the first client's id; its secret only once the user revealed it. */
function CurlExample({ receiverUrl, clients }: { receiverUrl: string; clients: QuicklySignClient[] }) {
  const first = clients[0]
  const revealed = useAppStore((state) => (first ? state.revealedQuicklySignSecrets[first.id] : undefined))
  const curl = quicklySignCurl(receiverUrl, first?.client_id ?? '<client_id>', revealed || '<client_secret>')
  return (
    <div className="settings-example">
      <div className="settings-example-head">
        <h3 className="panel-title">Try it</h3>
        <CopyButton text={curl} label="Copy curl" />
      </div>
      <pre className="settings-curl">
        <code data-testid="quicklysign-curl">{curl}</code>
      </pre>
      <p className="field-hint">
        Answers in QuicklySign’s own envelope; the callback is a Hookbench bin, so deliveries to it show up in
        the Inbox.
      </p>
    </div>
  )
}
