import { useCallback, useEffect, useRef, useState } from 'react'
import type { OAuthClient } from '../../../../shared/domain/oauth-client.ts'
import { hrefOf, useAppStore } from '../../state/index.ts'
import { useConfirmLeave } from '../../ui/leave-guard.ts'
import { ClientTable } from './ClientTable.tsx'
import { emulatorUrlOf, tokenUrlOf } from './emulator-urls.ts'
import { OAuthClientForm } from './OAuthClientForm.tsx'
import { SettingsCard } from './SettingsCard.tsx'

/** Which form is open: none, a new client, or the client with this id. */
type FormTarget = null | { kind: 'new' } | { kind: 'edit'; id: string }

/** One form per target: another key is another form, with fresh boxes. */
function formKeyOf(target: Exclude<FormTarget, null>): string {
  return target.kind === 'edit' ? target.id : 'new'
}

/** Clients of the mock OAuth2 server: who may ask it for a token, with which scopes. */
export function OAuthClientsCard() {
  const clients = useAppStore((state) => state.oauthClients)
  const loadOAuthClients = useAppStore((state) => state.loadOAuthClients)
  const resetSave = useAppStore((state) => state.resetOAuthClientSave)
  const receiverUrl = useAppStore((state) => state.health.value?.receiver_url ?? null)
  const action = useAppStore((state) => state.oauthClientAction)
  const revealed = useAppStore((state) => state.revealedOAuthSecrets)
  const reveal = useAppStore((state) => state.revealOAuthSecret)
  const hide = useAppStore((state) => state.hideOAuthSecret)
  const remove = useAppStore((state) => state.deleteOAuthClient)
  const [form, setForm] = useState<FormTarget>(null)
  const addButton = useRef<HTMLButtonElement>(null)
  // Whether the open form holds unsaved edits: only then does opening another one ask.
  const formUnsaved = useRef(false)
  const onFormUnsaved = useCallback((unsaved: boolean) => {
    formUnsaved.current = unsaved
  }, [])
  const confirmLeave = useConfirmLeave()

  useEffect(() => {
    void loadOAuthClients()
  }, [loadOAuthClients])

  const open = (target: Exclude<FormTarget, null>) => {
    // Edit on the row already open keeps its form (and its edits) as they are.
    if (form && formKeyOf(form) === formKeyOf(target)) return
    const show = () => {
      resetSave()
      setForm(target)
    }
    // Only the open form's edits are at stake: confirmLeave alone would also ask for another card's
    // (they stay), so an untouched form gives way at once and an edited one asks first.
    if (formUnsaved.current) confirmLeave(show)
    else show()
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
      <p className="field-hint" data-testid="emulator-token-hint">
        Its tokens also open the Contensis and Rustici Generator emulators at{' '}
        <code>{emulatorUrlOf(receiverUrl ?? '<receiver>', 'contensis')}</code> and{' '}
        <code>{emulatorUrlOf(receiverUrl ?? '<receiver>', 'rustici')}</code>: send{' '}
        <code>Authorization: Bearer &lt;access_token&gt;</code> with every call, and bodies as{' '}
        <code>application/json</code>.
      </p>
      {form && (form.kind === 'new' || editing) ? (
        <OAuthClientForm key={formKeyOf(form)} client={editing} onDone={close} onUnsaved={onFormUnsaved} />
      ) : null}
      <ClientTable
        label="OAuth clients"
        clients={clients.value}
        empty="No OAuth clients yet. Add one to let a sender get a token."
        column={{ title: 'Scopes', cell: (client) => <ScopeChips client={client} /> }}
        action={action}
        revealed={revealed}
        onReveal={(id) => void reveal(id)}
        onHide={hide}
        onDelete={(id) => void remove(id)}
        onEdit={(id) => open({ kind: 'edit', id })}
      />
      {clients.error ? (
        <p className="inline-error" role="alert">
          Could not load the OAuth clients: {clients.error.message}{' '}
          <code className="error-code">{clients.error.code}</code>
        </p>
      ) : null}
    </SettingsCard>
  )
}

function ScopeChips({ client }: { client: OAuthClient }) {
  if (client.scopes.length === 0) return <span className="muted">none</span>
  return (
    <ul className="settings-chips" aria-label={`Scopes of ${client.client_id}`}>
      {client.scopes.map((scope) => (
        <li key={scope} className="settings-chip">
          <code>{scope}</code>
        </li>
      ))}
    </ul>
  )
}
