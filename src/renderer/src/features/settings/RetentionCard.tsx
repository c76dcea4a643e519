import { type FormEvent, useState } from 'react'
import { type Retention, type RetentionKind, retentionKinds } from '../../../../shared/settings.ts'
import { useAppStore } from '../../state/index.ts'
import { DiscardGuard } from '../../ui/ConfirmDiscard.tsx'
import { kindLabels } from '../../ui/format.ts'
import {
  changedKinds,
  draftOf,
  errorsByField,
  type FieldDraft,
  type FieldPath,
  fieldPath,
  type LimitField,
  localErrors,
  type RetentionDraft,
} from './retention-form.ts'
import { SettingsCard } from './SettingsCard.tsx'
import { SettingsGate } from './SettingsGate.tsx'

export function RetentionCard() {
  return (
    <SettingsCard
      id="retention"
      title="Retention"
      description="How much history Hookbench keeps for each kind of record. Configuration is never expired."
    >
      <SettingsGate>{(settings) => <RetentionForm saved={settings.retention} />}</SettingsGate>
    </SettingsCard>
  )
}

function RetentionForm({ saved }: { saved: Retention }) {
  const saveState = useAppStore((state) => state.retentionSave)
  const saveRetention = useAppStore((state) => state.saveRetention)
  const resetRetentionSave = useAppStore((state) => state.resetRetentionSave)

  const savedKey = JSON.stringify(saved)
  const [basis, setBasis] = useState(savedKey)
  const [draft, setDraft] = useState(() => draftOf(saved))
  const [local, setLocal] = useState<Partial<Record<FieldPath, string>>>({})
  // New stored limits (a save, an import) replace the form; adjusting state while rendering is
  // React's way to follow a prop without an extra render of stale values.
  if (basis !== savedKey) {
    setBasis(savedKey)
    setDraft(draftOf(saved))
    setLocal({})
  }

  const patch = changedKinds(draft, saved)
  const dirty = Object.keys(patch).length > 0
  const saving = saveState.status === 'saving'
  const server = errorsByField(saveState.error)

  const edit = (kind: RetentionKind, field: LimitField, next: Partial<FieldDraft>) => {
    setDraft((current) => ({
      ...current,
      [kind]: { ...current[kind], [field]: { ...current[kind][field], ...next } },
    }))
    setLocal({})
    resetRetentionSave()
  }

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (!dirty || saving) return
    const errors = localErrors(patch)
    setLocal(errors)
    if (Object.keys(errors).length === 0) void saveRetention(patch)
  }

  return (
    <form className="settings-retention-form" onSubmit={submit} noValidate>
      <table className="data-table settings-retention-table" aria-label="Retention limits">
        <thead>
          <tr>
            <th scope="col">Kind</th>
            <th scope="col">Max age</th>
            <th scope="col">Max count</th>
          </tr>
        </thead>
        <tbody>
          {retentionKinds.map((kind) => (
            <tr key={kind}>
              <th scope="row">{kindLabels[kind]}</th>
              <td>
                <LimitInput
                  kind={kind}
                  field="max_age_days"
                  draft={draft}
                  error={
                    local[fieldPath(kind, 'max_age_days')] ?? server.fields[fieldPath(kind, 'max_age_days')]
                  }
                  onEdit={edit}
                />
              </td>
              <td>
                <LimitInput
                  kind={kind}
                  field="max_count"
                  draft={draft}
                  error={local[fieldPath(kind, 'max_count')] ?? server.fields[fieldPath(kind, 'max_count')]}
                  onEdit={edit}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="field-hint retention-note">
        Retention runs in the background and drops whole segments, oldest first, so a kind may briefly hold a
        little more than its limit.
      </p>
      {server.general ? (
        <p className="inline-error" role="alert">
          Could not save the limits: {server.general}
        </p>
      ) : null}
      <div className="form-footer">
        <button type="submit" className="button button-primary" disabled={!dirty || saving}>
          {saving ? 'Saving…' : 'Save'}
        </button>
        {dirty ? (
          <button
            type="button"
            className="button"
            onClick={() => {
              setDraft(draftOf(saved))
              setLocal({})
              resetRetentionSave()
            }}
          >
            Discard changes
          </button>
        ) : null}
        <span className="form-status" role="status">
          {saveState.status === 'saved' && !dirty ? 'Saved.' : ''}
        </span>
      </div>
      <DiscardGuard unsaved={dirty} />
    </form>
  )
}

const FIELD_TEXT: Record<LimitField, { name: string; unit: string; noLimit: string }> = {
  max_age_days: { name: 'max age (days)', unit: 'days', noLimit: 'age' },
  max_count: { name: 'max count', unit: 'records', noLimit: 'count' },
}

interface LimitInputProps {
  kind: RetentionKind
  field: LimitField
  draft: RetentionDraft
  error: string | undefined
  onEdit: (kind: RetentionKind, field: LimitField, next: Partial<FieldDraft>) => void
}

function LimitInput({ kind, field, draft, error, onEdit }: LimitInputProps) {
  const value = draft[kind][field]
  const text = FIELD_TEXT[field]
  const id = `retention-${kind}-${field}`
  return (
    <div className="settings-limit">
      <div className="settings-limit-controls">
        <input
          id={id}
          className="text-input settings-limit-input"
          type="number"
          min={1}
          step={field === 'max_count' ? 1 : 'any'}
          inputMode={field === 'max_count' ? 'numeric' : 'decimal'}
          aria-label={`${kindLabels[kind]} ${text.name}`}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          value={value.unlimited ? '' : value.text}
          placeholder={value.unlimited ? '∞' : ''}
          disabled={value.unlimited}
          onChange={(event) => onEdit(kind, field, { text: event.target.value })}
        />
        <span className="settings-limit-unit" aria-hidden="true">
          {text.unit}
        </span>
        <label className="check">
          <input
            type="checkbox"
            checked={value.unlimited}
            aria-label={`No limit on ${kindLabels[kind].toLowerCase()} ${text.noLimit}`}
            onChange={(event) => onEdit(kind, field, { unlimited: event.target.checked })}
          />
          <span aria-hidden="true">No limit</span>
        </label>
      </div>
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  )
}
