import { type SelectedTopic, topicKey } from './catalog-view.ts'
import { defaultFields, type EventFieldSpec, fieldsOf } from './event-fields.ts'
import type { EventDraft } from './events-slice.ts'

/** What the Send panel sends: a catalog topic, or one the user named (Standard Webhooks takes any). */
export interface SendTarget {
  /** The key drafts, results and recent payloads are kept under. */
  key: string
  topic: string
  /** The draft before any edit: the catalog's example, or `{}` for a topic of the user's own. */
  example: EventDraft
  /** The envelope fields besides topic and data that the topic's system reads. */
  fields: EventFieldSpec[]
}

const CUSTOM_PREFIX = 'custom/'

/** A catalog topic's example as the editor first shows it. */
export function exampleDraft({ profile, eventType }: SelectedTopic): EventDraft {
  return {
    text: JSON.stringify(eventType.example, null, 2),
    fields: defaultFields(profile, eventType.example),
  }
}

export function catalogTarget(selected: SelectedTopic): SendTarget {
  return {
    key: topicKey(selected.profile, selected.eventType),
    topic: selected.eventType.topic,
    example: exampleDraft(selected),
    fields: fieldsOf(selected.profile),
  }
}

/** A topic no catalog system sends: `custom/<topic>`, so it cannot clash with `<profile>/<topic>`. */
export function customTopicKey(topic: string): string {
  return `${CUSTOM_PREFIX}${topic}`
}

/** The topic a `custom/…` key names, or null for a catalog key (or none). */
export function customTopicOf(key: string | null): string | null {
  return key?.startsWith(CUSTOM_PREFIX) ? key.slice(CUSTOM_PREFIX.length) || null : null
}

export function customTarget(topic: string): SendTarget {
  return { key: customTopicKey(topic), topic, example: { text: '{}', fields: {} }, fields: [] }
}

/**
 * The topic a filter query names when it could be sent as is: one word (no spaces) that no catalog
 * topic is called. Null otherwise — a catalog topic is picked from the list instead.
 */
export function customTopicIn(query: string, catalogTopics: ReadonlySet<string>): string | null {
  const topic = query.trim()
  if (topic === '' || /\s/.test(topic) || catalogTopics.has(topic)) return null
  return topic
}
