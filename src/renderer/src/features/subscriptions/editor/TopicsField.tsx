import type { KeyboardEvent } from 'react'
import type { SubscriptionProfile, TopicFilter } from '../../../../../shared/domain/subscription.ts'
import { Chip } from '../../../ui/Chip.tsx'
import { FormRow, invalidProps } from '../../../ui/FormRow.tsx'
import { errorAt, type FieldErrors } from '../../../ui/field-errors.ts'
import { unfilteredTopics } from '../../../ui/profiles.ts'
import { withTypedTopic } from '../draft.ts'
import type { SampleEvent } from '../preview.ts'

interface TopicsFieldProps {
  profile: SubscriptionProfile
  topics: TopicFilter[]
  /** The catalog's topics for this profile (every system's for `standard`, as suggestions). */
  samples: readonly SampleEvent[]
  /** What the box holds, kept in the draft: saving adds it (withTypedTopic). */
  text: string
  errors: FieldErrors
  onChange: (topics: TopicFilter[]) => void
  onTextChange: (text: string) => void
}

/** Plain topic names as chips: picked from the catalog, or typed (Standard Webhooks has no catalog). */
export function TopicsField({
  profile,
  topics,
  samples,
  text,
  errors,
  onChange,
  onTextChange,
}: TopicsFieldProps) {
  const names = [...new Set(samples.map((sample) => sample.topic))]
  const chosen = new Set(topics.filter((topic) => typeof topic === 'string'))
  const open = profile === 'standard'
  const listId = 'topic-suggestions'
  const error = errors.topics ?? errorAt(errors, 'topics')

  const add = (topic: string) => {
    onChange(withTypedTopic(topics, topic))
    onTextChange('')
  }
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return
    event.preventDefault()
    add(text)
  }

  return (
    <FormRow
      label="Topics"
      htmlFor="topics"
      error={error}
      hint={
        topics.length === 0
          ? unfilteredTopics(profile).hint
          : `${topics.length} ${topics.length === 1 ? 'topic' : 'topics'}; events of other topics are not delivered.`
      }
    >
      {topics.length > 0 ? (
        <ul className="topic-chips" aria-label="Chosen topics">
          {topics.map((topic, index) => (
            <Chip
              key={typeof topic === 'string' ? topic : index}
              invalid={errors[`topics.${index}`] !== undefined}
              removeLabel={`Remove topic ${String(topic)}`}
              onRemove={() => onChange(topics.filter((_, at) => at !== index))}
            >
              {typeof topic === 'string' ? topic : JSON.stringify(topic)}
            </Chip>
          ))}
        </ul>
      ) : null}
      <div className="inline-controls">
        <input
          id="topics"
          className="text-input subs-topic-input"
          list={listId}
          placeholder={open ? 'Type a topic, e.g. invoice.paid' : 'Pick or type a topic'}
          autoComplete="off"
          spellCheck={false}
          value={text}
          onChange={(event) => onTextChange(event.target.value)}
          onKeyDown={onKeyDown}
          {...invalidProps('topics', error)}
        />
        <datalist id={listId}>
          {names
            .filter((name) => !chosen.has(name))
            .map((name) => (
              <option key={name} value={name} />
            ))}
        </datalist>
        <button
          type="button"
          className="button button-small"
          disabled={text.trim() === ''}
          onClick={() => add(text)}
        >
          Add topic
        </button>
      </div>
    </FormRow>
  )
}
