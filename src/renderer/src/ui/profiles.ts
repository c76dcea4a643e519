import type { SubscriptionProfile } from '../../../shared/domain/subscription.ts'

export interface ProfileInfo {
  id: SubscriptionProfile
  label: string
  /** What a delivery's body looks like, in one line. */
  sends: string
  /** Which answers count as delivered. */
  success: string
}

/** The five payload formats a subscription can speak, in the order the form offers them. */
export const profileInfos: readonly ProfileInfo[] = [
  {
    id: 'standard',
    label: 'Standard Webhooks',
    sends: '{type, timestamp, data} — any topic you name.',
    success: 'any 2xx',
  },
  {
    id: 'iam',
    label: 'IAM server',
    sends: '{event, timestamp, resource_id, data} for its 27 events (user.created …).',
    success: 'any 2xx',
  },
  {
    id: 'rustici',
    label: 'Rustici Generator',
    sends: '{tenant_id, subscription_id, topic, body, message_id, timestamp, body_version, message_version}.',
    success: 'any 2xx',
  },
  {
    id: 'quicklysign',
    label: 'QuicklySign',
    sends: '{subscription_key, entity_key, entity_type, callback_event} for one watched document.',
    success: 'exactly 200',
  },
  {
    id: 'contensis',
    label: 'Contensis',
    sends: 'your payload template per resource type, or the whole {event, resource, user} context.',
    success: 'any 2xx',
  },
]

export function profileInfo(id: SubscriptionProfile): ProfileInfo {
  return profileInfos.find((info) => info.id === id) ?? (profileInfos[0] as ProfileInfo)
}

/**
 * What a subscription with no topic filter gets, as the delivery rule decides (a vendor profile gets
 * its own system's topics; `standard` gets the topics no system owns — a system's topic only when
 * listed): `short` for the list's row, `hint` for the editor.
 */
export function unfilteredTopics(id: SubscriptionProfile): { short: string; hint: string } {
  if (id === 'standard') {
    return {
      short: 'custom topics',
      hint: 'No topics: every topic of your own (not one of the four systems’) is delivered; list a system’s topic to get it too.',
    }
  }
  const { label } = profileInfo(id)
  return { short: `all ${label} topics`, hint: `No topics: every ${label} topic is delivered.` }
}
