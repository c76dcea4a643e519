import { useEffect, useRef, useState } from 'react'
import { holdEdits } from '../state/unsaved-edits.ts'

interface ConfirmDiscardProps {
  onDiscard: () => void
  onKeep: () => void
}

/**
 * Asks before unsaved edits are thrown away. A modal <dialog>: the page behind is inert, Tab stays in
 * it, Escape keeps editing, and the focus returns where it was when it closes.
 */
export function ConfirmDiscard({ onDiscard, onKeep }: ConfirmDiscardProps) {
  const dialog = useRef<HTMLDialogElement>(null)
  const keep = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    const element = dialog.current
    if (!element) return
    element.showModal()
    // Keeping the edits is the safe answer, so it has the focus (showModal would pick Discard, the first).
    keep.current?.focus()
    return () => element.close()
  }, [])

  return (
    <dialog
      ref={dialog}
      className="confirm-dialog"
      role="alertdialog"
      aria-labelledby="confirm-discard-title"
      aria-describedby="confirm-discard-body"
      onCancel={(event) => {
        event.preventDefault()
        onKeep()
      }}
    >
      <h2 id="confirm-discard-title" className="confirm-dialog-title">
        Discard changes?
      </h2>
      <p id="confirm-discard-body" className="confirm-dialog-body">
        This form has edits that are not saved. Discarding them cannot be undone.
      </p>
      <div className="confirm-dialog-buttons">
        <button type="button" className="button button-danger" onClick={onDiscard}>
          Discard
        </button>
        <button ref={keep} type="button" className="button button-primary" onClick={onKeep}>
          Keep editing
        </button>
      </div>
    </dialog>
  )
}

/**
 * Holds a form's unsaved edits while the form is shown: whatever would throw them away (its close
 * buttons through useConfirmLeave, links, the palette, back/forward) asks first, with ConfirmDiscard.
 * `staysOn`: the addresses that keep the form shown (the Inbox's bin filter), which need not ask.
 */
export function DiscardGuard({
  unsaved,
  staysOn,
}: {
  unsaved: boolean
  staysOn?: (hash: string) => boolean
}) {
  const [pendingLeave, setPendingLeave] = useState<(() => void) | null>(null)
  // Read when asked, not when registered: the edits change after the form registers.
  const now = useRef({ unsaved, staysOn })
  now.current = { unsaved, staysOn }
  useEffect(
    () =>
      holdEdits({
        unsaved: () => now.current.unsaved,
        staysOn: (hash) => now.current.staysOn?.(hash) ?? false,
        ask: (leave) => setPendingLeave(() => leave),
      }),
    [],
  )
  if (!pendingLeave) return null
  return (
    <ConfirmDiscard
      onDiscard={() => {
        setPendingLeave(null)
        pendingLeave()
      }}
      onKeep={() => setPendingLeave(null)}
    />
  )
}
