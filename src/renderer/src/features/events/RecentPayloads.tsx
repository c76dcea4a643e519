import { useAppStore } from '../../state/index.ts'
import { RECENT_LIMIT } from './recent-payloads.ts'

/** The last payloads sent for this topic (this browser profile), each restorable into the editor. */
export function RecentPayloads({ topicKey }: { topicKey: string }) {
  const recent = useAppStore((state) => state.recentPayloads[topicKey])
  const setEventDraft = useAppStore((state) => state.setEventDraft)
  if (!recent || recent.length === 0) return null

  return (
    <section className="events-recent" aria-labelledby="recent-title">
      <h3 id="recent-title" className="panel-title">
        Recently sent <span className="muted">(last {RECENT_LIMIT}, kept in this browser)</span>
      </h3>
      <ul className="events-recent-list">
        {recent.map((entry) => (
          <li key={`${entry.sentAt}-${entry.text.length}`} className="events-recent-item">
            <time className="events-recent-time" dateTime={entry.sentAt}>
              {new Date(entry.sentAt).toLocaleString()}
            </time>
            <code className="events-recent-preview">{preview(entry.text)}</code>
            <span className="events-recent-count">
              {entry.messages} {entry.messages === 1 ? 'message' : 'messages'}
            </span>
            <button
              type="button"
              className="button button-small"
              onClick={() => setEventDraft(topicKey, { text: entry.text, fields: entry.fields })}
            >
              Restore
            </button>
          </li>
        ))}
      </ul>
    </section>
  )
}

function preview(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text))
  } catch {
    return text.replace(/\s+/g, ' ')
  }
}
