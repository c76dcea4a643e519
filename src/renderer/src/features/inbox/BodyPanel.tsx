import { useId, useMemo, useState } from 'react'
import { CopyButton } from '../../ui/CopyButton.tsx'
import { bytesOf, hexDump, prettyJson, sizeOf } from '../../ui/format.ts'
import { highlightJson } from '../../ui/json-highlight.tsx'

type View = 'pretty' | 'raw' | 'hex'

interface BodyPanelProps {
  body: string
  encoding: 'utf8' | 'base64'
  contentType: string | null
  label: string
}

/** A body three ways: pretty JSON (when it is JSON), the raw text, or a hex dump of its bytes. */
export function BodyPanel({ body, encoding, contentType, label }: BodyPanelProps) {
  const pretty = useMemo(() => (encoding === 'utf8' ? prettyJson(body) : null), [body, encoding])
  const views: View[] = [
    ...(pretty !== null ? (['pretty'] as const) : []),
    ...(encoding === 'utf8' ? (['raw'] as const) : []),
    'hex',
  ]
  const [chosen, setChosen] = useState<View>(views[0] ?? 'hex')
  const view = views.includes(chosen) ? chosen : (views[0] ?? 'hex')
  const bytes = useMemo(() => bytesOf(body, encoding), [body, encoding])
  const name = useId()

  return (
    <section className="payload inbox-body" aria-label={label}>
      <div className="payload-toolbar">
        <h3 className="payload-title">{label}</h3>
        <span className="payload-meta">
          {sizeOf(bytes.length)}
          {contentType ? ` · ${contentType}` : ''}
          {encoding === 'base64' ? ' · binary' : ''}
        </span>
        {bytes.length > 0 ? (
          <fieldset className="segmented" aria-label={`${label} view`}>
            {views.map((option) => (
              <label key={option} className="segment">
                <input
                  type="radio"
                  name={name}
                  checked={view === option}
                  onChange={() => setChosen(option)}
                />
                <span>{option === 'pretty' ? 'Pretty' : option === 'raw' ? 'Raw' : 'Hex'}</span>
              </label>
            ))}
          </fieldset>
        ) : null}
        {encoding === 'utf8' && body !== '' ? <CopyButton text={body} /> : null}
      </div>
      {bytes.length === 0 ? (
        <p className="muted inbox-empty-body">Empty body.</p>
      ) : (
        <pre className="code" data-testid="request-body">
          <code>
            {view === 'pretty' && pretty !== null
              ? highlightJson(pretty)
              : view === 'raw'
                ? body
                : hexDump(bytes)}
          </code>
        </pre>
      )}
    </section>
  )
}
