import { catalog } from '../../shared/catalog/index.ts'
import { payloadOf } from '../../shared/payloads.ts'
import type { CheckProfile } from './report.ts'

/** An event as the checks send it: a topic and its data, shaped per profile by payloadOf. */
export interface SampleEvent {
  topic: string
  data: unknown
}

/**
 * `standard` has no catalog of its own (it takes every topic no vendor owns): an order event,
 * the kind of thing a generic Standard Webhooks sender sends.
 */
const STANDARD_EVENT: SampleEvent = {
  topic: 'order.paid',
  data: { id: 'ord_1042', status: 'paid', amount: 4200, currency: 'EUR' },
}

/**
 * A topic each system could add tomorrow, in its own naming style, and named so that whoever
 * reads the receiver's logs sees where it came from.
 */
const UNKNOWN_TOPICS: Record<CheckProfile, string> = {
  rustici: 'HOOKBENCH_UNKNOWN_EVENT',
  quicklysign: 'hookbench_unknown_event',
  contensis: 'entry.hookbenchUnknownEvent',
  iam: 'hookbench.unknown_event',
  standard: 'hookbench.unknown_event',
}

/** Who the checks say they are, where a body names the subscription or tenant. */
const SUBSCRIPTION_ID = 'hookbench-check'
const TENANT_ID = 'tenant_123'

function catalogOf(profile: CheckProfile) {
  return catalog.find((entry) => entry.id === profile)
}

/** The profile's first catalog topic with its example data. */
export function sampleEvent(profile: CheckProfile): SampleEvent {
  const first = catalogOf(profile)?.event_types[0]
  return first ? { topic: first.topic, data: first.example } : STANDARD_EVENT
}

/**
 * The sample event's data under a topic outside the profile's catalog (Contensis data names its
 * event too: that name changes with it).
 */
export function unknownEvent(profile: CheckProfile): SampleEvent {
  const topic = UNKNOWN_TOPICS[profile]
  const data = sampleEvent(profile).data as Record<string, unknown>
  const event = data.event
  const named = event !== null && typeof event === 'object'
  return { topic, data: named ? { ...data, event: { ...event, name: topic } } : data }
}

/** Whether the topic is one the profile's catalog lists (`standard` lists none). */
export function isCatalogTopic(profile: CheckProfile, topic: string): boolean {
  return catalogOf(profile)?.event_types.some((type) => type.topic === topic) ?? false
}

/** The system counts only this answer as delivered: 2xx, or exactly 200 (QuicklySign). */
export function successRuleOf(profile: CheckProfile): '2xx' | 'exactly-200' {
  return catalogOf(profile)?.success_rule ?? '2xx'
}

export interface BodyInput {
  profile: CheckProfile
  event: SampleEvent
  messageId: string
  seconds: number
}

/** The wire body the system would send for this event, exactly as delivery builds it. */
export function bodyOf({ profile, event, messageId, seconds }: BodyInput): string {
  const data = event.data as { entity_key?: unknown }
  const { body } = payloadOf({
    profile,
    subscriptionId: SUBSCRIPTION_ID,
    topic: event.topic,
    data: event.data,
    messageId,
    timestamp: new Date(seconds * 1000).toISOString(),
    tenantId: profile === 'rustici' ? TENANT_ID : null,
    entityKey: typeof data?.entity_key === 'string' ? data.entity_key : null,
    resourceId: null,
    templates: {},
  })
  return JSON.stringify(body)
}

/**
 * The body with a `padding` string added to the event's data so it is exactly `bytes` long.
 * Null for a profile whose body does not carry the data (QuicklySign sends four short fields).
 */
export function paddedBodyOf(input: BodyInput, bytes: number): string | null {
  if (input.profile === 'quicklysign') return null
  const data = { ...(input.event.data as Record<string, unknown>), padding: '' }
  const unpadded = bodyOf({ ...input, event: { ...input.event, data } })
  const missing = bytes - Buffer.byteLength(unpadded)
  if (missing <= 0) return unpadded
  return bodyOf({ ...input, event: { ...input.event, data: { ...data, padding: 'x'.repeat(missing) } } })
}
