import { describe, expect, it } from 'vitest'
import {
  pendingNote,
  rateExplanation,
  ratePolylines,
  summarize,
} from '../../../../../src/renderer/src/features/messages/dashboard-data.ts'
import { diffHeaders } from '../../../../../src/renderer/src/features/messages/header-diff.ts'
import {
  isMaskedHeader,
  MASK,
  shownValue,
} from '../../../../../src/renderer/src/features/messages/masking.ts'
import { visibleMessages } from '../../../../../src/renderer/src/features/messages/message-search.ts'
import { asMessageId, formatLatency, formatTime, shortId } from '../../../../../src/renderer/src/ui/format.ts'
import { newestFirst, summary } from '../../fixtures.ts'

describe('message formatting', () => {
  it('takes a pasted GUID, blanks and capitals aside, and nothing else', () => {
    expect(asMessageId('  6BC76399-92DD-42EE-A7FA-20FC355E30BC\n')).toBe(
      '6bc76399-92dd-42ee-a7fa-20fc355e30bc',
    )
    expect(asMessageId('6bc76399-92dd-42ee-a7fa-20fc355e30b')).toBeNull()
    expect(asMessageId('delivered')).toBeNull()
  })

  it('shows the time alone today and the day with it on other days', () => {
    const now = new Date(2026, 10, 24, 18, 0, 0)
    const today = formatTime(new Date(2026, 10, 24, 14, 3, 27).toISOString(), now)
    const earlier = formatTime(new Date(2026, 10, 20, 14, 3, 27).toISOString(), now)
    expect(today).toMatch(/03.27/)
    expect(today).not.toMatch(/20/)
    expect(earlier).toMatch(/20/)
    expect(earlier.endsWith(today)).toBe(true)
  })

  it('writes latencies with the precision that still means something', () => {
    expect(formatLatency(null)).toBe('—')
    expect(formatLatency(4.26)).toBe('4.3 ms')
    expect(formatLatency(812.4)).toBe('812 ms')
    expect(formatLatency(12_345)).toBe('12.3 s')
    expect(shortId('6bc76399-92dd')).toBe('6bc76399')
  })
})

describe('headers between two attempts', () => {
  it('lists added, changed and removed headers, names compared without case', () => {
    const changes = diffHeaders(
      [
        ['Authorization', 'Bearer old'],
        ['X-Trace', 'a'],
        ['Content-Type', 'application/json'],
      ],
      [
        ['authorization', 'Bearer new'],
        ['Content-Type', 'application/json'],
        ['Retry-Count', '1'],
      ],
    )
    expect(changes).toEqual([
      { name: 'authorization', kind: 'changed', before: 'Bearer old', after: 'Bearer new' },
      { name: 'Retry-Count', kind: 'added', before: null, after: '1' },
      { name: 'X-Trace', kind: 'removed', before: 'a', after: null },
    ])
  })

  it('joins repeated headers as a client sees them, so an order-preserving resend is no change', () => {
    const headers = [
      ['Via', 'a'],
      ['Via', 'b'],
    ] as const
    expect(diffHeaders(headers, headers)).toEqual([])
    expect(diffHeaders(headers, [['Via', 'a, c']])).toEqual([
      { name: 'Via', kind: 'changed', before: 'a, b', after: 'a, c' },
    ])
  })
})

describe('masked headers', () => {
  it('masks credentials and signatures until revealed, and whatever the server sealed', () => {
    expect(isMaskedHeader('Authorization', 'Basic YTpi')).toBe(true)
    expect(isMaskedHeader('webhook-signature', 'v1,abc')).toBe(true)
    expect(isMaskedHeader('X-Api-Key', `${MASK}`)).toBe(true)
    expect(isMaskedHeader('Content-Type', 'application/json')).toBe(false)
    expect(shownValue('Authorization', 'Basic YTpi', false)).toBe(MASK)
    expect(shownValue('Authorization', 'Basic YTpi', true)).toBe('Basic YTpi')
    expect(shownValue('Accept', '*/*', false)).toBe('*/*')
  })
})

