import { useEffect, useRef, useState } from 'react'
import type { OAuthClient } from '../../../../shared/domain/oauth-client.ts'
import { hrefOf, useAppStore } from '../../stores/index.ts'
import { ConfirmButton } from './ConfirmButton.tsx'
import { tokenUrlOf } from './emulator-urls.ts'
import { OAuthClientForm } from './OAuthClientForm.tsx'
import { SecretValue } from './SecretValue.tsx'
import { SettingsCard } from './SettingsCard.tsx'

/** Which form is open: none, a new client, or the client with this id. */
type FormTarget = null | { kind: 'new' } | { kind: 'edit'; id: string }

/** Clients of the mock OAuth2 server: who may ask it for a token, with which scopes. */
export function OAuthClientsCard() {
  const clients = useAppStore((state) => state.oauthClients)
  const loadOAuthClients = useAppStore((state) => state.loadOAuthClients)
  const resetSave = useAppStore((state) => state.resetOAuthClientSave)
  const receiverUrl = useAppStore((state) => state.health.value?.receiver_url ?? null)
  const [form, setForm] = useState<FormTarget>(null)
  const addButton = useRef<HTMLButtonElement>(null)

  useEffect(() => {
    void loadOAuthClients()
  }, [loadOAuthClients])

  const open = (target: Exclude<FormTarget, null>) => {
    resetSave()
    setForm(target)
  }
  const close = () => {
    setForm(null)
    addButton.current?.focus()
  }
  const editing = form?.kind === 'edit' ? (clients.value?.find((c) => c.id === form.id) ?? null) : null

  return (
    <SettingsCard
      id="oauth-clients"
      title="OAuth clients"
      description="Who may ask the mock OAuth2 server for a token, and for which scopes."
      actions={
        <button
          ref={addButton}
          type="button"
          className="button button-small"
          disabled={form?.kind === 'new'}
          onClick={() => open({ kind: 'new' })}
        >
          Add client
        </button>
      }
    >
      <p className="field-hint">
        To deliver with one, create an <a href={hrefOf('auth-configs')}>auth config</a> of type{' '}
        <code>OAUTH_2_CLIENT_CREDENTIALS</code> with token URL{' '}
        <code>{receiverUrl ? tokenUrlOf(receiverUrl) : '<receiver>/oauth2/token'}</code>, the client ID and
        secret as key and secret, and one of its scopes.
      </p>
      {form && (form.kind === 'new' || editing) ? (
        <OAuthClientForm key={form.kind === 'edit' ? form.id : 'new'} client={editing} onDone={close} />
      ) : null}
      <ClientList clients={clients.value} onEdit={(id) => open({ kind: 'edit', id })} />
      {clients.error ? (
        <p className="inline-error" role="alert">
          Could not load the OAuth clients: {clients.error.message}{' '}
          <code className="error-code">{clients.error.code}</code>
        </p>
      ) : null}
    </SettingsCard>
  )
}

function ClientList({ clients, onEdit }: { clients: OAuthClient[] | null; onEdit: (id: string) => void }) {
  const action = useAppStore((state) => state.oauthClientAction)
  if (!clients) return <p className="muted">Loading the clients…</p>
  if (clients.length === 0) {
    return <p className="emu-empty">No OAuth clients yet. Add one to let a sender get a token.</p>
  }
  return (
    <>
      <table className="data-table" aria-label="OAuth clients">
        <thead>
          <tr>
            <th scope="col">Client ID</th>
            <th scope="col">Secret</th>
            <th scope="col">Scopes</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {clients.map((client) => (
            <ClientRow key={client.id} client={client} onEdit={() => onEdit(client.id)} />
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

function ClientRow({ client, onEdit }: { client: OAuthClient; onEdit: () => void }) {
  const revealed = useAppStore((state) => state.revealedOAuthSecrets[client.id])
  const reveal = useAppStore((state) => state.revealOAuthSecret)
  const hide = useAppStore((state) => state.hideOAuthSecret)
  const remove = useAppStore((state) => state.deleteOAuthClient)
  const busy = useAppStore(
    (state) => state.oauthClientAction.status === 'saving' && state.oauthClientAction.id === client.id,
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
        {client.scopes.length > 0 ? (
          <ul className="emu-chips" aria-label={`Scopes of ${client.client_id}`}>
            {client.scopes.map((scope) => (
              <li key={scope} className="emu-chip">
                <code>{scope}</code>
              </li>
            ))}
          </ul>
        ) : (
          <span className="muted">none</span>
        )}
      </td>
      <td className="emu-row-actions">
        <div className="emu-actions">
          <button
            type="button"
            className="button button-small"
            aria-label={`Edit ${client.client_id}`}
            onClick={onEdit}
          >
            Edit
          </button>
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
