import { useId } from 'react'
import { useAppStore } from '../../state/index.ts'
import { checkJson } from './json-validity.ts'
import { LazyJsonEditor } from './LazyJsonEditor.tsx'
import { RecentPayloads } from './RecentPayloads.tsx'
import { SendResult } from './SendResult.tsx'
import type { SendTarget } from './send-target.ts'
import { useEventDraft } from './use-event-draft.ts'
import { WillReach } from './WillReach.tsx'

/** The payload editor, the envelope fields the profile reads, who it will reach, and Send. */
export function SendPanel({ target }: { target: SendTarget }) {
  const { key, topic, fields } = target
  const { draft, edited } = useEventDraft(target)
  const setEventDraft = useAppStore((state) => state.setEventDraft)
  const resetEventDraft = useAppStore((state) => state.resetEventDraft)
  const sendEvent = useAppStore((state) => state.sendEvent)
  const sending = useAppStore((state) => state.eventSend.status === 'sending')
  const validity = checkJson(draft.text)
  const validityId = useId()
  const lines = draft.text.split('\n').length

  const send = () => {
    if (validity.ok) void sendEvent(key, topic, draft)
  }

  return (
    <>
      <section className="payload" aria-labelledby="payload-title">
        <div className="payload-toolbar">
          <h3 id="payload-title" className="payload-title">
            Payload <span className="muted">(data)</span>
          </h3>
          <span className="payload-meta">
            JSON · {lines} {lines === 1 ? 'line' : 'lines'}
          </span>
          <span
            id={validityId}
            className={validity.ok ? 'events-json-validity is-ok' : 'events-json-validity is-error'}
            role="status"
            title={validity.ok ? undefined : validity.message}
          >
            {validity.ok ? 'Valid JSON' : `Invalid JSON: ${validity.message}`}
          </span>
          <button
            type="button"
            className="button button-small"
            disabled={!edited}
            onClick={() => resetEventDraft(key)}
          >
            Reset to example
          </button>
        </div>
        <LazyJsonEditor
          value={draft.text}
          onChange={(text) => setEventDraft(key, { ...draft, text })}
          onSubmit={send}
          label={`Payload of ${topic}`}
          describedBy={validityId}
          testId="example-payload"
        />
      </section>
      <div className="events-send-row">
        {fields.map((field) => (
          <label key={field.name} className="events-send-field">
            <span className="events-send-field-label">{field.label}</span>
            <input
              className="text-input"
              type="text"
              spellCheck={false}
              autoComplete="off"
              value={draft.fields[field.name] ?? ''}
              title={field.hint}
              placeholder="optional"
              onChange={(event) =>
                setEventDraft(key, {
                  ...draft,
                  fields: { ...draft.fields, [field.name]: event.target.value },
                })
              }
            />
          </label>
        ))}
        <button
          type="button"
          className="button button-primary events-send-button"
          disabled={!validity.ok || sending}
          onClick={send}
          title="Send (Ctrl+Enter in the editor)"
        >
          {sending ? 'Sending…' : 'Send'}
        </button>
      </div>
      <WillReach topicKey={key} topic={topic} draft={draft} />
      <SendResult topicKey={key} />
      <RecentPayloads topicKey={key} />
    </>
  )
}
