import { useState } from 'react'
import { CancelConfirm } from '../../ui/ConfirmDelete.tsx'

interface ConfirmButtonProps {
  /** The visible label of the first button: "Delete". */
  label: string
  /** What is affected, for the accessible names and the question: "demo". */
  what: string
  busy?: boolean
  onConfirm: () => void
}

/** A destructive action in two steps, both reachable by keyboard: the question replaces the button. */
export function ConfirmButton({ label, what, busy = false, onConfirm }: ConfirmButtonProps) {
  const [asking, setAsking] = useState(false)
  if (!asking) {
    return (
      <button
        type="button"
        className="button button-small button-quiet-danger"
        aria-label={`${label} ${what}`}
        onClick={() => setAsking(true)}
      >
        {label}…
      </button>
    )
  }
  return (
    <fieldset className="settings-confirm" aria-label={`Confirm: ${label.toLowerCase()} ${what}`}>
      <button
        type="button"
        className="button button-small button-danger"
        disabled={busy}
        aria-label={`Yes, ${label.toLowerCase()} ${what}`}
        onClick={onConfirm}
      >
        {busy ? 'Working…' : `Yes, ${label.toLowerCase()}`}
      </button>
      <CancelConfirm onCancel={() => setAsking(false)} />
    </fieldset>
  )
}
