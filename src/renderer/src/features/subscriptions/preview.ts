import type { EventType, Profile } from '../../../../shared/catalog/schema.ts'
import type { SubscriptionProfile } from '../../../../shared/domain/subscription.ts'
import { renderTemplate } from '../../../../shared/templating.ts'
import type { SubscriptionPayload } from '../../stores/index.ts'

export type Json = NonNullable<SubscriptionPayload['templates']>[string]

/** An example event from the catalog, the data previews are rendered against. */
export interface SampleEvent {
  /** `profileId:topic`, unique across the catalog. */
  key: string
  profileId: string
  topic: string
  data: EventType['example']
}

export function samplesFor(profiles: readonly Profile[], profile: SubscriptionProfile): SampleEvent[] {
  // Standard Webhooks has no catalog of its own: any system's examples make good sample data.
  const sources = profile === 'standard' ? profiles : profiles.filter((item) => item.id === profile)
  return sources.flatMap((source) =>
    source.event_types.map((type) => ({
      key: `${source.id}:${type.topic}`,
      profileId: source.id,
      topic: type.topic,
      data: type.example,
    })),
  )
}

/**
 * What templates read, as the delivery engine builds it: the event's data, with `event.name` filled
 * in when the data does not say it (so `{/event/name}` works for every profile).
 */
export function templateContext(sample: SampleEvent): Record<string, unknown> {
  const data = sample.data
  const base = data !== null && typeof data === 'object' && !Array.isArray(data) ? data : { data }
  const existing = (base as { event?: unknown }).event
  return existing && typeof existing === 'object' ? base : { ...base, event: { name: sample.topic } }
}

export type ParsedTemplate = { ok: true; value: Json } | { ok: false; error: string }

/**
 * A payload template as typed: JSON, or a bare placeholder such as `{/resource/}` (seed 002 writes
 * the whole-resource template that way), which is taken as that string.
 */
export function parseTemplate(text: string): ParsedTemplate {
  const trimmed = text.trim()
  if (trimmed === '')
    return { ok: false, error: 'Write the template as JSON, e.g. {"id": "{/resource/sys/id}"}.' }
  if (/^\{\/[^{}]*\}$/.test(trimmed)) return { ok: true, value: trimmed }
  try {
    return { ok: true, value: JSON.parse(trimmed) as Json }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    return { ok: false, error: `Not valid JSON: ${reason}` }
  }
}

/** Seed 002: `resourceType.contentTypeId` (entry.news) wins over `resourceType` (entry). */
export function templateKeysFor(sample: SampleEvent): string[] {
  const context = templateContext(sample)
  const [resourceType = ''] = sample.topic.split('.')
  const sys = (context.resource as { sys?: { contentTypeId?: unknown } } | undefined)?.sys
  return typeof sys?.contentTypeId === 'string'
    ? [`${resourceType}.${sys.contentTypeId}`, resourceType]
    : [resourceType]
}

const MESSAGE_ID = 'msg_…'
const TIMESTAMP = '2025-01-01T00:00:00.000Z'

export interface BodyPreviewInput {
  profile: SubscriptionProfile
  sample: SampleEvent
  tenantId: string
  entityKey: string
  templates: Record<string, Json>
  subscriptionId: string
}

/** The body a delivery of this sample would carry (ids and times are placeholders). */
export function bodyPreview(input: BodyPreviewInput): { body: unknown; template: string | null } {
  const { sample } = input
  switch (input.profile) {
    case 'rustici':
      return {
        template: null,
        body: {
          tenant_id: input.tenantId || null,
          subscription_id: input.subscriptionId,
          topic: sample.topic,
          body: sample.data,
          message_id: MESSAGE_ID,
          timestamp: TIMESTAMP,
          body_version: '1.0.0',
          message_version: '1.0.0',
        },
      }
    case 'quicklysign': {
      const data = (sample.data ?? {}) as Record<string, unknown>
      return {
        template: null,
        body: {
          subscription_key: input.subscriptionId,
          entity_key: input.entityKey || data.entity_key,
          entity_type: typeof data.entity_type === 'string' ? data.entity_type : 'Document',
          callback_event: sample.topic,
        },
      }
    }
    case 'contensis': {
      const context = templateContext(sample)
      for (const key of templateKeysFor(sample)) {
        const template = input.templates[key]
        if (template !== undefined) return { template: key, body: renderTemplate(template, context) }
      }
      return { template: null, body: context }
    }
    case 'iam': {
      const data = sample.data as Record<string, unknown> | null
      const id = data && typeof data === 'object' && !Array.isArray(data) ? data.id : undefined
      return {
        template: null,
        body: {
          event: sample.topic,
          timestamp: TIMESTAMP,
          resource_id: typeof id === 'string' ? id : null,
          data: sample.data,
        },
      }
    }
    case 'standard':
      return { template: null, body: { type: sample.topic, timestamp: TIMESTAMP, data: sample.data } }
    default: {
      const unreachable: never = input.profile
      return unreachable
    }
  }
}
