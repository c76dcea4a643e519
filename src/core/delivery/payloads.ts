import type { EventRecord } from '../../shared/domain/message.ts'
import type { Subscription } from '../../shared/domain/subscription.ts'
import { payloadOf } from '../../shared/payloads.ts'
import { renderText, templateContext } from '../../shared/templating.ts'

export interface RenderedMessage {
  url: string
  body: string
}

/**
 * A message for one subscription: the URL template rendered against the event and the body per
 * profile (src/shared/payloads.ts). `message_id` never changes across retries and same-id
 * replays, so the body is rendered once.
 */
export function renderMessage(
  subscription: Subscription,
  event: EventRecord,
  messageId: string,
  createdAt: string,
): RenderedMessage {
  const { body } = payloadOf({
    profile: subscription.profile,
    subscriptionId: subscription.id,
    topic: event.topic,
    data: event.data,
    messageId,
    timestamp: createdAt,
    tenantId: event.tenant_id ?? subscription.tenant_id ?? null,
    entityKey: event.entity_key ?? subscription.entity_key ?? null,
    resourceId: event.resource_id,
    templates: subscription.templates,
  })
  return {
    url: renderUrl(subscription, templateContext(event.topic, event.data)),
    body: JSON.stringify(body),
  }
}

/** The subscription's URL template (`…/{/resource/sys/id}`) rendered against the event's template context. */
export function renderUrl(subscription: Subscription, context: Record<string, unknown>): string {
  return renderText(subscription.url, context)
}
