import type { MessageSummary } from '../../../../shared/domain/message.ts'
import type { EventFilter } from './message-list.ts'

/**
 * The loaded messages that pass the event filter (client-side: the API has none) and whose id,
 * topic, subscription, URL, status or HTTP status contain every word of the search.
 */
export function visibleMessages(
  items: readonly MessageSummary[],
  search: string,
  labelOf: (subscriptionId: string) => string,
  event: EventFilter | null,
): readonly MessageSummary[] {
  const terms = search.toLowerCase().split(/\s+/).filter(Boolean)
  if (terms.length === 0 && !event) return items
  return items.filter((message) => {
    if (event && message.event_id !== event.event_id) return false
    if (terms.length === 0) return true
    const text = [
      message.message_id,
      message.event_id,
      message.topic,
      labelOf(message.subscription_id),
      message.url_override ?? message.url,
      message.status,
      message.last_status_code ?? '',
    ]
      .join(' ')
      .toLowerCase()
    return terms.every((term) => text.includes(term))
  })
}
