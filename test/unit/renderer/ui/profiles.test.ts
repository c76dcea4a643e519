import { describe, expect, it } from 'vitest'
import { subscriptionMatches } from '../../../../src/core/delivery/matching.ts'
import { unfilteredTopics } from '../../../../src/renderer/src/ui/profiles.ts'
import type { EventRecord } from '../../../../src/shared/domain/message.ts'
import type { Subscription } from '../../../../src/shared/domain/subscription.ts'

const subscription = (profile: Subscription['profile']) =>
  ({ profile, topics: [], enabled: true, entity_key: 'doc-1', tenant_id: null }) as unknown as Subscription
const event = (topic: string) => ({ topic, entity_key: 'doc-1', tenant_id: null }) as unknown as EventRecord

describe('what an unfiltered subscription is said to get', () => {
  it('says a Standard one gets custom topics, not "every topic", as delivery decides', () => {
    expect(subscriptionMatches(subscription('standard'), event('order.paid'))).toBe(true)
    expect(subscriptionMatches(subscription('standard'), event('JOB_PROCESSED'))).toBe(false)
    expect(unfilteredTopics('standard').short).toBe('custom topics')
    expect(unfilteredTopics('standard').hint).not.toMatch(/every topic is delivered/)
  })

  it('names the vendor whose topics a vendor profile gets', () => {
    expect(subscriptionMatches(subscription('rustici'), event('JOB_PROCESSED'))).toBe(true)
    expect(unfilteredTopics('rustici')).toEqual({
      short: 'all Rustici Generator topics',
      hint: 'No topics: every Rustici Generator topic is delivered.',
    })
  })
})
