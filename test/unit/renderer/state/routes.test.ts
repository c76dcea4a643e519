import { describe, expect, it } from 'vitest'
import {
  checksHref,
  checksTargetOf,
  inboxHref,
  inboxSelectionOf,
  routeOf,
  sameTarget,
  subscriptionHref,
  subscriptionTargetOf,
} from '../../../../src/renderer/src/state/routes.ts'

describe('what the URL says is open', () => {
  it('splits a hash into page, segments and query', () => {
    const route = routeOf('#/inbox/x%2Fy?bin=b1&request=r1')
    expect(route.page).toBe('inbox')
    expect(route.segments).toEqual(['x/y'])
    expect(route.params.get('request')).toBe('r1')
    expect(routeOf('').page).toBe('')
    expect(routeOf('#/messages/%E0%A4%A').segments).toEqual(['%E0%A4%A'])
  })

  it('round-trips the subscription editor', () => {
    for (const target of [null, { kind: 'new' as const }, { kind: 'edit' as const, id: 'sub 1/ä' }]) {
      expect(subscriptionTargetOf(subscriptionHref(target))).toEqual(target)
    }
    expect(subscriptionHref({ kind: 'edit', id: 'a/b' })).toBe('#/subscriptions/a%2Fb')
    expect(subscriptionTargetOf('#/subscriptions')).toBeNull()
  })

  it('round-trips the Check page: a run, or the form filled from a subscription', () => {
    for (const target of [
      { run: null, subscription: null },
      { run: 'chk 1/ä', subscription: null },
      { run: null, subscription: 'sub/1' },
    ]) {
      expect(checksTargetOf(checksHref(target))).toEqual(target)
    }
    expect(checksHref({ run: null, subscription: 'sub_1' })).toBe('#/checks?subscription=sub_1')
  })

  it('compares editor targets by what they open', () => {
    expect(sameTarget({ kind: 'edit', id: 'a' }, { kind: 'edit', id: 'a' })).toBe(true)
    expect(sameTarget({ kind: 'edit', id: 'a' }, { kind: 'edit', id: 'b' })).toBe(false)
    expect(sameTarget({ kind: 'new' }, { kind: 'new' })).toBe(true)
    expect(sameTarget({ kind: 'new' }, null)).toBe(false)
    expect(sameTarget(null, null)).toBe(true)
  })

  it('round-trips the Inbox bin and capture, leaving out what is not chosen', () => {
    expect(inboxHref({ bin: null, request: null })).toBe('#/inbox')
    expect(inboxHref({ bin: 'b&1', request: null })).toBe('#/inbox?bin=b%261')
    const both = { bin: 'b1', request: 'r 2' }
    expect(inboxSelectionOf(inboxHref(both))).toEqual(both)
    expect(inboxSelectionOf('#/inbox?request=')).toEqual({ bin: null, request: null })
  })
})
