import type { FormEvent } from 'react'
import { useAppStore } from '../../state/index.ts'
import { DiscardGuard } from '../../ui/ConfirmDiscard.tsx'
import { ClientFields, useClientDraft } from './ClientFields.tsx'
import { SettingsFormFooter } from './SettingsFormFooter.tsx'

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
      <SettingsFormFooter
        saving={saving}
        label="Add client"
        savingLabel="Adding…"
        refusal={form.general ? `Could not add the client: ${form.general}` : null}
        status={saveState.status === 'saved' ? 'Client added.' : ''}
      />
      <DiscardGuard unsaved={form.edited} />
    </form>
  )
}
