import { useEffect } from 'react'
import { hrefOf, useAppStore } from '../../state/index.ts'
import { subscriptionHref } from '../../state/routes.ts'
import { errorText } from '../../ui/error-issues.ts'
import { textOf } from '../../ui/format.ts'
import { type EventDraft, nonEmpty } from './events-slice.ts'

/** Edits settle for this long before the server is asked again (one question per pause in typing). */
const ASK_AFTER_MS = 250

interface WillReachProps {
  topicKey: string
  topic: string
  draft: EventDraft
}

/**
 * "Will reach: Orders, Staging" before Send: the server answers by the rule sending uses (topics,
 * tenant, entity_key, Contensis filters on the data), so what is shown is what Send will do.
 */
export function WillReach({ topicKey, topic, draft }: WillReachProps) {
  const recipients = useAppStore((state) => state.eventRecipients)
  const load = useAppStore((state) => state.loadEventRecipients)
  const data = parsedOrNull(draft.text)
  const fields = JSON.stringify(nonEmpty(draft.fields))

  useEffect(() => {
    const timer = window.setTimeout(() => {
      void load(topicKey, { topic, data: JSON.parse(data) as unknown, ...JSON.parse(fields) })
    }, ASK_AFTER_MS)
    return () => window.clearTimeout(timer)
  }, [load, topicKey, topic, data, fields])

  if (recipients.key !== topicKey || (recipients.status === 'loading' && recipients.items.length === 0)) {
    return (
      <p className="events-will-reach muted" data-testid="will-reach">
        Will reach: …
      </p>
    )
  }
  if (recipients.status === 'error' && recipients.error) {
    return (
      <p className="events-will-reach inline-error" data-testid="will-reach">
        Could not tell which subscriptions it will reach: {errorText(recipients.error)}
      </p>
    )
  }
  if (recipients.items.length === 0) {
    return (
      <p className="events-will-reach text-warn" data-testid="will-reach">
        Will reach no subscription: none that is enabled matches <code>{topic}</code>
        {Object.keys(JSON.parse(fields)).length > 0 ? ' with these fields' : ''}.{' '}
        <a href={hrefOf('subscriptions')}>Subscriptions</a>
      </p>
    )
  }
  return (
    <p className="events-will-reach" data-testid="will-reach">
      <span className="muted">Will reach: </span>
      {recipients.items.map((item, index) => (
        <span key={item.id}>
          {index > 0 ? ', ' : ''}
          <a href={subscriptionHref({ kind: 'edit', id: item.id })}>{textOf(item.name) || '(unnamed)'}</a>
        </span>
      ))}
    </p>
  )
}

/** The payload as canonical JSON text (a stable effect dependency), or "null" while it is not JSON. */
function parsedOrNull(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text))
  } catch {
    return 'null'
  }
}
