import { describe, expect, it } from 'vitest'
import { FirstPageCache } from '../../../../../src/renderer/src/features/messages/first-pages.ts'
import { summary } from '../../fixtures.ts'

describe('the cache of first pages per query', () => {
  it('keeps the newest answer per query', () => {
    const cache = new FirstPageCache()
    cache.set('a', { items: [summary(1)], total: 1 })
    cache.set('a', { items: [summary(2)], total: 7 })
    expect(cache.get('a')).toEqual({ items: [summary(2)], total: 7 })
    expect(cache.get('b')).toBeUndefined()
  })

  it('forgets the query answered longest ago once full', () => {
    const cache = new FirstPageCache(2)
    cache.set('a', { items: [], total: 0 })
    cache.set('b', { items: [], total: 0 })
    cache.set('a', { items: [], total: 1 }) // answered again: now the newest
    cache.set('c', { items: [], total: 0 })
    expect(cache.get('b')).toBeUndefined()
    expect(cache.get('a')?.total).toBe(1)
    expect(cache.get('c')).toBeDefined()
  })
})
