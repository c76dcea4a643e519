import { useId, useMemo, useState } from 'react'
import { CopyButton } from '../../ui/CopyButton.tsx'
import { highlightJson } from '../../ui/json-highlight.tsx'

type BodyMode = 'pretty' | 'raw'

/** A request or response body: pretty JSON when it is JSON, or the raw text exactly as sent. */
export function BodyView({ body, label, note }: { body: string; label: string; note?: string | undefined }) {
  const pretty = useMemo(() => prettyJson(body), [body])
  const [mode, setMode] = useState<BodyMode>('pretty')
  const name = useId()
  const shown = mode === 'pretty' && pretty !== null ? pretty : body

  return (
    <div className="messages-body-view">
      <div className="messages-body-toolbar">
        <span className="messages-body-label">{label}</span>
        <span className="messages-body-meta">
          {new TextEncoder().encode(body).length.toLocaleString()} bytes{note ? ` · ${note}` : ''}
        </span>
        {pretty !== null ? (
          <fieldset className="segmented segmented-small" aria-label={`${label} view`}>
            {(['pretty', 'raw'] as const).map((option) => (
              <label key={option} className="segment">
                <input
                  type="radio"
                  name={name}
                  value={option}
                  checked={mode === option}
                  onChange={() => setMode(option)}
                />
                <span>{option === 'pretty' ? 'Pretty' : 'Raw'}</span>
              </label>
            ))}
          </fieldset>
        ) : null}
        <CopyButton text={body} />
      </div>
      {body === '' ? (
        <p className="messages-body-empty muted">Empty body.</p>
      ) : (
        <pre className="code messages-body-code">
          <code>{mode === 'pretty' && pretty !== null ? highlightJson(shown) : shown}</code>
        </pre>
      )}
    </div>
  )
}

function prettyJson(text: string): string | null {
  if (text.trim() === '') return null
  try {
    return JSON.stringify(JSON.parse(text), null, 2)
  } catch {
    return null
  }
}
