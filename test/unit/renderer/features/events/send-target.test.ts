import { describe, expect, it } from 'vitest'
import {
  customTopicIn,
  customTopicKey,
  customTopicOf,
} from '../../../../../src/renderer/src/features/events/send-target.ts'

const CATALOG = new Set(['user.created', 'JOB_PROCESSED'])

describe('a custom topic on the Events page', () => {
  it('is offered for one word the catalog has no topic of', () => {
    expect(customTopicIn('  order.paid ', CATALOG)).toBe('order.paid')
  })

  it('is not offered for a catalog topic, a blank filter or several words', () => {
    expect(customTopicIn('user.created', CATALOG)).toBeNull()
    expect(customTopicIn('   ', CATALOG)).toBeNull()
    expect(customTopicIn('user created', CATALOG)).toBeNull()
  })

  it('has a key of its own that catalog keys (profile/topic) never take', () => {
    expect(customTopicOf(customTopicKey('order.paid'))).toBe('order.paid')
    expect(customTopicOf('iam/user.created')).toBeNull()
    expect(customTopicOf(null)).toBeNull()
  })
})
