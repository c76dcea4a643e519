import { describe, expect, it } from 'vitest'
import { RequestIndex } from '../../../../src/core/receiver/request-index.ts'
import type { RequestSummary } from '../../../../src/shared/receiver/captured-request.ts'

function summary(id: string, secondsAfter: number): RequestSummary {
  return {
    id,
    bin_id: 'b',
    bin_name: 'bin',
    source: 'receiver',
    method: 'POST',
    url: '/hooks/bin/',
    path: '/hooks/bin/',
    sub_path: '/',
    size: 0,
    content_type: null,
    remote_address: null,
    received_at: new Date(Date.UTC(2026, 10, 24, 10, 0, secondsAfter)).toISOString(),
    verdict: 'not_configured',
    response_status: 200,
    forward_state: null,
    replays: 0,
  }
}

const ids = (index: RequestIndex, before: { ms: number; id: string } | null = null) =>
  [...index.newestFirst(before)].map((item) => item.id)

describe('RequestIndex', () => {
  it('orders by arrival, whatever order captures are added in (a HAR import of older ones)', () => {
    const index = new RequestIndex()
    index.upsert(summary('b', 2))
    index.upsert(summary('c', 3))
    index.upsert(summary('a', 1))
    index.upsert(summary('a2', 1))
    expect(ids(index)).toEqual(['c', 'b', 'a2', 'a'])
    expect(ids(index, { ms: Date.UTC(2026, 10, 24, 10, 0, 2), id: 'b' })).toEqual(['a2', 'a'])
  })

  it('keeps a capture in place when a new version of it is written (forwarded, replayed)', () => {
    const index = new RequestIndex()
    index.upsert(summary('a', 1))
    index.upsert(summary('b', 2))
    index.upsert({ ...summary('a', 1), replays: 3 })
    expect([...index.newestFirst(null)].map((item) => [item.id, item.replays])).toEqual([
      ['b', 0],
      ['a', 3],
    ])
  })

  it('lets a running iteration finish unchanged while captures arrive and are removed', () => {
    const index = new RequestIndex()
    for (let i = 0; i < 5; i++) index.upsert(summary(`r${i}`, 10 + i))
    const seen: string[] = []
    for (const item of index.newestFirst(null)) {
      seen.push(item.id)
      if (item.id === 'r3') {
        index.upsert(summary('late', 20))
        index.upsert(summary('early', 1))
      }
    }
    expect(seen).toEqual(['r4', 'r3', 'r2', 'r1', 'r0'])
    expect(index.remove('r2')).toBe(true)
    expect(index.remove('r2')).toBe(false)
    expect(ids(index)).toEqual(['late', 'r4', 'r3', 'r1', 'r0', 'early'])
    expect(index.size).toBe(6)
    expect(index.tombstones).toBe(1)
  })

  it('keeps captures of one millisecond in arrival order, and pages through them without a gap', () => {
    const index = new RequestIndex()
    const arrived = ['m', 'c', 'x', 'a', 'q', 'b']
    for (const id of arrived) index.upsert(summary(id, 5))
    expect(ids(index)).toEqual([...arrived].reverse())
    const ms = Date.UTC(2026, 10, 24, 10, 0, 5)
    expect(ids(index, { ms, id: 'x' })).toEqual(['c', 'm'])
    // The cursor's capture was deleted: its millisecond is listed again rather than skipped.
    index.remove('x')
    expect(ids(index, { ms, id: 'x' })).toEqual(['b', 'q', 'a', 'c', 'm'])
  })
})
