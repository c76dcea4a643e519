import { FormRow, invalidProps } from '../../../ui/FormRow.tsx'
import { errorAt, type FieldErrors } from '../../../ui/field-errors.ts'
import { type LocalizedDraft, nextRowId } from '../draft.ts'

interface LocalizedFieldProps {
  /** `name` or `description`: the contract's field, and the prefix of the ids. */
  field: 'name' | 'description'
  label: string
  value: LocalizedDraft
  errors: FieldErrors
  placeholder: string
  onChange: (value: LocalizedDraft) => void
}

/** Plain text, or (as Contensis allows) one text per locale: `{"en-GB": "…", "fr-fr": "…"}`. */
export function LocalizedField({ field, label, value, errors, placeholder, onChange }: LocalizedFieldProps) {
  const error = errorAt(errors, field)
  const toggle = (localized: boolean) => {
    if (localized) {
      const rows =
        value.rows.length > 0 ? value.rows : [{ id: nextRowId(), locale: 'en-GB', text: value.text }]
      onChange({ ...value, localized, rows })
    } else {
      onChange({ ...value, localized, text: value.text || value.rows[0]?.text || '' })
    }
  }
  const editRow = (id: number, patch: { locale?: string; text?: string }) =>
    onChange({ ...value, rows: value.rows.map((row) => (row.id === id ? { ...row, ...patch } : row)) })

  return (
    <FormRow
      label={label}
      htmlFor={value.localized ? undefined : field}
      labelId={`${field}-label`}
      error={error}
    >
      {value.localized ? (
        <fieldset className="plain-fieldset subs-locale-rows" aria-labelledby={`${field}-label`}>
          {value.rows.map((row) => (
            <div key={row.id} className="subs-locale-row">
              <input
                className="text-input subs-locale-code"
                aria-label={`${label} locale`}
                placeholder="en-GB"
                spellCheck={false}
                value={row.locale}
                onChange={(event) => editRow(row.id, { locale: event.target.value })}
              />
              <input
                className="text-input fill-width"
                aria-label={`${label} in ${row.locale || 'this locale'}`}
                value={row.text}
                onChange={(event) => editRow(row.id, { text: event.target.value })}
              />
              <button
                type="button"
                className="button button-small button-icon"
                aria-label={`Remove locale ${row.locale}`}
                onClick={() => onChange({ ...value, rows: value.rows.filter((item) => item.id !== row.id) })}
              >
                ×
              </button>
            </div>
          ))}
          <button
            type="button"
            className="button button-small"
            onClick={() =>
              onChange({ ...value, rows: [...value.rows, { id: nextRowId(), locale: '', text: '' }] })
            }
          >
            Add locale
          </button>
        </fieldset>
      ) : (
        <input
          id={field}
          className="text-input fill-width"
          placeholder={placeholder}
          value={value.text}
          onChange={(event) => onChange({ ...value, text: event.target.value })}
          {...invalidProps(field, error)}
        />
      )}
      <label className="check check-small">
        <input type="checkbox" checked={value.localized} onChange={(event) => toggle(event.target.checked)} />
        <span>Per locale ({label.toLowerCase()} as a locale → text map)</span>
      </label>
    </FormRow>
  )
}
