import type { MouseEvent } from 'react'
import { hrefOf, useAppStore } from '../../state/index.ts'
import { errorText } from '../../ui/error-issues.ts'

/** What the last Send of this topic did: N messages (a link to them), none, or why it failed. */
export function SendResult({ topicKey }: { topicKey: string }) {
  const send = useAppStore((state) => state.eventSend)
  const showEventMessages = useAppStore((state) => state.showEventMessages)
  if (send.topicKey !== topicKey) return <p className="events-send-result" aria-live="polite" />

  if (send.status === 'error' && send.error) {
    return (
      <p className="events-send-result inline-error" role="alert">
        Could not send: {errorText(send.error)}
      </p>
    )
  }
  if (send.status !== 'sent' || !send.result) return <p className="events-send-result" aria-live="polite" />

  const { result } = send
  const count = result.messages.length
  if (count === 0) {
    return (
      <p className="events-send-result notice is-warn" aria-live="polite">
        <span>
          Sent, but no enabled subscription matches <code>{result.topic}</code>, so nothing was delivered.{' '}
          <a href={hrefOf('subscriptions')}>Add or enable one in Subscriptions</a>.
        </span>
      </p>
    )
  }
  const open = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault()
    showEventMessages({ event_id: result.event_id, topic: result.topic, since: result.sentAt })
  }
  return (
    <p className="events-send-result notice is-ok" aria-live="polite">
      <span>
        Sent <code>{result.topic}</code> ·{' '}
        <a href={hrefOf('messages')} onClick={open}>
          {count} {count === 1 ? 'message' : 'messages'}
        </a>{' '}
        <span className="muted">event {result.event_id}</span>
      </span>
    </p>
  )
}
