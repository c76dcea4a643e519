import { type KeyboardEvent, type ReactNode, type RefObject, useEffect, useRef } from 'react'
import { useConfirmLeave } from './leave-guard.ts'

interface SideEditorProps {
  title: string
  /** The line under the title: what the record is (id, dates, version) or what to fill in. */
  subtitle: ReactNode
  onSubmit: () => void
  onClose: () => void
  /** Ctrl+S (⌘S on a Mac) submits too; the footer's hint says so. */
  saveShortcut?: boolean
  /** The title takes the focus when the editor opens, and again when this changes (another record). */
  focusKey?: string | null
  formRef?: RefObject<HTMLFormElement | null>
  /** Said between the header and the body: a warning about the record. */
  notice?: ReactNode
  /** A SideEditorFooter. */
  footer: ReactNode
  /** The body's sections. */
  children: ReactNode
}

/** The panel every side editor shares (subscriptions, auth configs): title, close, body, footer. */
export function SideEditor({
  title,
  subtitle,
  onSubmit,
  onClose,
  saveShortcut = false,
  focusKey = null,
  formRef,
  notice,
  footer,
  children,
}: SideEditorProps) {
  const headingRef = useRef<HTMLHeadingElement>(null)
  const confirmLeave = useConfirmLeave()
  // biome-ignore lint/correctness/useExhaustiveDependencies: moves focus when another record opens, not on every edit.
  useEffect(() => {
    headingRef.current?.focus()
  }, [focusKey])

  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
      event.preventDefault()
      onSubmit()
    }
  }

  return (
    <form
      ref={formRef}
      className="side-editor"
      aria-labelledby="editor-title"
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        onSubmit()
      }}
      onKeyDown={saveShortcut ? onKeyDown : undefined}
    >
      <header className="panel-header side-editor-header">
        <div className="side-editor-heading">
          <h2 id="editor-title" ref={headingRef} tabIndex={-1}>
            {title}
          </h2>
          {subtitle}
        </div>
        <button
          type="button"
          className="button button-small button-icon"
          aria-label="Close editor"
          onClick={() => confirmLeave(onClose)}
        >
          ×
        </button>
      </header>
      {notice}
      <div className="side-editor-body">{children}</div>
      {footer}
    </form>
  )
}

/** What a side editor shows when the record it was opened on is gone (deleted elsewhere). */
export function SideEditorMissing({ what, onClose }: { what: string; onClose: () => void }) {
  return (
    <div className="side-editor-missing">
      <p>This {what} no longer exists.</p>
      <button type="button" className="button button-small" onClick={onClose}>
        Close
      </button>
    </div>
  )
}
