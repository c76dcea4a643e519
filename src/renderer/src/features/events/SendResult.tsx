import { type MouseEvent, useEffect } from 'react'
import type { MessageSummary } from '../../../../shared/domain/message.ts'
import { hrefOf, useAppStore } from '../../state/index.ts'
import { messageHref } from '../../state/routes.ts'
import { errorText } from '../../ui/error-issues.ts'
import { shortId, statusLabels, textOf } from '../../ui/format.ts'
import type { SentEvent } from './events-slice.ts'

/** How often the messages of the last send are asked for while some are still pending. */
const WATCH_EVERY_MS = 750

/**
 * What the last Send of this topic did: each message with its live status (pending → delivered or
 * failed), a link to it, and to all of them; or that none was made; or why the send failed.
 */
export function SendResult({ topicKey }: { topicKey: string }) {
  const send = useAppStore((state) => state.eventSend)
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
  if (result.messages.length === 0) {
    return (
      <p className="events-send-result notice is-warn" aria-live="polite">
        <span>
          Sent, but no enabled subscription matches <code>{result.topic}</code>, so nothing was delivered.{' '}
          <a href={hrefOf('subscriptions')}>Add or enable one in Subscriptions</a>.
        </span>
      </p>
    )
  }
  return <SentMessages result={result} />
}

function SentMessages({ result }: { result: SentEvent }) {
  const statuses = useAppStore((state) => state.sentMessages)
  const names = useAppStore((state) => state.eventRecipients.items)
  const watch = useAppStore((state) => state.watchSentMessages)
  const showEventMessages = useAppStore((state) => state.showEventMessages)
  // biome-ignore lint/correctness/useExhaustiveDependencies: one watch per send (event_id), not per status change.
  useEffect(() => watch(WATCH_EVERY_MS), [watch, result.event_id])

  const count = result.messages.length
  const openAll = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault()
    showEventMessages({ event_id: result.event_id, topic: result.topic, since: result.sentAt })
  }
  const nameOf = (subscriptionId: string) => {
    const found = names.find((item) => item.id === subscriptionId)
    return found ? textOf(found.name) || '(unnamed)' : `subscription ${shortId(subscriptionId)}`
  }
  const [only] = result.messages
  if (count === 1 && only) {
    return (
      <p className="events-send-result notice is-ok" aria-live="polite">
        <span>
          Sent <code>{result.topic}</code> · <a href={messageHref(only.message_id)}>1 message</a> to{' '}
          {nameOf(only.subscription_id)} · <SentStatus message={statuses[only.message_id]} />{' '}
          <span className="muted">event {result.event_id}</span>
        </span>
      </p>
    )
  }
  return (
    <div className="events-send-result notice is-ok" aria-live="polite">
      <p>
        Sent <code>{result.topic}</code> ·{' '}
        <a href={hrefOf('messages')} onClick={openAll}>
          {count} messages
        </a>{' '}
        <span className="muted">event {result.event_id}</span>
      </p>
      <ul className="events-sent-messages" aria-label="Sent messages">
        {result.messages.map((message) => (
          <li key={message.message_id}>
            <a href={messageHref(message.message_id)}>{nameOf(message.subscription_id)}</a> ·{' '}
            <SentStatus message={statuses[message.message_id]} />
          </li>
        ))}
      </ul>
    </div>
  )
}

/** Pending until the first answer; a retry in waiting says what the last attempt got. */
function SentStatus({ message }: { message: MessageSummary | undefined }) {
  const status = message?.status ?? 'pending'
  const tone = status === 'delivered' ? 'is-ok' : status === 'pending' ? '' : 'is-danger'
  const detail = message?.last_status_code ? ` · HTTP ${message.last_status_code}` : ''
  const reason = message?.status_reason && status !== 'delivered' ? ` · ${message.status_reason}` : ''
  return (
    <span className="events-sent-status" data-status={status}>
      <span className={`status-dot ${tone}`} aria-hidden="true" />
      {statusLabels[status]}
      {status === 'pending' && message?.attempts ? ` (attempt ${message.attempts + 1} waiting)` : ''}
      <span className="muted">
        {detail}
        {reason}
      </span>
    </span>
  )
}
