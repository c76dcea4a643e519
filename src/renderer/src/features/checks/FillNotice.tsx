import { useAppStore } from '../../state/index.ts'

/** Where the form came from ("Check this endpoint"), and what could not be filled from it. */
export function FillNotice() {
  const fill = useAppStore((state) => state.checkFill)
  const draftFrom = useAppStore((state) => state.checkDraft.subscriptionId)
  const change = useAppStore((state) => state.changeCheckDraft)
  if (fill.status === 'loading') return <p className="muted">Filling in from the subscription…</p>
  if (fill.status === 'error') {
    return (
      <p className="notice is-error" role="alert">
        Could not fill in from subscription {fill.subscriptionId}: {fill.error?.message}
      </p>
    )
  }
  if (!draftFrom) return null
  return (
    <div className="notice chk-fill-notice" data-testid="check-fill-notice">
      <p>
        Filled in from subscription <code>{draftFrom}</code>; the run is kept with it.{' '}
        <button type="button" className="link-button" onClick={() => change({ subscriptionId: null })}>
          Unlink
        </button>
      </p>
      {fill.subscriptionId === draftFrom
        ? fill.notes.map((note) => (
            <p key={note} className="chk-fill-note">
              {note}
            </p>
          ))
        : null}
    </div>
  )
}
