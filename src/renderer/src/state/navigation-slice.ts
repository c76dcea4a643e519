import { goTo, guardLocation } from './location-guard.ts'
import type { SliceCreator } from './slice.ts'

export { goTo }

export const pages = [
  'subscriptions',
  'auth-configs',
  'events',
  'messages',
  'inbox',
  'checks',
  'settings',
] as const
export type Page = (typeof pages)[number]

export const DEFAULT_PAGE: Page = 'events'

export function hrefOf(page: Page): string {
  return `#/${page}`
}

/** `#/settings` → settings; anything unknown falls back to the default page. */
export function pageFromHash(hash: string): Page {
  const name = hash.replace(/^#\/?/, '').split(/[/?]/)[0]
  return pages.find((page) => page === name) ?? DEFAULT_PAGE
}

export interface NavigationSlice {
  page: Page
  /** Goes to a page; the page lives in `location.hash`, so a reload keeps it. */
  navigate: (page: Page) => void
  /** Follows the hash (links, back/forward, reload); returns the function that stops following. */
  watchLocation: () => () => void
}

export const createNavigationSlice: SliceCreator<NavigationSlice> = (set) => {
  // Leaving a form with unsaved edits by a link or back/forward asks first (location-guard.ts). Set
  // up with the store, before any page renders: the guard must hear of a hash change before the
  // pages and slices that follow it.
  guardLocation()
  return {
    page: pageFromHash(window.location.hash),
    navigate: (page) => {
      // Already there: keep what the URL says is open on that page.
      if (pageFromHash(window.location.hash) !== page) goTo(hrefOf(page))
      set({ page })
    },
    watchLocation: () => {
      const follow = () => set({ page: pageFromHash(window.location.hash) })
      follow()
      window.addEventListener('hashchange', follow)
      return () => window.removeEventListener('hashchange', follow)
    },
  }
}
