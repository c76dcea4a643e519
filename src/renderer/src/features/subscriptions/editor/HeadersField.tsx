import { renderText } from '../../../../../shared/templating.ts'
import { FormRow } from '../../../ui/FormRow.tsx'
import { errorAt, type FieldErrors } from '../../../ui/field-errors.ts'
import { type HeaderRow, nextRowId } from '../draft.ts'
import { type SampleEvent, templateContext } from '../preview.ts'

interface HeadersFieldProps {
  rows: HeaderRow[]
  sample: SampleEvent | null
  errors: FieldErrors
  onChange: (rows: HeaderRow[]) => void
}

const WRITE_ONLY = '•••• (write-only)'

/** Custom headers; a secret one is write-only once saved: it can be replaced, never read back. */
export function HeadersField({ rows, sample, errors, onChange }: HeadersFieldProps) {
  const edit = (id: number, patch: Partial<HeaderRow>) =>
    onChange(rows.map((row) => (row.id === id ? { ...row, ...patch } : row)))
  return (
    <FormRow
      label="Headers"
      labelId="headers-label"
      error={errors.headers}
      hint="Values may use placeholders; secret values are stored encrypted."
    >
      {rows.length > 0 ? (
        <fieldset className="plain-fieldset subs-header-rows" aria-labelledby="headers-label">
          {rows.map((row, index) => {
            // The header's own path or one below it (`headers.X-Key.value`).
            const error = errorAt(errors, `headers.${row.name.trim()}`) ?? errors[`headers.#${row.id}`]
            const rendered =
              !row.secret && sample && row.value.includes('{/')
                ? renderText(row.value, templateContext(sample))
                : null
            const label = row.name.trim() || `header ${index + 1}`
            return (
              <div key={row.id} className="subs-header-row">
                <input
                  className="text-input text-mono subs-header-name"
                  aria-label={`Header ${index + 1} name`}
                  placeholder="X-Api-Key"
                  spellCheck={false}
                  value={row.name}
                  aria-invalid={error ? true : undefined}
                  onChange={(event) => edit(row.id, { name: event.target.value })}
                />
                <input
                  className="text-input text-mono fill-width"
                  aria-label={`Value of ${label}`}
                  type={row.secret ? 'password' : 'text'}
                  autoComplete="off"
                  spellCheck={false}
                  placeholder={row.stored ? `${WRITE_ONLY} — type to replace` : 'value or {/pointer}'}
                  value={row.value}
                  onChange={(event) => edit(row.id, { value: event.target.value })}
                />
                <label className="check check-small" title="Secret values are write-only after saving">
                  <input
                    type="checkbox"
                    checked={row.secret}
                    aria-label={`${label} is secret`}
                    onChange={(event) => edit(row.id, { secret: event.target.checked })}
                  />
                  <span aria-hidden="true">Secret</span>
                </label>
                <button
                  type="button"
                  className="button button-small button-icon"
                  aria-label={`Remove ${label}`}
                  onClick={() => onChange(rows.filter((item) => item.id !== row.id))}
                >
                  ×
                </button>
                {row.stored && row.value === '' ? (
                  <span className="subs-header-note">
                    <span className="badge">{WRITE_ONLY}</span> saved value kept
                  </span>
                ) : null}
                {rendered !== null ? (
                  <span className="subs-header-note">
                    <span className="muted">→</span>{' '}
                    {rendered === '' ? (
                      <span className="muted">(empty for this sample)</span>
                    ) : (
                      <code>{rendered}</code>
                    )}
                  </span>
                ) : null}
                {error ? <p className="field-error subs-header-note">{error}</p> : null}
              </div>
            )
          })}
        </fieldset>
      ) : null}
      <button
        type="button"
        className="button button-small"
        onClick={() =>
          onChange([...rows, { id: nextRowId(), name: '', value: '', secret: false, stored: false }])
        }
      >
        Add header
      </button>
    </FormRow>
  )
}
