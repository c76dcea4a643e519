import { useState } from 'react'
import type { ContensisTopicFilter } from '../../../../../shared/domain/subscription.ts'
import { type FilterListField, filterFieldHints, filterListFields, listOf } from './contensis-filter.ts'

interface FilterEditorProps {
  index: number
  filter: ContensisTopicFilter
  /** The server's messages about this filter, by its field (`resourceType`, `event`…). */
  errors: Record<string, string>
  onChange: (filter: ContensisTopicFilter) => void
  onDone: () => void
}

type Texts = Record<FilterListField, string>

/** One Contensis filter object; list fields are typed comma-separated. */
export function FilterEditor({ index, filter, errors, onChange, onDone }: FilterEditorProps) {
  // The boxes keep what was typed ("fr-fr, "), the filter gets the parsed lists.
  const [texts, setTexts] = useState<Texts>(() => {
    const initial = {} as Texts
    for (const field of filterListFields) initial[field] = (filter[field] ?? []).join(', ')
    return initial
  })
  const id = (field: string) => `filter-${index}-${field}`

  const setList = (field: FilterListField, text: string) => {
    setTexts((current) => ({ ...current, [field]: text }))
    const { [field]: _old, ...rest } = filter
    const list = listOf(text)
    onChange(list ? { ...rest, [field]: list } : rest)
  }
  const setOwner = (owner: string) => {
    const { owner: _old, ...rest } = filter
    onChange(owner.trim() ? { ...rest, owner: owner.trim() } : rest)
  }

  return (
    <fieldset className="subs-cfilter-editor">
      <legend>Filter {index + 1}</legend>
      <div className="subs-cfilter-grid">
        <label htmlFor={id('resourceType')}>resourceType</label>
        <div>
          <input
            id={id('resourceType')}
            className="text-input"
            list="contensis-resource-types"
            placeholder={filterFieldHints.resourceType}
            value={filter.resourceType}
            onChange={(event) => onChange({ ...filter, resourceType: event.target.value })}
          />
          <datalist id="contensis-resource-types">
            <option value="entry" />
            <option value="contentType" />
          </datalist>
          {errors.resourceType ? <p className="field-error">{errors.resourceType}</p> : null}
        </div>
        {filterListFields.map((field) => (
          <FilterListInput
            key={field}
            id={id(field)}
            field={field}
            text={texts[field]}
            error={errors[field]}
            onChange={(text) => setList(field, text)}
          />
        ))}
        <label htmlFor={id('owner')}>owner</label>
        <div>
          <input
            id={id('owner')}
            className="text-input"
            placeholder={filterFieldHints.owner}
            defaultValue={filter.owner ?? ''}
            onChange={(event) => setOwner(event.target.value)}
          />
          {errors.owner ? <p className="field-error">{errors.owner}</p> : null}
        </div>
      </div>
      <p className="field-hint">Lists are comma-separated; a list left empty matches anything.</p>
      <button type="button" className="button button-small" onClick={onDone}>
        Done
      </button>
    </fieldset>
  )
}

interface FilterListInputProps {
  id: string
  field: FilterListField
  text: string
  error: string | undefined
  onChange: (text: string) => void
}

function FilterListInput({ id, field, text, error, onChange }: FilterListInputProps) {
  return (
    <>
      <label htmlFor={id}>{field}[]</label>
      <div>
        <input
          id={id}
          className="text-input"
          placeholder={filterFieldHints[field]}
          spellCheck={false}
          value={text}
          onChange={(event) => onChange(event.target.value)}
        />
        {error ? <p className="field-error">{error}</p> : null}
      </div>
    </>
  )
}
