import { confirmLeave, hasUnsavedEdits } from './unsaved-edits.ts'

// The ways out of a form that are not a button of its own: a link, back/forward, a hash typed in the
// address bar. While a form holds unsaved edits (unsaved-edits.ts), each asks first. A hashchange
// cannot be cancelled, so the guard puts the form's history entry back, asks, and on "Discard" moves
// to where the browser was going. To know how far to move, each history entry carries its position.

/** The key in `history.state` that numbers this app's history entries. */
const ENTRY_KEY = 'hookbenchEntry'

/** The position of the entry shown. */
let currentEntry = 0
/** Hash changes the app itself made (goTo), oldest first: they never ask, the app decided to leave. */
const expected: string[] = []
/** The hash the guard is putting back: that change is the guard's own and nobody follows it. */
let restoringTo: string | null = null
/** A link click the user agreed to: the guard lets it through once. */
let passingClick = false

/**
 * Puts `href` (a hash) in the address bar: as a new history entry, so back returns here, or in
 * place of the current one (a step that back should skip, such as a list walked with the arrows).
 */
export function goTo(href: string, mode: 'push' | 'replace' = 'push'): void {
  if (window.location.hash === href) return
  expected.push(href)
  if (mode === 'replace') {
    replaceEntry(href)
  } else {
    window.location.hash = href
    // Numbered now: the hashchange comes later, maybe after another change has made a newer entry.
    markEntry(currentEntry + 1)
  }
}

/**
 * Starts guarding links and hash changes; returns the function that stops. Before anyone else
 * listens: a hashchange the guard undoes must reach no one (capture alone does not put it first).
 */
export function guardLocation(): () => void {
  currentEntry = entryOf(window.history.state) ?? 0
  markEntry(currentEntry)
  // Capture: decided before anyone else follows the hash (slices listen without capture) or the link.
  window.addEventListener('hashchange', onHashChange, true)
  document.addEventListener('click', onLinkClick, true)
  window.addEventListener('beforeunload', onBeforeUnload)
  return () => {
    window.removeEventListener('hashchange', onHashChange, true)
    document.removeEventListener('click', onLinkClick, true)
    window.removeEventListener('beforeunload', onBeforeUnload)
  }
}

/**
 * Reloading or closing the browser tab with unsaved edits: the browser's own "Leave site?". Not in
 * the desktop window, where a refused unload silently keeps the window from closing.
 */
function onBeforeUnload(event: BeforeUnloadEvent): void {
  if (window.desktop === undefined && hasUnsavedEdits()) event.preventDefault()
}

function onHashChange(event: HashChangeEvent): void {
  // The hash this change went to (location.hash may already be a later one).
  const hash = new URL(event.newURL).hash
  if (restoringTo !== null && hash === restoringTo) {
    restoringTo = null
    event.stopImmediatePropagation()
    return
  }
  const ours = expected.indexOf(hash)
  if (ours >= 0) expected.splice(0, ours + 1)
  const arrived = entryOf(window.history.state)
  if (ours >= 0 || !hasUnsavedEdits(hash)) {
    // An entry without a number is new (a typed hash, a link): pushed after the current one.
    markEntry(arrived ?? currentEntry + 1)
    return
  }
  // The browser moved away from a form with unsaved edits: nobody follows; back to the form, and ask.
  event.stopImmediatePropagation()
  const steps = (arrived ?? currentEntry + 1) - currentEntry
  restoringTo = new URL(event.oldURL).hash
  if (steps === 0) replaceEntry(restoringTo)
  else window.history.go(-steps)
  confirmLeave(() => {
    expected.push(hash)
    if (steps === 0) replaceEntry(hash)
    else window.history.go(steps)
  }, hash)
}

/**
 * A click on a link within the app (the sidebar's pages, a link in a form) while a form has unsaved
 * edits: asks first, and clicks the link again once the user discards them, so the link's own
 * handlers run only when the page is really left.
 */
function onLinkClick(event: MouseEvent): void {
  if (passingClick || event.defaultPrevented || event.button !== 0) return
  // With a modifier the link opens elsewhere (a new tab or window): nothing here is lost.
  if (event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return
  const link = event.target instanceof Element ? event.target.closest('a[href^="#"]') : null
  const href = link?.getAttribute('href')
  if (!(link instanceof HTMLElement) || !href || href === window.location.hash) return
  if (!hasUnsavedEdits(href)) return
  event.preventDefault()
  event.stopPropagation()
  confirmLeave(() => {
    expected.push(href)
    passingClick = true
    try {
      link.click()
    } finally {
      passingClick = false
    }
  }, href)
}

/** An entry that replaced the current one keeps its number. */
function replaceEntry(hash: string): void {
  window.location.replace(hash)
  markEntry(currentEntry)
}

function entryOf(state: unknown): number | null {
  const value =
    typeof state === 'object' && state !== null ? (state as Record<string, unknown>)[ENTRY_KEY] : null
  return typeof value === 'number' ? value : null
}

function markEntry(position: number): void {
  currentEntry = position
  const state = window.history.state
  const kept = typeof state === 'object' && state !== null ? state : {}
  window.history.replaceState({ ...kept, [ENTRY_KEY]: position }, '')
}
