import { type KeyboardEvent, useState } from 'react'
import { contensisFilterMatches } from '../../../../../shared/domain/contensis-filter.ts'
import type { ContensisTopicFilter, TopicFilter } from '../../../../../shared/domain/subscription.ts'
import { Chip } from '../../../ui/Chip.tsx'
import { FormRow } from '../../../ui/FormRow.tsx'
import type { FieldErrors } from '../../../ui/field-errors.ts'
import { withTypedTopic } from '../draft.ts'
import type { SampleEvent } from '../preview.ts'
import { describeFilter } from './contensis-filter.ts'
import { FilterEditor } from './FilterEditor.tsx'

interface ContensisTopicsFieldProps {
  topics: TopicFilter[]
  sample: SampleEvent | null
  /** The plain topic being typed, kept in the draft: saving adds it (withTypedTopic). */
  text: string
  errors: FieldErrors
  onChange: (topics: TopicFilter[]) => void
  onTextChange: (text: string) => void
}

/** Contensis's topic filter objects as chips (click one to edit it), plus plain `entry.created` topics. */
export function ContensisTopicsField({
  topics,
  sample,
  text,
  errors,
  onChange,
  onTextChange,
}: ContensisTopicsFieldProps) {
  const [editing, setEditing] = useState<number | null>(null)

  const replace = (index: number, topic: TopicFilter) =>
    onChange(topics.map((item, at) => (at === index ? topic : item)))
  const remove = (index: number) => {
    onChange(topics.filter((_, at) => at !== index))
    setEditing(null)
  }
  const addFilter = () => {
    onChange([...topics, { resourceType: 'entry' }])
    setEditing(topics.length)
  }
  const addTopic = () => {
    onChange(withTypedTopic(topics, text))
    onTextChange('')
  }
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return
    event.preventDefault()
    addTopic()
  }
  const topicError = Object.entries(errors).find(([path]) => /^topics(\.\d+)?$/.test(path))?.[1]
  const matches = (topic: TopicFilter) =>
    sample === null
      ? null
      : typeof topic === 'string'
        ? topic === sample.topic
        : contensisFilterMatches(topic, sample)
  const current = editing === null ? undefined : topics[editing]

  return (
    <FormRow
      label="Topics"
      htmlFor="contensis-topic"
      error={topicError}
      hint={
        topics.length === 0
          ? 'No filters: every Contensis event is delivered.'
          : sample
            ? `Matching filters are marked ✓ for the sample event ${sample.topic}.`
            : undefined
      }
    >
      {topics.length > 0 ? (
        <ul className="topic-chips" aria-label="Topic filters">
          {topics.map((topic, index) => {
            const match = matches(topic)
            const label = typeof topic === 'string' ? topic : describeFilter(topic)
            return (
              <Chip
                // biome-ignore lint/suspicious/noArrayIndexKey: filters have no identity but their place in the list.
                key={index}
                invalid={Object.keys(errors).some((path) => path.startsWith(`topics.${index}`))}
                current={editing === index}
                removeLabel={`Remove filter ${label}`}
                onRemove={() => remove(index)}
                onOpen={
                  typeof topic === 'string' ? undefined : () => setEditing(editing === index ? null : index)
                }
                openLabel={`Edit filter ${label}`}
              >
                {match ? (
                  <span className="topic-chip-match" title="Matches the sample event">
                    ✓{' '}
                  </span>
                ) : null}
                {label}
              </Chip>
            )
          })}
        </ul>
      ) : null}
      {editing !== null && current !== undefined && typeof current !== 'string' ? (
        <FilterEditor
          key={editing}
          index={editing}
          filter={current}
          errors={filterErrors(errors, editing)}
          onChange={(filter: ContensisTopicFilter) => replace(editing, filter)}
          onDone={() => setEditing(null)}
        />
      ) : null}
      <div className="inline-controls">
        <button type="button" className="button button-small" onClick={addFilter}>
          Add filter
        </button>
        <span className="muted">or a plain topic</span>
        <input
          id="contensis-topic"
          className="text-input subs-topic-input"
          placeholder="entry.created"
          spellCheck={false}
          value={text}
          onChange={(event) => onTextChange(event.target.value)}
          onKeyDown={onKeyDown}
        />
        <button
          type="button"
          className="button button-small"
          disabled={text.trim() === ''}
          onClick={addTopic}
        >
          Add topic
        </button>
      </div>
    </FormRow>
  )
}

function filterErrors(errors: FieldErrors, index: number): Record<string, string> {
  const prefix = `topics.${index}.`
  const result: Record<string, string> = {}
  for (const [path, message] of Object.entries(errors)) {
    if (path.startsWith(prefix)) result[path.slice(prefix.length).split('.')[0] ?? ''] = message
  }
  return result
}
