import { useState } from 'react'

interface ConfirmDeleteProps {
  /** What is deleted, for the question: "Delete this subscription?" */
  what: string
  busy?: boolean
  onConfirm: () => void
}

/** Delete in two steps, both reachable by keyboard: the question replaces the button. */
export function ConfirmDelete({ what, busy = false, onConfirm }: ConfirmDeleteProps) {
  const [asking, setAsking] = useState(false)
  if (!asking) {
    return (
      <button type="button" className="button button-quiet-danger" onClick={() => setAsking(true)}>
        Delete…
      </button>
    )
  }
  return (
    <fieldset className="plain-fieldset confirm" aria-label={`Confirm deleting ${what}`}>
      <span className="confirm-question">Delete {what}? This cannot be undone.</span>
      <button type="button" className="button button-danger button-small" disabled={busy} onClick={onConfirm}>
        {busy ? 'Deleting…' : 'Delete'}
      </button>
      <CancelConfirm onCancel={() => setAsking(false)} />
    </fieldset>
  )
}

/** The way out of a two-step question; it takes the focus, the safe place for it. */
export function CancelConfirm({ onCancel }: { onCancel: () => void }) {
  return (
    <button
      type="button"
      className="button button-small"
      // biome-ignore lint/a11y/noAutofocus: the question just replaced the focused button; Cancel is the safe place for focus.
      autoFocus
      onClick={onCancel}
    >
      Cancel
    </button>
  )
}
