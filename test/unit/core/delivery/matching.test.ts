import { describe, expect, it } from 'vitest'
import { subscriptionMatches } from '../../../../src/core/delivery/matching.ts'
import type { EventRecord } from '../../../../src/shared/domain/message.ts'
import type { SubscriptionProfile, TopicFilter } from '../../../../src/shared/domain/subscription.ts'
import { storedSubscription } from '../../../helpers/stored-subscription.ts'

const at = '2026-01-01T00:00:00.000Z'

/** A stored subscription of `profile` with `topics` (empty: no filter). */
function subscription(profile: SubscriptionProfile, topics: TopicFilter[] = [], extra: object = {}) {
  return storedSubscription(`s-${profile}`, {
    name: profile,
    url: 'http://127.0.0.1:9/hook/{/resource/sys/id}',
    profile,
    topics,
    ...extra,
  })
}

function event(topic: string, extra: Partial<EventRecord> = {}): EventRecord {
  return {
    event_id: 'e-1',
    topic,
    data: {},
    tenant_id: null,
    entity_key: null,
    resource_id: null,
    created_at: at,
    ...extra,
  }
}

/** One topic of each vendor's catalog, and one no vendor names. */
const vendorTopics = {
  rustici: 'JOB_PROCESSED',
  quicklysign: 'entity_updated',
  contensis: 'entry.created',
  iam: 'user.created',
} as const

describe('a subscription with no topic filter gets its own profile’s topics only', () => {
  it('contensis: every event of its resource types, but no IAM topic that looks like one', () => {
    const contensis = subscription('contensis')
    for (const topic of ['entry.created', 'entry.published', 'entry.approved', 'contentType.deleted']) {
      expect(subscriptionMatches(contensis, event(topic)), topic).toBe(true)
    }
    for (const topic of [
      'user.created',
      'realm.updated',
      'role.deleted',
      'client.created',
      'webhook.updated',
    ]) {
      expect(subscriptionMatches(contensis, event(topic)), topic).toBe(false)
    }
    // Another resource type, a Standard Webhooks-style topic, another vendor's: not its own.
    for (const topic of ['component.created', 'order.paid', 'JOB_PROCESSED']) {
      expect(subscriptionMatches(contensis, event(topic)), topic).toBe(false)
    }
  })

  it.each(['rustici', 'quicklysign', 'iam'] as const)(
    '%s: its catalog’s topics, no other vendor’s',
    (profile) => {
      const sub = subscription(profile, [], profile === 'quicklysign' ? { entity_key: 'doc-1' } : {})
      for (const [owner, topic] of Object.entries(vendorTopics)) {
        expect(subscriptionMatches(sub, event(topic, { entity_key: 'doc-1' })), topic).toBe(owner === profile)
      }
      expect(subscriptionMatches(sub, event('order.paid', { entity_key: 'doc-1' }))).toBe(false)
    },
  )

  it('standard: any topic no vendor’s catalog has; a vendor topic only when named', () => {
    const standard = subscription('standard')
    expect(subscriptionMatches(standard, event('order.paid'))).toBe(true)
    expect(subscriptionMatches(standard, event('a.b.c'))).toBe(true)
    expect(subscriptionMatches(standard, event('component.created'))).toBe(true)
    expect(subscriptionMatches(standard, event('entry.approved'))).toBe(false)
    for (const topic of Object.values(vendorTopics)) {
      expect(subscriptionMatches(standard, event(topic)), topic).toBe(false)
    }
    const named = subscription('standard', ['user.created'])
    expect(subscriptionMatches(named, event('user.created'))).toBe(true)
    expect(subscriptionMatches(named, event('order.paid'))).toBe(false)
  })
})

describe('a subscription with a topic filter', () => {
  it('contensis: a filter object on a resourceType another vendor uses still never takes that vendor’s topic', () => {
    const users = subscription('contensis', [{ resourceType: 'user' }])
    expect(subscriptionMatches(users, event('user.created'))).toBe(false)
    expect(subscriptionMatches(users, event('user.locked'))).toBe(true)
    const components = subscription('contensis', ['component.created'])
    expect(subscriptionMatches(components, event('component.created'))).toBe(true)
    const entries = subscription('contensis', [{ resourceType: 'entry', event: ['created'] }])
    expect(subscriptionMatches(entries, event('entry.created'))).toBe(true)
    expect(subscriptionMatches(entries, event('entry.updated'))).toBe(false)
  })

  it('iam: only the topics listed', () => {
    const sub = subscription('iam', ['user.created'])
    expect(subscriptionMatches(sub, event('user.created'))).toBe(true)
    expect(subscriptionMatches(sub, event('user.updated'))).toBe(false)
  })

  it('a disabled subscription gets nothing', () => {
    expect(subscriptionMatches(subscription('iam', [], { enabled: false }), event('user.created'))).toBe(
      false,
    )
  })
})
