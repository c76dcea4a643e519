import { Fragment, type ReactNode, useEffect } from 'react'
import type { ErrorBody } from '../../../shared/errors.ts'
import type { EditorTarget } from '../state/routes.ts'
import { DiscardGuard } from './ConfirmDiscard.tsx'
import { ErrorState } from './ErrorState.tsx'
import { plural } from './format.ts'
import { useConfirmLeave } from './leave-guard.ts'
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
 * guards the editor's unsaved edits (DiscardGuard): its close buttons, the rows and New (through
 * useConfirmLeave), links, the palette and back/forward ask before the edits are thrown away.
 */
export function ListEditorPage<T>(props: ListEditorPageProps<T>) {
  const { title, description, editor, renderEditor, unsaved, onFormOpen } = props

  const editorKey = editor === null ? null : editor.kind === 'new' ? 'new' : editor.id
  // biome-ignore lint/correctness/useExhaustiveDependencies: a form opens when the editor's item changes (and with the page).
  useEffect(() => onFormOpen(), [editorKey])

  return (
    <>
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
      <DiscardGuard unsaved={unsaved} />
    </>
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
