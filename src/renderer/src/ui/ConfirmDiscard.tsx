import { useEffect, useRef } from 'react'

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
