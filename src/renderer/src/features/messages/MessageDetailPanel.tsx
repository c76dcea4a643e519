import { type ReactNode, useEffect, useRef, useState } from 'react'
import type { MessageDetail } from '../../../../shared/domain/message.ts'
import { useAppStore } from '../../state/index.ts'
import { messageHref, subscriptionHref } from '../../state/routes.ts'
import { CopyButton } from '../../ui/CopyButton.tsx'
import { formatTime, plural } from '../../ui/format.ts'
import { AttemptTimeline } from './AttemptTimeline.tsx'
import { AttemptView } from './AttemptView.tsx'
import { ReplayForm } from './ReplayForm.tsx'
import { StatusBadge } from './StatusBadge.tsx'
import type { SubscriptionName } from './subscription-names.ts'

/** The open message (`#/messages/<id>`): its status, replay, and every attempt as sent. */
export function MessageDetailPanel({ nameOf }: { nameOf: (id: string) => SubscriptionName }) {
  const detail = useAppStore((state) => state.messageDetail)
  const hideMessage = useAppStore((state) => state.hideMessage)
  const heading = useRef<HTMLHeadingElement>(null)

  // Opening a message moves focus into the panel, so keyboard users land where the content is.
  useEffect(() => {
    if (detail.id) heading.current?.focus({ preventScroll: true })
  }, [detail.id])

  return (
    <aside
      id="message-detail"
      className="messages-detail"
      aria-labelledby="message-detail-title"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !event.defaultPrevented) hideMessage()
      }}
    >
      <header className="messages-detail-header">
        <h2 id="message-detail-title" ref={heading} tabIndex={-1}>
          Message
        </h2>
        <code className="messages-detail-id">{detail.id}</code>
        {detail.id ? <CopyButton text={detail.id} label="Copy id" /> : null}
        <button
          type="button"
          className="button button-small"
          onClick={hideMessage}
          aria-label="Close message"
        >
          Close
        </button>
      </header>
      {detail.status === 'error' && detail.error ? (
        <p className="inline-error messages-detail-error" role="alert">
          {detail.error.code === 'not_found'
            ? `No message with the id ${detail.id}. It may have expired (Settings → retention), or the id is of an event or attempt.`
            : `Could not load this message: ${detail.error.message}`}
        </p>
      ) : detail.value ? (
        <MessageBody key={detail.value.message_id} message={detail.value} nameOf={nameOf} />
      ) : (
        <p className="muted messages-detail-loading">Loading…</p>
      )}
    </aside>
  )
}

function MessageBody({
  message,
  nameOf,
}: {
  message: MessageDetail
  nameOf: (id: string) => SubscriptionName
}) {
  const [chosen, setChosen] = useState<string | null>(null)
  const attempts = message.attempts
  // Until one is chosen, the newest attempt is shown, and a new one replaces it as it lands.
  const selectedIndex = Math.max(
    0,
    chosen === null ? attempts.length - 1 : attempts.findIndex((a) => a.attempt_id === chosen),
  )
  const selected = attempts[selectedIndex] ?? null
  const previous = selectedIndex > 0 ? (attempts[selectedIndex - 1] ?? null) : null
  const subscription = nameOf(message.subscription_id)

  return (
    <div className="messages-detail-body">
      <div className="messages-facts">
        <StatusBadge status={message.status} />
        {message.status_reason ? (
          <span className="messages-status-reason">{message.status_reason}</span>
        ) : null}
        {message.status === 'pending' && message.next_attempt_at ? (
          <span className="muted">
            next attempt {formatTime(new Date(message.next_attempt_at).toISOString())}
          </span>
        ) : null}
      </div>
      <dl className="messages-detail-list">
        <Fact label="Topic">
          <code>{message.topic}</code>
        </Fact>
        <Fact label="Subscription">
          <a
            href={subscriptionHref({ kind: 'edit', id: message.subscription_id })}
            title={subscription.title}
          >
            {subscription.text}
          </a>
        </Fact>
        <Fact label="URL">
          <span className="messages-url">{message.url_override ?? message.url}</span>
          {message.url_override ? <span className="badge">replayed elsewhere</span> : null}
        </Fact>
        <Fact label="Created">{formatTime(message.created_at)}</Fact>
        <Fact label="Event">
          <code>{message.event_id}</code>
        </Fact>
        {message.replay_of ? (
          <Fact label="Replay of">
            <a href={messageHref(message.replay_of)}>
              <code>{message.replay_of}</code>
            </a>
          </Fact>
        ) : null}
      </dl>
      <ReplayForm subscriptionId={message.subscription_id} pending={message.status === 'pending'} />
      <h3 className="panel-title messages-attempts-title">{plural(attempts.length, 'attempt')}</h3>
      {attempts.length === 0 ? (
        <p className="muted">No attempt yet{message.status === 'pending' ? ': it is queued.' : '.'}</p>
      ) : (
        <>
          <AttemptTimeline
            attempts={attempts}
            selectedId={selected?.attempt_id ?? null}
            onSelect={setChosen}
          />
          {selected ? (
            <div id="attempt-panel" role="tabpanel" aria-labelledby={`attempt-tab-${selected.attempt_id}`}>
              <AttemptView attempt={selected} previous={previous} />
            </div>
          ) : null}
        </>
      )}
    </div>
  )
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="messages-detail-row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  )
}
