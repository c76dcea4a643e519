import { type FormEvent, useId, useState } from 'react'
import type { CapturedRequest } from '../../../../shared/receiver/captured-request.ts'
import { useAppStore } from '../../state/index.ts'
import { ExchangeView } from './ExchangeView.tsx'

const LAST_URL_KEY = 'hookbench.inbox.replay-url'
/** Set by the HTTP client for every request: editing them would only confuse the comparison. */
const HOP_BY_HOP = new Set(['host', 'connection', 'content-length', 'transfer-encoding', 'keep-alive'])

function headerLines(request: CapturedRequest): string {
  return request.headers
    .filter(([name]) => !HOP_BY_HOP.has(name.toLowerCase()))
    .map(([name, value]) => `${name}: ${value}`)
    .join('\n')
}

function parseHeaderLines(text: string): Array<[string, string]> {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line): [string, string] => {
      const colon = line.indexOf(':')
      return colon === -1 ? [line.trim(), ''] : [line.slice(0, colon).trim(), line.slice(colon + 1).trim()]
    })
}

/** "Replay to…": the capture as it came, or edited, to your app (or another bin). */
export function ReplayPanel({ request }: { request: CapturedRequest }) {
  const replay = useAppStore((state) => state.requestReplay)
  const replayCapture = useAppStore((state) => state.replayCapture)
  const forwardTo = useAppStore(
    (state) => (state.bins.value ?? []).find((bin) => bin.id === request.bin_id)?.forward_to ?? null,
  )
  const [url, setUrl] = useState(() => forwardTo ?? window.localStorage.getItem(LAST_URL_KEY) ?? '')
  const [editing, setEditing] = useState(false)
  const [method, setMethod] = useState(request.method)
  const [headers, setHeaders] = useState(() => headerLines(request))
  const [body, setBody] = useState(request.body_encoding === 'utf8' ? request.body : '')
  const id = useId()

  const submit = (event: FormEvent) => {
    event.preventDefault()
    window.localStorage.setItem(LAST_URL_KEY, url)
    const edits = editing
      ? {
          method,
          headers: parseHeaderLines(headers),
          ...(request.body_encoding === 'utf8' ? { body } : {}),
        }
      : {}
    void replayCapture({ url: url.trim(), ...edits })
  }

  return (
    <section className="inbox-section" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="inbox-section-title">
        Replay
      </h3>
      <form className="inbox-replay-form" onSubmit={submit}>
        <label htmlFor={`${id}-url`} className="inbox-sublabel">
          Replay to URL
        </label>
        <div className="inbox-step-row">
          <input
            id={`${id}-url`}
            className="text-input inbox-wide"
            type="url"
            required
            placeholder="http://localhost:3000/webhooks"
            spellCheck={false}
            value={url}
            onChange={(event) => setUrl(event.target.value)}
          />
          <button type="submit" className="button button-primary" disabled={replay.status === 'sending'}>
            {replay.status === 'sending' ? 'Sending…' : editing ? 'Send edited' : 'Replay'}
          </button>
        </div>
        <label className="check">
          <input type="checkbox" checked={editing} onChange={(event) => setEditing(event.target.checked)} />
          Edit before sending
        </label>
        {editing ? (
          <div className="inbox-replay-edits">
            <label className="inbox-inline">
              <span>Method</span>
              <input
                className="text-input inbox-number"
                value={method}
                onChange={(event) => setMethod(event.target.value.toUpperCase())}
              />
            </label>
            <label htmlFor={`${id}-headers`} className="inbox-sublabel">
              Headers
            </label>
            <textarea
              id={`${id}-headers`}
              className="text-input inbox-textarea"
              rows={Math.min(10, headers.split('\n').length + 1)}
              spellCheck={false}
              value={headers}
              onChange={(event) => setHeaders(event.target.value)}
            />
            {request.body_encoding === 'utf8' ? (
              <>
                <label htmlFor={`${id}-body`} className="inbox-sublabel">
                  Body
                </label>
                <textarea
                  id={`${id}-body`}
                  className="text-input inbox-textarea"
                  rows={6}
                  spellCheck={false}
                  value={body}
                  onChange={(event) => setBody(event.target.value)}
                />
              </>
            ) : (
              <p className="field-hint">The binary body is sent as it was captured.</p>
            )}
          </div>
        ) : null}
      </form>
      {replay.status === 'error' ? (
        <p className="inline-error" role="alert">
          {replay.error?.message}
        </p>
      ) : null}
      {replay.status === 'done' && replay.result ? (
        <div role="status" aria-label="Replay result">
          <ExchangeView exchange={replay.result} />
        </div>
      ) : null}
    </section>
  )
}
