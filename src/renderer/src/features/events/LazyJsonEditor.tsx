import { lazy, Suspense } from 'react'
import type { JsonEditorProps } from './JsonEditor.tsx'

// CodeMirror is about a third of the renderer's code and only the Events page uses it: it is its
// own chunk, fetched the first time an editor is shown, so the other pages start without parsing it.
const JsonEditor = lazy(async () => ({ default: (await import('./JsonEditor.tsx')).JsonEditor }))

/** The JSON editor; until its chunk has loaded, the same text in the same box, read-only. */
export function LazyJsonEditor(props: JsonEditorProps) {
  return (
    <Suspense
      fallback={
        <pre className="events-json-editor events-json-editor-loading" aria-busy="true">
          {props.value}
        </pre>
      }
    >
      <JsonEditor {...props} />
    </Suspense>
  )
}
