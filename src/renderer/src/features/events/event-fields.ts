import type { Profile } from '../../../../shared/catalog/schema.ts'
import type { EventFields } from './recent-payloads.ts'

export type EventFieldName = keyof EventFields

export interface EventFieldSpec {
  name: EventFieldName
  label: string
  hint: string
}

/** The envelope fields a profile reads from `POST /api/events`, besides topic and data. */
export function fieldsOf(profile: Profile): EventFieldSpec[] {
  switch (profile.id) {
    case 'rustici':
      return [
        {
          name: 'tenant_id',
          label: 'tenant_id',
          hint: 'Goes into the notification; subscriptions tied to a tenant only get their own.',
        },
      ]
    case 'quicklysign':
      return [
        {
          name: 'entity_key',
          label: 'entity_key',
          hint: 'The document this is about; only subscriptions watching it get a callback.',
        },
      ]
    case 'iam':
      return [{ name: 'resource_id', label: 'resource_id', hint: 'Left empty, it is the id in the data.' }]
    case 'contensis':
      return []
    default: {
      const unreachable: never = profile.id
      return unreachable
    }
  }
}

/** Starting values: QuicklySign's entity_key comes from the example, so a first send matches. */
export function defaultFields(profile: Profile, example: unknown): EventFields {
  if (profile.id !== 'quicklysign') return {}
  const key = (example as { entity_key?: unknown } | null)?.entity_key
  return typeof key === 'string' ? { entity_key: key } : {}
}
