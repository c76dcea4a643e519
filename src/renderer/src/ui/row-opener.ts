import type { KeyboardEvent, MouseEvent } from 'react'

/** What a row's own controls are: a click on one of them is theirs, not the row's. */
const CONTROLS = 'a, button, input, select, textarea, label, summary'

/**
 * Props that make a whole table row open what it stands for, as the Messages table does: a click
 * anywhere on it but its own controls (or a drag that selected text to copy), and Enter or Space
 * on the focused row. The row is in the tab order; its name button is left out of it.
 */
export function rowOpener(open: () => void) {
  return {
    tabIndex: 0,
    onClick: (event: MouseEvent<HTMLElement>) => {
      const control = (event.target as Element).closest(CONTROLS)
      if (control && event.currentTarget.contains(control)) return
      if (!(window.getSelection()?.isCollapsed ?? true)) return
      open()
    },
    onKeyDown: (event: KeyboardEvent<HTMLElement>) => {
      if (event.target !== event.currentTarget) return
      if (event.key !== 'Enter' && event.key !== ' ') return
      event.preventDefault()
      open()
    },
  }
}
