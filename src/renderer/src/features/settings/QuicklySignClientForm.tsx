import { type FormEvent, useState } from 'react'
import { useAppStore } from '../../stores/index.ts'
import { type ClientErrors, clientErrors, missingFields } from './client-form.ts'
import { TextField } from './TextField.tsx'

/** Registers a client_id/client_secret pair the QuicklySign emulator accepts. */
export function QuicklySignClientForm() {
  const saveState = useAppStore((state) => state.quicklySignSave)
  const create = useAppStore((state) => state.createQuicklySignClient)
  const resetSave = useAppStore((state) => state.resetQuicklySignSave)
  const [clientId, setClientId] = useState('')
  const [secret, setSecret] = useState('')
  const [local, setLocal] = useState<ClientErrors>({})

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
    const missing = missingFields(draft, true)
    setLocal(missing)
    if (Object.keys(missing).length > 0) return
    if (await create(draft)) {
      setClientId('')
      setSecret('')
    }
  }

  return (
    <form
      className="emu-form"
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-label="Add a QuicklySign client"
    >
      <TextField
        id="quicklysign-client-id"
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
        id="quicklysign-client-secret"
        label="Client secret"
        inputClassName="emu-mono emu-input-wide"
        autoComplete="off"
        spellCheck={false}
        value={secret}
        onValue={(value) => {
          setSecret(value)
          touched()
        }}
        error={errorOf('client_secret')}
      />
      {server.general ? (
        <p className="inline-error" role="alert">
          Could not add the client: {server.general}
        </p>
      ) : null}
      <div className="form-footer emu-indent">
        <button type="submit" className="button button-primary" disabled={saving}>
          {saving ? 'Adding…' : 'Add client'}
        </button>
        <span className="form-status" role="status">
          {saveState.status === 'saved' ? 'Client added.' : ''}
        </span>
      </div>
    </form>
  )
}
