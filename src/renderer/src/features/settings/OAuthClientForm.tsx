import { type FormEvent, useEffect, useRef, useState } from 'react'
import type { OAuthClient } from '../../../../shared/domain/oauth-client.ts'
import { useAppStore } from '../../stores/index.ts'
import { addScopes, type ClientErrors, clientErrors, missingFields } from './client-form.ts'
import { ScopesInput } from './ScopesInput.tsx'
import { TextField } from './TextField.tsx'

interface OAuthClientFormProps {
  /** The client being edited, or null for a new one. */
  client: OAuthClient | null
  onDone: () => void
}

/** Create or edit a client of the mock OAuth2 server; errors from the contract appear by their field. */
export function OAuthClientForm({ client, onDone }: OAuthClientFormProps) {
  const saveState = useAppStore((state) => state.oauthClientSave)
  const saveOAuthClient = useAppStore((state) => state.saveOAuthClient)
  const resetSave = useAppStore((state) => state.resetOAuthClientSave)
  const [clientId, setClientId] = useState(client?.client_id ?? '')
  const [secret, setSecret] = useState('')
  const [scopes, setScopes] = useState<string[]>(client?.scopes ?? [])
  const [pendingScope, setPendingScope] = useState('')
  const [local, setLocal] = useState<ClientErrors>({})
  const first = useRef<HTMLInputElement>(null)
  const editing = client !== null

  useEffect(() => {
    first.current?.focus()
  }, [])

  const server = clientErrors(saveState.error)
  const errorOf = (field: keyof ClientErrors) => local[field] ?? server.fields[field]
  const saving = saveState.status === 'saving'
  const touched = () => {
    setLocal({})
    resetSave()
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (saving) return
    const draft = { client_id: clientId.trim(), client_secret: secret }
    const missing = missingFields(draft, !editing)
    setLocal(missing)
    if (Object.keys(missing).length > 0) return
    // A scope still in the box counts, as if Enter had been pressed.
    const allScopes = addScopes(scopes, pendingScope)
    setScopes(allScopes)
    setPendingScope('')
    if (await saveOAuthClient({ ...draft, scopes: allScopes }, client?.id ?? null)) onDone()
  }

  const title = editing ? `Edit ${client.client_id}` : 'New OAuth client'
  return (
    <form
      className="emu-form emu-panel"
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-label={title}
    >
      <h3 className="panel-title">{title}</h3>
      <TextField
        ref={first}
        id="oauth-client-id"
        label="Client ID"
        inputClassName="emu-mono emu-input-wide"
        autoComplete="off"
        spellCheck={false}
        value={clientId}
        onValue={(value) => {
          setClientId(value)
          touched()
        }}
        error={errorOf('client_id')}
      />
      <TextField
        id="oauth-client-secret"
        label="Client secret"
        inputClassName="emu-mono emu-input-wide"
        autoComplete="off"
        spellCheck={false}
        placeholder={editing ? 'Leave empty to keep the stored secret' : ''}
        value={secret}
        onValue={(value) => {
          setSecret(value)
          touched()
        }}
        error={errorOf('client_secret')}
      />
      <ScopesInput
        id="oauth-client-scopes"
        scopes={scopes}
        onScopes={(next) => {
          setScopes(next)
          touched()
        }}
        pending={pendingScope}
        onPending={setPendingScope}
        error={errorOf('scopes')}
      />
      {server.general ? (
        <p className="inline-error" role="alert">
          Could not save the client: {server.general}
        </p>
      ) : null}
      <div className="form-footer emu-indent">
        <button type="submit" className="button button-primary" disabled={saving}>
          {saving ? 'Saving…' : editing ? 'Save client' : 'Create client'}
        </button>
        <button type="button" className="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  )
}
