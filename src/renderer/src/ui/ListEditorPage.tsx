import { Fragment, type ReactNode, useCallback, useEffect, useRef, useState } from 'react'
import type { ErrorBody } from '../../../shared/errors.ts'
import type { EditorTarget } from '../state/routes.ts'
import { ConfirmDiscard } from './ConfirmDiscard.tsx'
import { ErrorState } from './ErrorState.tsx'
import { plural } from './format.ts'
import { type ConfirmLeave, LeaveGuard, useConfirmLeave } from './leave-guard.ts'
import { PageLayout } from './PageLayout.tsx'

interface ListEditorPageProps<T> {
  title: string
  description: ReactNode
  /** What the list holds, for its toolbar and messages: `{ one: 'auth config', many: 'auth configs' }`. */
  noun: { one: string; many: string }
  list: { value: T[] | null; status: string; error: ErrorBody | null }
  onReload: () => void
  /** What the side editor is open on. */
  editor: EditorTarget
  /** The side editor for a saved item (its id) or a new one (null). */
  renderEditor: (id: string | null) => ReactNode
  /** The open form has edits that are not saved: closing it or leaving it asks first. */
  unsaved: boolean
  /** A form opened (another item, or this page again): it starts from what is saved. */
  onFormOpen: () => void
  onNew: () => void
  /** Instead of the list while there is nothing in it and no editor is open. */
  empty: ReactNode
  /** More of the list's toolbar, after the count. */
  toolbar?: ReactNode
  /** Between the toolbar and the list: what went wrong with an action on the list. */
  notice?: ReactNode
  /** The list itself. */
  children: (items: T[]) => ReactNode
}

/**
 * A page with a list on the left and a side editor on the right (Subscriptions, Auth configs). It
 * guards the editor's unsaved edits: its close buttons, the rows and New (through useConfirmLeave)
 * and the links to other pages ask before the edits are thrown away.
 */
export function ListEditorPage<T>(props: ListEditorPageProps<T>) {
  const { title, description, editor, renderEditor, unsaved, onFormOpen } = props
  const [pendingLeave, setPendingLeave] = useState<(() => void) | null>(null)
  // Read when asked, not when the callback was made: the rows keep the callback between renders.
  const unsavedNow = useRef(unsaved)
  unsavedNow.current = unsaved
  const confirmLeave = useCallback<ConfirmLeave>((leave) => {
    if (unsavedNow.current) setPendingLeave(() => leave)
    else leave()
  }, [])
  useLinkGuard(unsaved, confirmLeave)

  const editorKey = editor === null ? null : editor.kind === 'new' ? 'new' : editor.id
  // biome-ignore lint/correctness/useExhaustiveDependencies: a form opens when the editor's item changes (and with the page).
  useEffect(() => onFormOpen(), [editorKey])

  return (
    <LeaveGuard.Provider value={confirmLeave}>
      <PageLayout title={title} description={description} layout="split">
        <div className="list-pane">
          <ListPane {...props} />
        </div>
        {editor ? (
          <div className="editor-pane">
            <Fragment key={editorKey}>{renderEditor(editor.kind === 'new' ? null : editor.id)}</Fragment>
          </div>
        ) : null}
      </PageLayout>
      {pendingLeave ? (
        <ConfirmDiscard
          onDiscard={() => {
            setPendingLeave(null)
            pendingLeave()
          }}
          onKeep={() => setPendingLeave(null)}
        />
      ) : null}
    </LeaveGuard.Provider>
  )
}

function ListPane<T>({
  noun,
  list,
  onReload,
  editor,
  onNew,
  empty,
  toolbar,
  notice,
  children,
}: ListEditorPageProps<T>) {
  const confirmLeave = useConfirmLeave()
  if (list.value === null) {
    if (list.status === 'error') {
      return (
        <ErrorState
          title={`Could not load the ${noun.many}`}
          error={list.error}
          hint="Check that Hookbench is still running (the header shows the connection), then retry."
          onRetry={onReload}
        />
      )
    }
    return <p className="muted pane-message">Loading {noun.many}…</p>
  }
  if (list.value.length === 0 && editor === null) return empty

  const count = list.value.length
  return (
    <>
      <div className="pane-toolbar">
        <button type="button" className="button button-primary" onClick={() => confirmLeave(onNew)}>
          New {noun.one}
        </button>
        <span className="muted">{plural(count, noun.one, noun.many)}</span>
        {toolbar}
      </div>
      {notice}
      {count > 0 ? (
        children(list.value)
      ) : (
        <p className="muted pane-message">Fill in the form to create the first {noun.one}.</p>
      )}
    </>
  )
}

/**
 * While the form has unsaved edits, a click on a link within the app (the sidebar's pages, a link in
 * a form) asks first; the link is followed once the user discards them.
 */
function useLinkGuard(unsaved: boolean, confirmLeave: ConfirmLeave) {
  useEffect(() => {
    if (!unsaved) return
    const onClick = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0) return
      // With a modifier the link opens elsewhere (a new tab or window): nothing here is lost.
      if (event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return
      const link = event.target instanceof Element ? event.target.closest('a[href^="#"]') : null
      const href = link?.getAttribute('href')
      if (!href || href === window.location.hash) return
      event.preventDefault()
      confirmLeave(() => {
        window.location.hash = href
      })
    }
    // Capture: decided before the link's own handlers and before the browser follows it.
    document.addEventListener('click', onClick, true)
    return () => document.removeEventListener('click', onClick, true)
  }, [unsaved, confirmLeave])
}
