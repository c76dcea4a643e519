import { type FormEvent, useState } from 'react'
import type { Settings } from '../../../../shared/settings.ts'
import { useAppStore } from '../../state/index.ts'
import { DiscardGuard } from '../../ui/ConfirmDiscard.tsx'
import { placeIssues } from '../../ui/error-issues.ts'
import { SettingsCard } from './SettingsCard.tsx'
import { SettingsGate } from './SettingsGate.tsx'

/** Whether a request to an unknown bin name creates that bin, and how many such bins at most. */
export function BinCreationCard() {
  return (
    <SettingsCard
      id="bin-creation"
      title="Bins created on first use"
      description="A request to /hooks/<new name>/… creates that bin, as request bins do. Anyone who can reach the receiver can name one, so their number is capped."
    >
      <SettingsGate>{(settings) => <BinCreationForm saved={settings} />}</SettingsGate>
    </SettingsCard>
  )
}

function BinCreationForm({ saved }: { saved: Settings }) {
  const saveState = useAppStore((state) => state.binCreationSave)
  const save = useAppStore((state) => state.saveBinCreation)
  const savedKey = `${saved.auto_create_bins}/${saved.max_auto_created_bins}`
  const [basis, setBasis] = useState(savedKey)
  const [enabled, setEnabled] = useState(saved.auto_create_bins)
  const [max, setMax] = useState(String(saved.max_auto_created_bins))
  const [localError, setLocalError] = useState<string | null>(null)
  // New stored settings (a save, an import) replace the form.
  if (basis !== savedKey) {
    setBasis(savedKey)
    setEnabled(saved.auto_create_bins)
    setMax(String(saved.max_auto_created_bins))
    setLocalError(null)
  }

  const dirty = enabled !== saved.auto_create_bins || max !== String(saved.max_auto_created_bins)
  const saving = saveState.status === 'saving'
  const server = placeIssues(saveState.error, (path) =>
    path === 'max_auto_created_bins' ? ('max_auto_created_bins' as const) : null,
  )
  const error = localError ?? server.fields.max_auto_created_bins ?? null

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (!dirty || saving) return
    const count = Number(max)
    if (max.trim() === '' || !Number.isInteger(count) || count < 0) {
      setLocalError('Enter a whole number, 0 or more.')
      return
    }
    setLocalError(null)
    void save({ auto_create_bins: enabled, max_auto_created_bins: count })
  }

  return (
    <form onSubmit={submit} noValidate>
      <label className="check">
        <input type="checkbox" checked={enabled} onChange={(event) => setEnabled(event.target.checked)} />
        <span>Create a bin when a request names an unknown one</span>
      </label>
      <div className="settings-field-row">
        <label className="settings-field-label" htmlFor="max-auto-created-bins">
          At most
        </label>
        <div className="settings-field-control">
          <input
            id="max-auto-created-bins"
            className="text-input settings-limit-input"
            type="number"
            min={0}
            step={1}
            inputMode="numeric"
            value={max}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'max-auto-created-bins-error' : 'max-auto-created-bins-hint'}
            onChange={(event) => {
              setMax(event.target.value)
              setLocalError(null)
            }}
          />
          {error ? (
            <p id="max-auto-created-bins-error" className="field-error">
              {error}
            </p>
          ) : (
            <p id="max-auto-created-bins-hint" className="field-hint">
              Bins created on first use (bins you make here do not count). Past it, a new name gets 404 and
              nothing is created.
            </p>
          )}
        </div>
      </div>
      {server.general ? (
        <p className="inline-error" role="alert">
          Could not save: {server.general}
        </p>
      ) : null}
      <div className="form-footer">
        <button type="submit" className="button button-primary" disabled={!dirty || saving}>
          {saving ? 'Saving…' : 'Save'}
        </button>
        <span className="form-status" role="status">
          {saveState.status === 'saved' && !dirty ? 'Saved.' : ''}
        </span>
      </div>
      <DiscardGuard unsaved={dirty} />
    </form>
  )
}
