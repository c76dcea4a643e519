import type { ReactNode } from 'react'
import { ConfirmDelete } from './ConfirmDelete.tsx'
import { useConfirmLeave } from './leave-guard.ts'

interface SideEditorFooterProps {
  /** The submit button's label for something new: "Create subscription". */
  createLabel: string
  /** Editing something saved (Save changes, Close, Delete) rather than creating (Cancel). */
  editing: boolean
  saving: boolean
  /** The last save succeeded: "Saved." is announced. */
  saved: boolean
  onClose: () => void
  /** A keyboard shortcut worth knowing, shown next to the buttons. */
  hint?: string
  /** Delete, for something saved: what it is (for the question) and how. */
  remove?: { what: string; busy?: boolean; onConfirm: () => void } | null
  /** Why the last save was refused, when no field of the form shows it: "Could not save: …". */
  refusal?: string | null
  /** What else needs saying above the buttons. */
  children?: ReactNode
  /** More buttons after Close: what else can be done with the record. */
  actions?: ReactNode
}

/** The footer every side editor shares (subscriptions, auth configs): save, close, delete. */
export function SideEditorFooter({
  createLabel,
  editing,
  saving,
  saved,
  onClose,
  hint,
  remove,
  refusal,
  children,
  actions,
}: SideEditorFooterProps) {
  const confirmLeave = useConfirmLeave()
  return (
    <footer className="side-editor-footer">
      {refusal ? (
        <p className="inline-error side-editor-error" role="alert">
          Could not save: {refusal}
        </p>
      ) : null}
      {children}
      <div className="form-footer">
        <button type="submit" className="button button-primary" disabled={saving}>
          {saving ? 'Saving…' : editing ? 'Save changes' : createLabel}
        </button>
        <button type="button" className="button" onClick={() => confirmLeave(onClose)}>
          {editing ? 'Close' : 'Cancel'}
        </button>
        {actions}
        <span className="form-status" role="status">
          {saved ? 'Saved.' : ''}
        </span>
        {hint ? <span className="form-hint">{hint}</span> : null}
        {remove ? (
          <span className="push-right">
            <ConfirmDelete what={remove.what} busy={remove.busy ?? false} onConfirm={remove.onConfirm} />
          </span>
        ) : null}
      </div>
    </footer>
  )
}
