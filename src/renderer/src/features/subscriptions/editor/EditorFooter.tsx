import type { Subscription } from '../../../../../shared/domain/subscription.ts'
import { type SaveState, useAppStore } from '../../../state/index.ts'
import { goTo } from '../../../state/navigation-slice.ts'
import { checksHref } from '../../../state/routes.ts'
import { textOf } from '../../../ui/format.ts'
import { useConfirmLeave } from '../../../ui/leave-guard.ts'
import { SideEditorFooter } from '../../../ui/SideEditorFooter.tsx'

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
    <SideEditorFooter
      createLabel="Create subscription"
      editing={saved !== null}
      saving={saving}
      saved={status === 'saved'}
      onClose={onClose}
      hint="Ctrl+S saves"
      remove={
        saved
          ? {
              what: `subscription “${textOf(saved.name) || saved.id}”`,
              onConfirm: () => void deleteSubscription(saved.id),
            }
          : null
      }
      refusal={general}
      actions={saved ? <CheckEndpointButton id={saved.id} /> : null}
    >
      {!general && problems > 0 ? (
        <p className="field-error side-editor-error" role="alert">
          {problems === 1 ? 'One field needs' : `${problems} fields need`} attention — see the messages above.
        </p>
      ) : null}
    </SideEditorFooter>
  )
}

/** Opens the Check page filled from the saved subscription: its URL, profile, secret and credentials. */
function CheckEndpointButton({ id }: { id: string }) {
  const confirmLeave = useConfirmLeave()
  return (
    <button
      type="button"
      className="button"
      title="Runs the endpoint checks against this subscription's saved URL, secret and credentials"
      onClick={() => confirmLeave(() => goTo(checksHref({ run: null, subscription: id })))}
    >
      Check this endpoint
    </button>
  )
}
