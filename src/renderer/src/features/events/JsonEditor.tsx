import { defaultKeymap, history, historyKeymap } from '@codemirror/commands'
import { json } from '@codemirror/lang-json'
import { bracketMatching, indentOnInput, syntaxHighlighting } from '@codemirror/language'
import { EditorState } from '@codemirror/state'
import { drawSelection, EditorView, highlightActiveLine, keymap, lineNumbers } from '@codemirror/view'
import { classHighlighter } from '@lezer/highlight'
import { useEffect, useRef } from 'react'

// CodeMirror's own selection rule is very specific; a theme extension outranks it without !important.
const selectionTheme = EditorView.theme({
  '&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground': {
    background: 'var(--accent-soft)',
  },
})

export interface JsonEditorProps {
  value: string
  onChange: (text: string) => void
  /** Mod-Enter inside the editor (send). */
  onSubmit?: () => void
  label: string
  testId?: string
  describedBy?: string
}

/**
 * A CodeMirror 6 JSON editor. Tab is left to the browser, so keyboard users can leave the editor
 * as from any field; colours come from `tok-*` classes styled in ui/base.css.
 */
export function JsonEditor({ value, onChange, onSubmit, label, testId, describedBy }: JsonEditorProps) {
  const host = useRef<HTMLDivElement>(null)
  const view = useRef<EditorView | null>(null)
  // The editor lives across renders; it calls the latest handlers through these.
  const handlers = useRef({ onChange, onSubmit })
  handlers.current = { onChange, onSubmit }

  // biome-ignore lint/correctness/useExhaustiveDependencies: created once; `value` is synced below.
  useEffect(() => {
    if (!host.current) return
    const editor = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: value,
        extensions: [
          lineNumbers(),
          history(),
          drawSelection(),
          indentOnInput(),
          bracketMatching(),
          highlightActiveLine(),
          json(),
          syntaxHighlighting(classHighlighter),
          EditorState.tabSize.of(2),
          selectionTheme,
          keymap.of([
            {
              key: 'Mod-Enter',
              run: () => {
                handlers.current.onSubmit?.()
                return true
              },
            },
            ...defaultKeymap,
            ...historyKeymap,
          ]),
          EditorView.contentAttributes.of({
            'aria-label': label,
            ...(describedBy ? { 'aria-describedby': describedBy } : {}),
          }),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) handlers.current.onChange(update.state.doc.toString())
          }),
        ],
      }),
    })
    view.current = editor
    return () => {
      editor.destroy()
      view.current = null
    }
  }, [])

  // A new topic or a restored payload replaces the text (not an edit made here).
  useEffect(() => {
    const editor = view.current
    if (!editor || editor.state.doc.toString() === value) return
    editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: value } })
  }, [value])

  return <div ref={host} className="events-json-editor" data-testid={testId} />
}
