import type { FormEvent } from 'react'
import { useAppStore } from '../../state/index.ts'
import { ClientFields, useClientDraft } from './ClientFields.tsx'

/** Registers a client_id/client_secret pair the QuicklySign emulator accepts. */
export function QuicklySignClientForm() {
  const saveState = useAppStore((state) => state.quicklySignSave)
  const create = useAppStore((state) => state.createQuicklySignClient)
  const resetSave = useAppStore((state) => state.resetQuicklySignSave)
  const form = useClientDraft(saveState.error, resetSave)
  const saving = saveState.status === 'saving'

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (saving) return
    const draft = form.check(true)
    if (draft && (await create(draft))) form.clear()
  }

  return (
    <form
      className="settings-form"
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-label="Add a QuicklySign client"
    >
      <ClientFields form={form} idPrefix="quicklysign-client" />
      {form.general ? (
        <p className="inline-error" role="alert">
          Could not add the client: {form.general}
        </p>
      ) : null}
      <div className="form-footer settings-indent">
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
