import { afterEach, beforeEach, vi } from 'vitest'
import { create, type StateCreator } from 'zustand'
import {
  createInboxSlice,
  type InboxSlice,
} from '../../../../../src/renderer/src/features/inbox/inbox-slice.ts'
import type { Api } from '../../../../../src/shared/contract/index.ts'

/** The Inbox slice alone, over the operations a test fakes (any other one is absent). */
export function inboxStore(api: Partial<Record<keyof Api, unknown>>) {
  const slice = createInboxSlice(api as unknown as Api) as unknown as StateCreator<InboxSlice>
  return create<InboxSlice>()(slice)
}

/** The slice follows and writes `location.hash`: a window that only keeps the hash. */
export function stubWindowPerTest(): void {
  beforeEach(() => {
    vi.stubGlobal('window', {
      location: { hash: '', replace: () => {} },
      // goTo numbers the history entries it makes (state/location-guard.ts).
      history: { state: null, replaceState: () => {}, go: () => {} },
      addEventListener: () => {},
      removeEventListener: () => {},
    })
  })
  afterEach(() => {
    vi.unstubAllGlobals()
  })
}
