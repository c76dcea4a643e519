import { afterEach, describe, expect, it } from 'vitest'
import {
  confirmLeave,
  type EditHolder,
  hasUnsavedEdits,
  holdEdits,
} from '../../../../src/renderer/src/state/unsaved-edits.ts'

const releases: Array<() => void> = []
afterEach(() => {
  for (const release of releases.splice(0)) release()
})

/** A form that records the leaves it was asked about. */
function form(unsaved: boolean, staysOn: (hash: string) => boolean = () => false) {
  const asked: Array<() => void> = []
  const holder: EditHolder = { unsaved: () => unsaved, staysOn, ask: (leave) => asked.push(leave) }
  releases.push(holdEdits(holder))
  return { asked, holder }
}

describe('unsaved edits and the question before leaving them', () => {
  it('leaves at once when no form holds unsaved edits', () => {
    form(false)
    let left = 0
    confirmLeave(() => left++)
    expect(left).toBe(1)
    expect(hasUnsavedEdits()).toBe(false)
  })

  it('lets the form with unsaved edits ask, and leaves only if the user discards', () => {
    form(false)
    const edited = form(true)
    let left = 0
    confirmLeave(() => left++)
    expect(left).toBe(0)
    expect(edited.asked).toHaveLength(1)
    edited.asked[0]?.()
    expect(left).toBe(1)
  })

  it('does not ask about an address that keeps the form shown', () => {
    form(true, (hash) => hash.startsWith('#/inbox'))
    expect(hasUnsavedEdits('#/inbox?bin=b1')).toBe(false)
    expect(hasUnsavedEdits('#/events')).toBe(true)
    // Leaving without an address (a close button) always asks.
    expect(hasUnsavedEdits()).toBe(true)
  })

  it('forgets a form that closed', () => {
    const release = holdEdits({ unsaved: () => true, staysOn: () => false, ask: () => {} })
    expect(hasUnsavedEdits()).toBe(true)
    release()
    expect(hasUnsavedEdits()).toBe(false)
  })
})