describe('searching the loaded messages', () => {
  const items = newestFirst(6)
  const label = (id: string) => (id === 's-even' ? 'Orders hook' : 'Billing')
  const ids = (list: ReadonlyArray<{ message_id: string }>) => list.map((item) => item.message_id)

  it('keeps every message when there is nothing to narrow by', () => {
    expect(visibleMessages(items, '   ', label, null)).toBe(items)
  })

  it('needs every word, in any of id, topic, subscription name, status or HTTP status', () => {
    expect(ids(visibleMessages(items, 'orders created', label, null))).toEqual(['m-0'])
    expect(ids(visibleMessages(items, 'EXHAUSTED 500', label, null))).toEqual(['m-4', 'm-0'])
    expect(ids(visibleMessages(items, 'billing', label, null))).toEqual(['m-5', 'm-3', 'm-1'])
  })

  it('narrows to the messages of one event', () => {
    const event = { event_id: 'e-3', since: summary(3).created_at }
    expect(ids(visibleMessages(items, '', label, event))).toEqual(['m-3'])
    expect(visibleMessages(items, 'exhausted', label, event)).toEqual([])
  })
})

describe('the dashboard of the last hour', () => {
  const until = Date.UTC(2026, 10, 24, 12, 0, 30)
  const minute = (n: number) => Date.UTC(2026, 10, 24, 11, n, 10)

  it('counts per minute by outcome; settled ones make the success rate', () => {
    const result = summarize(
      [
        { at: minute(59), status: 'delivered', attempts: 1 },
        { at: minute(59), status: 'failed', attempts: 1 },
        { at: minute(59), status: 'pending', attempts: 1 },
        { at: minute(10), status: 'exhausted', attempts: 1 },
        { at: minute(10), status: 'delivered', attempts: 1 },
        { at: until - 2 * 60 * 60_000, status: 'delivered', attempts: 1 }, // two hours ago: outside
      ],
      until,
    )
    expect(result.total).toBe(5)
    expect(result.delivered).toBe(2)
    expect(result.successRate).toBe(0.5)
    expect(result.peak).toBe(3)
    expect(result.buckets).toHaveLength(60)
    const last = result.buckets.find((bucket) => bucket.start === Date.UTC(2026, 10, 24, 11, 59))
    expect(last).toMatchObject({ delivered: 1, failed: 1, pending: 1 })
  })

  it('has no success rate when nothing settled', () => {
    expect(summarize([{ at: minute(30), status: 'pending', attempts: 1 }], until).successRate).toBeNull()
  })

  it('draws the rate as steps, broken where a minute had nothing settled', () => {
    const buckets = [
      { start: 0, delivered: 1, failed: 0, pending: 0 },
      { start: 1, delivered: 0, failed: 0, pending: 2 },
      { start: 2, delivered: 1, failed: 1, pending: 0 },
    ]
    expect(ratePolylines(buckets, 30, 12)).toEqual(['0.0,1.0 10.0,1.0', '20.0,6.0 30.0,6.0'])
  })
})

describe('what the success rate leaves out', () => {
  const until = Date.UTC(2026, 10, 24, 12, 0, 30)
  const at = Date.UTC(2026, 10, 24, 11, 30)

  it('counts pending messages apart, and those that failed an attempt as retrying', () => {
    const result = summarize(
      [
        { at, status: 'delivered', attempts: 1 },
        { at, status: 'pending', attempts: 3 },
        { at, status: 'pending', attempts: 0 },
      ],
      until,
    )
    expect(result.successRate).toBe(1)
    expect(result).toMatchObject({ settled: 1, pending: 2, retrying: 1 })
  })

  it('says them in words beside the rate', () => {
    expect(pendingNote(0, 0)).toBeNull()
    expect(pendingNote(2, 2)).toBe('2 retrying')
    expect(pendingNote(3, 0)).toBe('3 pending')
    expect(pendingNote(3, 1)).toBe('3 pending, 1 retrying')
  })

  it('explains the rate in its tooltip', () => {
    expect(rateExplanation({ delivered: 3, settled: 3, pending: 0 })).toContain(
      '3 of 3. No message is pending.',
    )
    expect(rateExplanation({ delivered: 1, settled: 2, pending: 1 })).toBe(
      'Success rate = delivered ÷ (delivered + failed + exhausted) over the last hour: 1 of 2. Pending messages (queued or waiting to retry) count once they settle: 1 is pending now.',
    )
  })
})
