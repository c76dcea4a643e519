import type { SliceCreator } from './slice.ts'

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

/**
 * Puts `href` (a hash) in the address bar: as a new history entry, so back returns here, or in
 * place of the current one (a step that back should skip, such as a list walked with the arrows).
 */
export function goTo(href: string, mode: 'push' | 'replace' = 'push'): void {
  if (window.location.hash === href) return
  if (mode === 'replace') window.location.replace(href)
  else window.location.hash = href
}

export interface NavigationSlice {
  page: Page
  /** Goes to a page; the page lives in `location.hash`, so a reload keeps it. */
  navigate: (page: Page) => void
  /** Follows the hash (links, back/forward, reload); returns the function that stops following. */
  watchLocation: () => () => void
}

export const createNavigationSlice: SliceCreator<NavigationSlice> = (set) => ({
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
})
