import { describe, expect, it } from 'vitest'
import { clampShare, DETAIL_SHARE } from '../../../../../src/renderer/src/features/messages/detail-share.ts'
import type { SubscriptionLabel } from '../../../../../src/renderer/src/features/messages/messages-slice.ts'
import {
  hostOf,
  subscriptionNames,
  unknownSubscription,
} from '../../../../../src/renderer/src/features/messages/subscription-names.ts'
import { isToday } from '../../../../../src/renderer/src/ui/format.ts'

function label(id: string, name: string, url = 'http://127.0.0.1:8787/hooks/a', enabled = true) {
  return { id, name, url, enabled } satisfies SubscriptionLabel
}

describe('subscription names in the Messages table', () => {
  it('leaves a name alone when no other subscription has it, with the full id in the tooltip', () => {
    const names = subscriptionNames([label('2c2ee5d6-0000-4000-8000-000000000001', 'Orders')])
    expect(names.get('2c2ee5d6-0000-4000-8000-000000000001')).toEqual({
      text: 'Orders',
      title: 'Orders — subscription 2c2ee5d6-0000-4000-8000-000000000001',
    })
  })

  it('tells same-named subscriptions on one host apart by the start of their ids', () => {
    const names = subscriptionNames([
      label('189f8d38-ec46-4135-803f-a1c54dadaee3', 'name'),
      label('71dfda39-75ab-47d1-af8a-17055bf2d87a', 'name'),
      label('cb51624d-d6c2-427c-8eb2-fe71b6ef9455', 'Other'),
    ])
    expect(names.get('189f8d38-ec46-4135-803f-a1c54dadaee3')?.text).toBe('name · 189f8d38')
    expect(names.get('71dfda39-75ab-47d1-af8a-17055bf2d87a')?.text).toBe('name · 71dfda39')
    expect(names.get('71dfda39-75ab-47d1-af8a-17055bf2d87a')?.title).toContain(
      '71dfda39-75ab-47d1-af8a-17055bf2d87a',
    )
    expect(names.get('cb51624d-d6c2-427c-8eb2-fe71b6ef9455')?.text).toBe('Other')
  })

  it('uses the hosts when each of the same-named subscriptions has its own', () => {
    const names = subscriptionNames([
      label('a1', 'name', 'https://staging.example.com/hook'),
      label('b2', 'name', 'https://www.example.com:8443/hook'),
    ])
    expect(names.get('a1')?.text).toBe('name · staging.example.com')
    expect(names.get('b2')?.text).toBe('name · www.example.com:8443')
  })

  it('takes longer id prefixes when the first 8 characters are shared', () => {
    const names = subscriptionNames([
      label('abcdef12-1111-4000-8000-000000000001', 'name'),
      label('abcdef12-2222-4000-8000-000000000002', 'name'),
    ])
    expect(names.get('abcdef12-1111-4000-8000-000000000001')?.text).toBe('name · abcdef12-111')
    expect(names.get('abcdef12-2222-4000-8000-000000000002')?.text).toBe('name · abcdef12-222')
  })

  it('names blank names and unknown subscriptions by what there is', () => {
    const names = subscriptionNames([label('a1', '  ')])
    expect(names.get('a1')?.text).toBe('(unnamed)')
    expect(unknownSubscription('0f1e2d3c-aaaa-4000-8000-000000000000')).toEqual({
      text: '0f1e2d3c',
      title: 'Subscription 0f1e2d3c-aaaa-4000-8000-000000000000',
    })
    expect(hostOf('http://127.0.0.1:3000/x/{/resource/sys/id}')).toBe('127.0.0.1:3000')
    expect(hostOf('{/base}/hook')).toBeNull()
  })
})

describe('the message detail’s share of the page', () => {
  it('stays within its bounds, and a damaged value falls back to the initial share', () => {
    expect(clampShare(0.05)).toBe(DETAIL_SHARE.min)
    expect(clampShare(0.99)).toBe(DETAIL_SHARE.max)
    expect(clampShare(0.4567)).toBe(0.457)
    expect(clampShare(Number.NaN)).toBe(DETAIL_SHARE.initial)
  })
})

describe('rows of other days', () => {
  it('are told from today’s by the local date', () => {
    const now = new Date(2026, 10, 24, 0, 30, 0)
    expect(isToday(new Date(2026, 10, 24, 0, 0, 1).toISOString(), now)).toBe(true)
    expect(isToday(new Date(2026, 10, 23, 23, 59, 59).toISOString(), now)).toBe(false)
  })
})
