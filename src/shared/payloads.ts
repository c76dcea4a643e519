import type { SubscriptionProfile } from './domain/subscription.ts'
import { renderTemplate, templateContext } from './templating.ts'

/**
 * The wire body of a message, per profile, exactly as each vendor's documentation shows it — one
 * implementation for the delivery engine and the subscription editor's preview.
 */
export interface PayloadInput {
  profile: SubscriptionProfile
  subscriptionId: string
  topic: string
  data: unknown
  messageId: string
  /** When the message was created (ISO 8601). */
  timestamp: string
  /** The event's own keys, falling back to the subscription's. */
  tenantId: string | null
  entityKey: string | null
  resourceId: string | null
  templates: Record<string, unknown>
}

/** The body, and which Contensis template produced it (null: the profile's own structure). */
export function payloadOf(input: PayloadInput): { body: unknown; template: string | null } {
  switch (input.profile) {
    case 'rustici':
      return {
        template: null,
        body: {
          tenant_id: input.tenantId,
          subscription_id: input.subscriptionId,
          topic: input.topic,
          body: input.data,
          message_id: input.messageId,
          timestamp: input.timestamp,
          body_version: '1.0.0',
          message_version: '1.0.0',
        },
      }
    case 'quicklysign': {
      const data = asRecord(input.data)
      return {
        template: null,
        body: {
          subscription_key: input.subscriptionId,
          entity_key: input.entityKey ?? data.entity_key ?? null,
          entity_type: typeof data.entity_type === 'string' ? data.entity_type : 'Document',
          callback_event: input.topic,
        },
      }
    }
    case 'contensis': {
      const context = templateContext(input.topic, input.data)
      for (const key of templateKeysFor(input.topic, context)) {
        if (Object.hasOwn(input.templates, key)) {
          return { template: key, body: renderTemplate(input.templates[key], context) }
        }
      }
      return { template: null, body: context }
    }
    case 'iam':
      return {
        template: null,
        body: {
          event: input.topic,
          timestamp: input.timestamp,
          resource_id: iamResourceId(input.resourceId, input.data),
          data: input.data,
        },
      }
    case 'standard':
      return { template: null, body: { type: input.topic, timestamp: input.timestamp, data: input.data } }
    default: {
      const unreachable: never = input.profile
      throw new Error(`unknown profile ${String(unreachable)}`)
    }
  }
}

/**
 * The IAM server's `resource_id` (a Uuid its receivers require): the event's own, else the id of the
 * resource in `data`, else the user an event about a user's roles or password names. Null only
 * when none is there (user.bulk_deleted sends a list): pass `resource_id` with the event then.
 */
function iamResourceId(resourceId: string | null, data: unknown): string | null {
  const { id, user_id: userId } = asRecord(data)
  return resourceId ?? (typeof id === 'string' ? id : typeof userId === 'string' ? userId : null)
}

/** Contensis: a template for `resourceType.contentTypeId` (entry.news) wins over `resourceType` (entry). */
export function templateKeysFor(topic: string, context: Record<string, unknown>): string[] {
  const [resourceType = ''] = topic.split('.')
  const sys = (context.resource as { sys?: { contentTypeId?: unknown } } | undefined)?.sys
  return typeof sys?.contentTypeId === 'string'
    ? [`${resourceType}.${sys.contentTypeId}`, resourceType]
    : [resourceType]
}

function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {}
}
