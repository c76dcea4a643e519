import { renderTemplate } from '../../../../../shared/templating.ts'
import { FormRow } from '../../../ui/FormRow.tsx'
import { errorAt, type FieldErrors } from '../../../ui/field-errors.ts'
import { JsonBlock } from '../../../ui/JsonBlock.tsx'
import { nextRowId, type TemplateRow } from '../draft.ts'
import { parseTemplate, type SampleEvent, templateContext, templateKeysFor } from '../preview.ts'

interface TemplatesFieldProps {
  rows: TemplateRow[]
  sample: SampleEvent | null
  errors: FieldErrors
  onChange: (rows: TemplateRow[]) => void
}

const EXAMPLE = `{
  "id": "{/resource/sys/id}",
  "title": "{/resource/entryTitle}",
  "by": "{/user/firstname} {/user/lastname}"
}`

/**
 * Contensis's payload templates, one per key: `entry`, `entry.news` (a content type wins over its
 * resource type), `contentType`; `"{/resource/}"` sends the whole resource.
 */
export function TemplatesField({ rows, sample, errors, onChange }: TemplatesFieldProps) {
  const edit = (id: number, patch: Partial<TemplateRow>) =>
    onChange(rows.map((row) => (row.id === id ? { ...row, ...patch } : row)))
  const keys = sample ? templateKeysFor(sample) : []
  const used = keys.find((key) => rows.some((row) => row.key.trim() === key))

  return (
    <FormRow
      label="Payload templates"
      labelId="templates-label"
      error={errors.templates}
      hint={
        rows.length === 0
          ? 'Without a template, Contensis sends the whole {event, resource, user} context.'
          : sample
            ? `For ${sample.topic} the template keys tried are ${keys.join(', then ')}.`
            : undefined
      }
    >
      {rows.map((row) => {
        const key = row.key.trim()
        const error = errorAt(errors, `templates.${key}`) ?? errors[`templates.#${row.id}`]
        const parsed = parseTemplate(row.text)
        const inputId = `template-${row.id}`
        return (
          <fieldset
            key={row.id}
            className="plain-fieldset subs-template-row"
            aria-label={`Template ${key || '(unnamed)'}`}
          >
            <div className="subs-template-head">
              <label htmlFor={`${inputId}-key`} className="muted">
                Key
              </label>
              <input
                id={`${inputId}-key`}
                className="text-input text-mono subs-template-key"
                list="template-keys"
                placeholder="entry"
                spellCheck={false}
                value={row.key}
                onChange={(event) => edit(row.id, { key: event.target.value })}
              />
              {key !== '' && key === used ? (
                <span className="badge badge-accent">used for this sample</span>
              ) : null}
              <button
                type="button"
                className="button button-small button-icon push-right"
                aria-label={`Remove template ${key}`}
                onClick={() => onChange(rows.filter((item) => item.id !== row.id))}
              >
                ×
              </button>
            </div>
            <div className="subs-template-body">
              <textarea
                id={inputId}
                className="text-area text-mono"
                aria-label={`Template ${key || '(unnamed)'} JSON`}
                aria-invalid={error ? true : undefined}
                spellCheck={false}
                rows={Math.min(12, Math.max(4, row.text.split('\n').length))}
                value={row.text}
                onChange={(event) => edit(row.id, { text: event.target.value })}
              />
              <div className="subs-template-preview">
                <span className="preview-caption">
                  {sample ? `Rendered for ${sample.topic}` : 'Rendered'}
                </span>
                {parsed.ok && sample ? (
                  <JsonBlock
                    label={`Template ${key} rendered`}
                    value={renderTemplate(parsed.value, templateContext(sample))}
                  />
                ) : (
                  <p className="muted">{parsed.ok ? 'Pick a sample event to preview.' : parsed.error}</p>
                )}
              </div>
            </div>
            {error ? <p className="field-error">{error}</p> : null}
          </fieldset>
        )
      })}
      <datalist id="template-keys">
        <option value="entry" />
        <option value="entry.news" />
        <option value="entry.blog" />
        <option value="contentType" />
      </datalist>
      <div className="inline-controls">
        <button
          type="button"
          className="button button-small"
          onClick={() =>
            onChange([...rows, { id: nextRowId(), key: rows.length === 0 ? 'entry' : '', text: EXAMPLE }])
          }
        >
          Add template
        </button>
        <button
          type="button"
          className="button button-small"
          onClick={() => onChange([...rows, { id: nextRowId(), key: 'contentType', text: '"{/resource/}"' }])}
        >
          Add whole-resource template
        </button>
      </div>
    </FormRow>
  )
}
