import type { Subscription } from '../../../../../shared/domain/subscription.ts'
import { type SaveState, useAppStore } from '../../../stores/index.ts'
import { textOf } from '../format.ts'
import { ConfirmDelete } from '../ui/ConfirmDelete.tsx'

interface EditorFooterProps {
  saved: Subscription | null
  saving: boolean
  status: SaveState['status']
  /** Fields marked with an error (local or from the server). */
  problems: number
  /** A refusal that names no field of the form. */
  general: string | null
  onClose: () => void
}

export function EditorFooter({ saved, saving, status, problems, general, onClose }: EditorFooterProps) {
  const deleteSubscription = useAppStore((state) => state.deleteSubscription)
  return (
    <footer className="side-editor-footer">
      {general ? (
        <p className="inline-error side-editor-error" role="alert">
          Could not save: {general}
        </p>
      ) : problems > 0 ? (
        <p className="field-error side-editor-error" role="alert">
          {problems === 1 ? 'One field needs' : `${problems} fields need`} attention — see the messages above.
        </p>
      ) : null}
      <div className="form-footer">
        <button type="submit" className="button button-primary" disabled={saving}>
          {saving ? 'Saving…' : saved ? 'Save changes' : 'Create subscription'}
        </button>
        <button type="button" className="button" onClick={onClose}>
          {saved ? 'Close' : 'Cancel'}
        </button>
        <span className="form-status" role="status">
          {status === 'saved' ? 'Saved.' : ''}
        </span>
        <span className="form-hint">Ctrl+S saves</span>
        {saved ? (
          <span className="push-right">
            <ConfirmDelete
              what={`subscription “${textOf(saved.name) || saved.id}”`}
              onConfirm={() => void deleteSubscription(saved.id)}
            />
          </span>
        ) : null}
      </div>
    </footer>
  )
}
