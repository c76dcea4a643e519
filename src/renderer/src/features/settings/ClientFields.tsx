import { type Ref, useState } from 'react'
import type { ErrorBody } from '../../../../shared/errors.ts'
import { type ClientErrors, clientErrors, missingFields } from './client-form.ts'
import { TextField } from './TextField.tsx'

export interface ClientDraft {
  client_id: string
  client_secret: string
}

/**
 * The client ID and secret boxes of an emulator client form, with their errors: the empty boxes
 * said before asking, the contract's refusal (by field) after. Typing clears both.
 */
export function useClientDraft(saveError: ErrorBody | null, resetSave: () => void, initialId = '') {
  const [clientId, setClientId] = useState(initialId)
  const [secret, setSecret] = useState('')
  const [local, setLocal] = useState<ClientErrors>({})
  const server = clientErrors(saveError)
  const touched = () => {
    setLocal({})
    resetSave()
  }
  return {
    clientId,
    secret,
    /** Something was typed: the boxes differ from what the form opened with. */
    edited: clientId !== initialId || secret !== '',
    /** A refusal that names no box. */
    general: server.general,
    errorOf: (field: keyof ClientErrors) => local[field] ?? server.fields[field],
    touched,
    setClientId: (value: string) => {
      setClientId(value)
      touched()
    },
    setSecret: (value: string) => {
      setSecret(value)
      touched()
    },
    /** The draft to send, or null when a required box is empty (and then says which). */
    check: (secretRequired: boolean): ClientDraft | null => {
      const draft = { client_id: clientId.trim(), client_secret: secret }
      const missing = missingFields(draft, secretRequired)
      setLocal(missing)
      return Object.keys(missing).length > 0 ? null : draft
    },
    clear: () => {
      setClientId('')
      setSecret('')
    },
  }
}

interface ClientFieldsProps {
  form: ReturnType<typeof useClientDraft>
  /** Prefix of the inputs' ids: "oauth-client" → "oauth-client-id". */
  idPrefix: string
  secretPlaceholder?: string
  firstRef?: Ref<HTMLInputElement>
}

export function ClientFields({ form, idPrefix, secretPlaceholder = '', firstRef }: ClientFieldsProps) {
  return (
    <>
      <TextField
        ref={firstRef ?? null}
        id={`${idPrefix}-id`}
        label="Client ID"
        inputClassName="settings-mono settings-input-wide"
        autoComplete="off"
        spellCheck={false}
        value={form.clientId}
        onValue={form.setClientId}
        error={form.errorOf('client_id')}
      />
      <TextField
        id={`${idPrefix}-secret`}
        label="Client secret"
        inputClassName="settings-mono settings-input-wide"
        autoComplete="off"
        spellCheck={false}
        placeholder={secretPlaceholder}
        value={form.secret}
        onValue={form.setSecret}
        error={form.errorOf('client_secret')}
      />
    </>
  )
}
