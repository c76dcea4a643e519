import { type FormEvent, useState } from 'react'
import type { OAuthFailure } from '../../../../shared/domain/oauth-client.ts'
import { useAppStore } from '../../state/index.ts'
import { DiscardGuard } from '../../ui/ConfirmDiscard.tsx'
import { Segmented } from '../../ui/Segmented.tsx'
import {
  describeFailure,
  ERROR_CODE_SUGGESTIONS,
  FAILURE_PRESETS,
  type FailureDraft,
  type FailureField,
  type FailureMode,
  failureDraftOf,
  failureErrors,
  failureFromDraft,
} from './oauth-failure-form.ts'
import { SettingsFormFooter } from './SettingsFormFooter.tsx'
import { TextField } from './TextField.tsx'

const MODES: ReadonlyArray<{ value: FailureMode; label: string }> = [
  { value: 'off', label: 'Off' },
  { value: 'next', label: 'Fail the next N requests' },
  { value: 'always', label: 'Always fail' },
]

/** The two numbers (requests to fail, HTTP status) are typed, short, in narrow boxes. */
const NUMBER_INPUT = { inputMode: 'numeric', inputClassName: 'settings-input-narrow' } as const

/** Makes the token server answer an error instead of a token, for the next N requests or until turned off. */
export function OAuthFailureForm({ saved }: { saved: OAuthFailure | null }) {
  const saveState = useAppStore((state) => state.oauthFailureSave)
  const saveFailure = useAppStore((state) => state.saveOAuthFailure)
  const resetSaves = useAppStore((state) => state.resetOAuthServerSaves)

  const savedKey = JSON.stringify(saved)
  const [basis, setBasis] = useState(savedKey)
  const [draft, setDraft] = useState(() => failureDraftOf(saved))
  const [local, setLocal] = useState<Partial<Record<FailureField, string>>>({})
  // A new state from the server (a request used up the failure, a reload) replaces the form.
  if (basis !== savedKey) {
    setBasis(savedKey)
    setDraft(failureDraftOf(saved))
    setLocal({})
  }

  const server = failureErrors(saveState.error)
  const errorOf = (field: FailureField) => local[field] ?? server.fields[field]
  const saving = saveState.status === 'saving'

  const edit = (next: Partial<FailureDraft>) => {
    setDraft((current) => ({ ...current, ...next }))
    setLocal({})
    resetSaves()
  }

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (saving) return
    const result = failureFromDraft(draft)
    if (!result.ok) return setLocal(result.errors)
    void saveFailure(result.failure)
  }

  return (
    <form className="settings-form" onSubmit={submit} noValidate aria-labelledby="oauth-failure-label">
      <div className="settings-field-row">
        <span className="settings-field-label" id="oauth-failure-label">
          Failure injection
        </span>
        <div className="settings-field-control">
          <Segmented
            name="oauth-failure-mode"
            labelledBy="oauth-failure-label"
            options={MODES}
            value={draft.mode}
            onChange={(mode) => edit({ mode })}
          />
          <p className="field-hint" data-testid="oauth-failure-now">
            Now: {describeFailure(saved)}
          </p>
        </div>
      </div>
      {draft.mode === 'off' ? null : <FailureFields draft={draft} errorOf={errorOf} onEdit={edit} />}
      <SettingsFormFooter
        saving={saving}
        label="Apply"
        savingLabel="Applying…"
        refusal={server.general ? `Could not change the failure mode: ${server.general}` : null}
        status={saveState.status === 'saved' ? 'Applied.' : ''}
      />
      <DiscardGuard unsaved={JSON.stringify(draft) !== JSON.stringify(failureDraftOf(saved))} />
    </form>
  )
}

interface FailureFieldsProps {
  draft: FailureDraft
  errorOf: (field: FailureField) => string | undefined
  onEdit: (next: Partial<FailureDraft>) => void
}

function FailureFields({ draft, errorOf, onEdit }: FailureFieldsProps) {
  return (
    <>
      {draft.mode === 'next' ? (
        <TextField
          id="oauth-failure-count"
          label="Requests to fail"
          {...NUMBER_INPUT}
          value={draft.count}
          onValue={(count) => onEdit({ count })}
          error={errorOf('remaining')}
          hint="Then the server goes back to issuing tokens by itself."
        />
      ) : null}
      <div className="settings-field-row">
        <span className="settings-field-label">Answer</span>
        <div className="settings-field-control">
          <fieldset className="settings-inline settings-confirm" aria-label="Answer presets">
            {FAILURE_PRESETS.map((preset) => (
              <button
                key={preset.error}
                type="button"
                className="button button-small settings-preset"
                aria-pressed={draft.status === String(preset.status) && draft.error === preset.error}
                onClick={() => onEdit({ status: String(preset.status), error: preset.error })}
              >
                {preset.status} {preset.error}
              </button>
            ))}
          </fieldset>
        </div>
      </div>
      <TextField
        id="oauth-failure-status"
        label="HTTP status"
        {...NUMBER_INPUT}
        value={draft.status}
        onValue={(status) => onEdit({ status })}
        error={errorOf('status')}
      />
      <TextField
        id="oauth-failure-error"
        label="OAuth error code"
        inputClassName="settings-mono settings-input-wide"
        list="oauth-error-codes"
        autoComplete="off"
        spellCheck={false}
        value={draft.error}
        onValue={(error) => onEdit({ error })}
        error={errorOf('error')}
        after={
          <datalist id="oauth-error-codes">
            {ERROR_CODE_SUGGESTIONS.map((code) => (
              <option key={code} value={code} />
            ))}
          </datalist>
        }
      />
      <TextField
        id="oauth-failure-description"
        label="Description"
        inputClassName="settings-input-wide"
        placeholder="Optional error_description"
        value={draft.description}
        onValue={(description) => onEdit({ description })}
        error={errorOf('error_description')}
      />
    </>
  )
}
