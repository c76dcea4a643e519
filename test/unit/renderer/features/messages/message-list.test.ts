import { describe, expect, it } from 'vitest'
import {
  appendPage,
  applyUpdates,
  matchesFilters,
  mergeFirstPage,
  noFilters,
  previewRows,
  queryKey,
  queryOf,
} from '../../../../../src/renderer/src/features/messages/message-list.ts'
import { newestFirst, summary } from '../../fixtures.ts'

const ids = (items: ReadonlyArray<{ message_id: string }>) => items.map((item) => item.message_id)

describe('the Messages table filters', () => {
  it('asks the API only for the filters that are set; an event filter becomes a since', () => {
    expect(queryOf(noFilters)).toEqual({})
    expect(
      queryOf({
        status: 'failed',
        subscription_id: 's1',
        topic: null,
        event: { event_id: 'e1', since: '2026-11-24T12:00:00.000Z' },
      }),
    ).toEqual({ status: 'failed', subscription_id: 's1', since: '2026-11-24T12:00:00.000Z' })
  })

  it('gives one cache key per API query, whatever order the filters were set in', () => {
    const a = queryKey({ ...noFilters, status: 'failed', topic: 'user.created' })
    const b = queryKey({ ...noFilters, topic: 'user.created', status: 'failed' })
    expect(a).toBe(b)
    expect(queryKey({ ...noFilters, status: 'failed' })).not.toBe(queryKey({ ...noFilters, topic: 'failed' }))
    expect(queryKey(noFilters)).not.toBe(a)
  })

  it('matches a message against every filter that is set, the event one included', () => {
    const message = summary(4) // exhausted, s-even, user.updated, e-4
    expect(matchesFilters(message, noFilters)).toBe(true)
    expect(matchesFilters(message, { ...noFilters, status: 'exhausted', subscription_id: 's-even' })).toBe(
      true,
    )
    expect(matchesFilters(message, { ...noFilters, status: 'delivered' })).toBe(false)
    expect(matchesFilters(message, { ...noFilters, topic: 'user.created' })).toBe(false)
    expect(
      matchesFilters(message, { ...noFilters, event: { event_id: 'e-5', since: message.created_at } }),
    ).toBe(false)
  })
})

describe('the preview shown while the API is asked', () => {
  const loaded = newestFirst(12)

  it('is the loaded rows that match the new filters, in their order', () => {
    expect(ids(previewRows(loaded, { ...noFilters, status: 'exhausted' }, undefined))).toEqual([
      'm-8',
      'm-4',
      'm-0',
    ])
  })

  it('prefers the page the API last gave for that query', () => {
    const cached = [summary(40, { status: 'exhausted' }), summary(36, { status: 'exhausted' })]
    expect(ids(previewRows(loaded, { ...noFilters, status: 'exhausted' }, cached))).toEqual(['m-40', 'm-36'])
  })

  it('is empty when nothing loaded matches (the API answer fills it)', () => {
    expect(previewRows(loaded, { ...noFilters, subscription_id: 'nope' }, undefined)).toEqual([])
  })
})

describe('laying fresh pages over the loaded rows', () => {
  it('puts new messages on top and replaces changed ones where they stand', () => {
    const current = newestFirst(3) // m-2 m-1 m-0
    const changed = summary(1, { status: 'failed', updated_at: '2026-11-24T13:00:00.000Z' })
    const merged = mergeFirstPage(current, [summary(3), changed])
    expect(ids(merged)).toEqual(['m-3', 'm-2', 'm-1', 'm-0'])
    expect(merged[2]?.status).toBe('failed')
    // Unchanged rows keep their objects, so React does not re-render them.
    expect(merged[1]).toBe(current[0])
  })

  it('returns the same array when a pushed update matches no filter', () => {
    const current = newestFirst(3)
    const update = summary(7, { status: 'delivered' })
    expect(applyUpdates(current, [update], { ...noFilters, status: 'failed' })).toBe(current)
  })

  it('applies pushed updates newest first, whatever order they came in', () => {
    const current = newestFirst(2)
    expect(ids(applyUpdates(current, [summary(5), summary(9)], noFilters))).toEqual([
      'm-9',
      'm-5',
      'm-1',
      'm-0',
    ])
  })

  it('appends an older page without listing a message twice', () => {
    expect(ids(appendPage(newestFirst(3), [summary(1), summary(-1)]))).toEqual(['m-2', 'm-1', 'm-0', 'm--1'])
  })
})
