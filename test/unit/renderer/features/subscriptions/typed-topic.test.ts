import { describe, expect, it } from 'vitest'
import {
  newDraft,
  payloadOf,
  withTypedTopic,
} from '../../../../../src/renderer/src/features/subscriptions/draft.ts'

describe('a topic typed but not added', () => {
  it('is saved with the others: the user typed it', () => {
    const draft = { ...newDraft(), topics: ['invoice.paid'], topicText: '  order.paid ' }
    expect(payloadOf(draft, true).payload.topics).toEqual(['invoice.paid', 'order.paid'])
  })

  it('adds nothing when blank or already chosen', () => {
    expect(withTypedTopic(['order.paid'], 'order.paid')).toEqual(['order.paid'])
    expect(withTypedTopic(['order.paid'], '   ')).toEqual(['order.paid'])
  })
})
