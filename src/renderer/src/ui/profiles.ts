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
