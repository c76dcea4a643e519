import type { EventType, Profile } from '../../../../shared/catalog/schema.ts'

export interface TopicGroup {
  profile: Profile
  topics: EventType[]
}

export interface SelectedTopic {
  profile: Profile
  eventType: EventType
}

/** Topics are unique within a profile, not across them. */
export function topicKey(profile: Profile, eventType: EventType): string {
  return `${profile.id}/${eventType.topic}`
}

/**
 * The catalog grouped by profile, keeping the topics where every word of the query appears in
 * the topic, its description or the system's name (case-insensitive); empty groups are dropped.
 */
export function filterCatalog(profiles: readonly Profile[], query: string): TopicGroup[] {
  const terms = query.toLowerCase().split(/\s+/).filter(Boolean)
  const groups = profiles.map((profile) => ({
    profile,
    topics: profile.event_types.filter((eventType) => {
      const text = `${eventType.topic} ${eventType.description} ${profile.name}`.toLowerCase()
      return terms.every((term) => text.includes(term))
    }),
  }))
  return groups.filter((group) => group.topics.length > 0)
}

export function findTopic(profiles: readonly Profile[], key: string | null): SelectedTopic | null {
  if (key === null) return null
  for (const profile of profiles) {
    const eventType = profile.event_types.find((candidate) => topicKey(profile, candidate) === key)
    if (eventType) return { profile, eventType }
  }
  return null
}

export function countTopics(groups: readonly { topics: readonly unknown[] }[]): number {
  return groups.reduce((total, group) => total + group.topics.length, 0)
}

export function successRuleLabel(rule: Profile['success_rule']): string {
  switch (rule) {
    case '2xx':
      return 'Success on any 2xx'
    case 'exactly-200':
      return 'Success on exactly 200'
    default: {
      const unreachable: never = rule
      return unreachable
    }
  }
}
