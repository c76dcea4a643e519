import type { EventType, Profile } from '../../../../shared/catalog/schema.ts'
import type { OperationInput } from '../../../../shared/contract/index.ts'
import type { SubscriptionProfile } from '../../../../shared/domain/subscription.ts'
import { payloadOf, templateKeysFor as sharedTemplateKeysFor } from '../../../../shared/payloads.ts'
import { templateContext as sharedTemplateContext } from '../../../../shared/templating.ts'

export type Json = NonNullable<OperationInput<'createSubscription'>['templates']>[string]

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

/** What the sample's URL, header and payload templates read: the one context deliveries render against. */
export function templateContext(sample: SampleEvent): Record<string, unknown> {
  return sharedTemplateContext(sample.topic, sample.data)
}

export type ParsedTemplate = { ok: true; value: Json } | { ok: false; error: string }

/**
 * A payload template as typed: JSON, or a bare placeholder such as `{/resource/}` (Contensis writes
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

/** Contensis: `resourceType.contentTypeId` (entry.news) wins over `resourceType` (entry). */
export function templateKeysFor(sample: SampleEvent): string[] {
  return sharedTemplateKeysFor(sample.topic, templateContext(sample))
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
  return payloadOf({
    profile: input.profile,
    subscriptionId: input.subscriptionId,
    topic: input.sample.topic,
    data: input.sample.data,
    messageId: MESSAGE_ID,
    timestamp: TIMESTAMP,
    tenantId: input.tenantId || null,
    entityKey: input.entityKey || null,
    resourceId: null,
    templates: input.templates,
  })
}
