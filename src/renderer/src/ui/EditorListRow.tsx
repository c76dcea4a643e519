import type { ReactNode } from 'react'
import { useConfirmLeave } from './leave-guard.ts'
import { rowOpener } from './row-opener.ts'

interface EditorListRowProps {
  /** Open in the side editor now. */
  selected: boolean
  onOpen: () => void
  /** The row's name, a button for the pointer (the row itself takes the keyboard). */
  name: ReactNode
  /** The small line under the name. */
  sub: ReactNode
  /** The row's other cells. */
  children: ReactNode
}

/**
 * A row of a list next to a side editor: a click anywhere on it (or Enter on it) opens it in the
 * editor, after asking when the editor has unsaved edits.
 */
export function EditorListRow({ selected, onOpen, name, sub, children }: EditorListRowProps) {
  const confirmLeave = useConfirmLeave()
  const open = () => {
    if (!selected) confirmLeave(onOpen)
  }
  return (
    <tr className={selected ? 'is-selected' : undefined} {...rowOpener(open)}>
      <th scope="row">
        <button
          type="button"
          className="row-link"
          tabIndex={-1}
          aria-current={selected ? 'true' : undefined}
          onClick={open}
        >
          {name}
        </button>
        <span className="row-sub">{sub}</span>
      </th>
      {children}
    </tr>
  )
}
