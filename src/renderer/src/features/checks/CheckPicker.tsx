import type { CheckDefinitionSummary } from '../../../../shared/domain/check-run.ts'
import { FormRow } from '../../ui/FormRow.tsx'
import type { CheckFormDraft } from './check-form.ts'
import type { CheckDefinitionsState } from './checks-slice.ts'
import { LevelBadge } from './LevelBadge.tsx'

interface CheckPickerProps {
  draft: CheckFormDraft
  definitions: CheckDefinitionsState
  /** The profile's checks (empty until they are loaded). */
  listed: readonly CheckDefinitionSummary[]
  error: string | undefined
  onChange: (excluded: string[]) => void
}

/** The profile's checks, every one ticked by default; unticking some runs only the rest. */
export function CheckPicker({ draft, definitions, listed, error, onChange }: CheckPickerProps) {
  const chosen = listed.filter((check) => !draft.excluded.includes(check.id)).length
  const toggle = (id: string, on: boolean) =>
    onChange(on ? draft.excluded.filter((each) => each !== id) : [...draft.excluded, id])

  return (
    <FormRow label="Checks" labelId="chk-only" error={error}>
      {definitions.status === 'error' ? (
        <p className="inline-error" role="alert">
          Could not list the checks: {definitions.error?.message}
        </p>
      ) : listed.length === 0 ? (
        <p className="muted">Loading the checks…</p>
      ) : (
        <>
          <div className="chk-picker-head">
            <span className="muted" data-testid="check-count">
              {chosen} of {listed.length} checks
            </span>
            <button type="button" className="link-button" onClick={() => onChange([])}>
              All
            </button>
            <button
              type="button"
              className="link-button"
              onClick={() => onChange(listed.map((check) => check.id))}
            >
              None
            </button>
          </div>
          <ul className="chk-picker" aria-labelledby="chk-only">
            {listed.map((check) => (
              <li key={check.id}>
                <label className="chk-picker-item">
                  <input
                    type="checkbox"
                    // Named by its title alone; the id and what it needs describe it.
                    aria-label={check.title}
                    aria-describedby={`chk-about-${check.id}`}
                    checked={!draft.excluded.includes(check.id)}
                    onChange={(event) => toggle(check.id, event.target.checked)}
                  />
                  <span className="chk-picker-text">
                    <span className="chk-picker-title">
                      {check.title} <LevelBadge level={check.level} />
                    </span>
                    <span id={`chk-about-${check.id}`} className="chk-picker-about">
                      <code className="chk-check-id">{check.id}</code>
                      <NeedsNote check={check} draft={draft} />
                    </span>
                  </span>
                </label>
              </li>
            ))}
          </ul>
        </>
      )}
    </FormRow>
  )
}

function NeedsNote({ check, draft }: { check: CheckDefinitionSummary; draft: CheckFormDraft }) {
  if (check.needs.length === 0) return null
  const what = check.needs.map((need) => (need === 'secret' ? 'the signing secret' : 'credentials'))
  const missing =
    (check.needs.includes('secret') && draft.secret.trim() === '') ||
    (check.needs.includes('credentials') && draft.credentials === 'none')
  return (
    <span className={missing ? 'chk-needs is-missing' : 'chk-needs'}>
      Needs {what.join(' and ')}
      {missing ? ' — skipped without' : ''}
    </span>
  )
}
