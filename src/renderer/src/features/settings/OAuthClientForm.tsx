import { type FormEvent, useEffect, useRef, useState } from 'react'
import type { OAuthClient } from '../../../../shared/domain/oauth-client.ts'
import { useAppStore } from '../../state/index.ts'
import { DiscardGuard } from '../../ui/ConfirmDiscard.tsx'
import { ClientFields, useClientDraft } from './ClientFields.tsx'
import { addScopes } from './client-form.ts'
import { ScopesInput } from './ScopesInput.tsx'
import { SettingsFormFooter } from './SettingsFormFooter.tsx'

interface OAuthClientFormProps {
  /** The client being edited, or null for a new one. */
  client: OAuthClient | null
  onDone: () => void
  /** Told whether the form holds unsaved edits (false once it closes): the card asks before replacing it. */
  onUnsaved: (unsaved: boolean) => void
}

/** Create or edit a client of the mock OAuth2 server; errors from the contract appear by their field. */
export function OAuthClientForm({ client, onDone, onUnsaved }: OAuthClientFormProps) {
  const saveState = useAppStore((state) => state.oauthClientSave)
  const saveOAuthClient = useAppStore((state) => state.saveOAuthClient)
  const resetSave = useAppStore((state) => state.resetOAuthClientSave)
  const form = useClientDraft(saveState.error, resetSave, client?.client_id ?? '')
  const [scopes, setScopes] = useState<string[]>(client?.scopes ?? [])
  const [pendingScope, setPendingScope] = useState('')
  const first = useRef<HTMLInputElement>(null)
  const editing = client !== null

  useEffect(() => {
    first.current?.focus()
  }, [])

  const saving = saveState.status === 'saving'
  // Typed but not saved: boxes changed, scopes added or removed, or a scope still in its box.
  const unsaved =
    form.edited || scopes.join(' ') !== (client?.scopes ?? []).join(' ') || pendingScope.trim() !== ''

  useEffect(() => {
    onUnsaved(unsaved)
    return () => onUnsaved(false)
  }, [unsaved, onUnsaved])

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (saving) return
    const draft = form.check(!editing)
    if (!draft) return
    // A scope still in the box counts, as if Enter had been pressed.
    const allScopes = addScopes(scopes, pendingScope)
    setScopes(allScopes)
    setPendingScope('')
    if (await saveOAuthClient({ ...draft, scopes: allScopes }, client?.id ?? null)) onDone()
  }

  const title = editing ? `Edit ${client.client_id}` : 'New OAuth client'
  return (
    <form
      className="settings-form settings-panel"
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-label={title}
    >
      <h3 className="panel-title">{title}</h3>
      <ClientFields
        form={form}
        idPrefix="oauth-client"
        firstRef={first}
        secretPlaceholder={editing ? 'Leave empty to keep the stored secret' : ''}
      />
      <ScopesInput
        id="oauth-client-scopes"
        scopes={scopes}
        onScopes={(next) => {
          setScopes(next)
          form.touched()
        }}
        pending={pendingScope}
        onPending={setPendingScope}
        error={form.errorOf('scopes')}
      />
      <SettingsFormFooter
        saving={saving}
        label={editing ? 'Save client' : 'Create client'}
        savingLabel="Saving…"
        refusal={form.general ? `Could not save the client: ${form.general}` : null}
      >
        <button type="button" className="button" onClick={onDone}>
          Cancel
        </button>
      </SettingsFormFooter>
      <DiscardGuard unsaved={unsaved} />
    </form>
  )
}
