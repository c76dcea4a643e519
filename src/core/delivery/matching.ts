import { contensisFilterMatches } from '../../shared/domain/contensis-filter.ts'
import type { EventRecord } from '../../shared/domain/message.ts'
import { catalogProfileOf, profileOwnsTopic, type Subscription } from '../../shared/domain/subscription.ts'

/**
 * Which subscriptions an event goes to. A vendor profile never receives another vendor's catalog
 * topic, whatever its filters say (IAM's `user.created` looks like a Contensis topic but is not
 * one); an empty topic list means "every topic of my own" (profileOwnsTopic), and `standard`
 * with no list gets every topic no vendor owns. QuicklySign subscriptions watch one entity,
 * Rustici ones may be tied to a tenant, Contensis filters read the entry model.
 */
export function subscriptionMatches(subscription: Subscription, event: EventRecord): boolean {
  if (!subscription.enabled) return false
  if (subscription.topics.length === 0 && !profileOwnsTopic(subscription.profile, event.topic)) return false
  if (subscription.profile === 'standard') return topicListed(subscription, event.topic)
  const vendor = catalogProfileOf(event.topic)?.id
  if (vendor !== undefined && vendor !== subscription.profile) return false
  switch (subscription.profile) {
    case 'quicklysign':
      return event.entity_key === subscription.entity_key && topicListed(subscription, event.topic)
    case 'rustici':
      // An event of one tenant goes to that tenant's subscriptions (and those of no tenant); an
      // event of no tenant goes to every subscription, and carries the subscription's tenant_id.
      return (
        (!subscription.tenant_id || !event.tenant_id || subscription.tenant_id === event.tenant_id) &&
        topicListed(subscription, event.topic)
      )
    case 'contensis':
      return contensisMatches(subscription, event)
    case 'iam':
      return topicListed(subscription, event.topic)
    default: {
      const unreachable: never = subscription.profile
      return unreachable
    }
  }
}

function topicListed(subscription: Subscription, topic: string): boolean {
  return subscription.topics.length === 0 || subscription.topics.some((t) => t === topic)
}

function contensisMatches(subscription: Subscription, event: EventRecord): boolean {
  if (subscription.topics.length === 0) return true
  return subscription.topics.some((filter) =>
    typeof filter === 'string' ? filter === event.topic : contensisFilterMatches(filter, event),
  )
}
