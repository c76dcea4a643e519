import type { EventRecord } from '../../../shared/domain/message.ts'
import type { Subscription } from '../../../shared/domain/subscription.ts'
import { renderTemplate, renderText } from '../../../shared/templating.ts'

export interface RenderedMessage {
  url: string
  body: string
  /** Custom headers after templating; secret values are still sealed here. */
  headers: Array<[string, string, { secret: boolean }]>
}

/**
 * The wire body of a message, per profile, exactly as the seeds show it. `timestamp` is the time
 * the message was created; `message_id` never changes across retries and same-id replays.
 */
export function renderMessage(
  subscription: Subscription,
  event: EventRecord,
  messageId: string,
  createdAt: string,
): RenderedMessage {
  const context = templateContext(event)
  const url = renderText(subscription.url, context)
  const headers: RenderedMessage['headers'] = Object.entries(subscription.headers).flatMap(
    ([name, header]) =>
      header.value === undefined
        ? []
        : [
            [
              name,
              header.secret ? header.value : renderText(header.value, context),
              { secret: header.secret === true },
            ],
          ],
  )
  return { url, headers, body: JSON.stringify(bodyOf(subscription, event, messageId, createdAt)) }
}

function bodyOf(
  subscription: Subscription,
  event: EventRecord,
  messageId: string,
  createdAt: string,
): unknown {
  switch (subscription.profile) {
    case 'rustici':
      return {
        tenant_id: event.tenant_id ?? subscription.tenant_id ?? null,
        subscription_id: subscription.id,
        topic: event.topic,
        body: event.data,
        message_id: messageId,
        timestamp: createdAt,
        body_version: '1.0.0',
        message_version: '1.0.0',
      }
    case 'quicklysign': {
      const data = (event.data ?? {}) as Record<string, unknown>
      return {
        subscription_key: subscription.id,
        entity_key: event.entity_key ?? data.entity_key ?? subscription.entity_key,
        entity_type: typeof data.entity_type === 'string' ? data.entity_type : 'Document',
        callback_event: event.topic,
      }
    }
    case 'contensis':
      return contensisBody(subscription, event)
    case 'iam': {
      const data = event.data as Record<string, unknown> | null
      const id = data && typeof data === 'object' && !Array.isArray(data) ? data.id : undefined
      return {
        event: event.topic,
        timestamp: createdAt,
        resource_id: event.resource_id ?? (typeof id === 'string' ? id : null),
        data: event.data,
      }
    }
    case 'standard':
      return { type: event.topic, timestamp: createdAt, data: event.data }
    default: {
      const unreachable: never = subscription.profile
      return unreachable
    }
  }
}

/**
 * Seed 002: a template for `resourceType.contentTypeId` (e.g. `entry.news`) wins over one for the
 * resource type (`entry`); without either, the default webhook structure is sent.
 */
function contensisBody(subscription: Subscription, event: EventRecord): unknown {
  const context = templateContext(event)
  const [resourceType] = event.topic.split('.')
  const sys = (context.resource as { sys?: { contentTypeId?: unknown } } | undefined)?.sys
  const keys = [
    typeof sys?.contentTypeId === 'string' ? `${resourceType}.${sys.contentTypeId}` : null,
    resourceType,
  ]
  for (const key of keys) {
    if (key && Object.hasOwn(subscription.templates, key))
      return renderTemplate(subscription.templates[key], context)
  }
  return context
}

/** Templates read the event's data; `event.name` is filled in when the data does not say it. */
function templateContext(event: EventRecord): Record<string, unknown> {
  const data = event.data
  const base = data !== null && typeof data === 'object' && !Array.isArray(data) ? data : { data }
  const existing = (base as { event?: unknown }).event
  return existing && typeof existing === 'object' ? base : { ...base, event: { name: event.topic } }
}
