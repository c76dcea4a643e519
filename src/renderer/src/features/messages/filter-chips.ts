import { shortId, statusLabels } from '../../ui/format.ts'
import type { MessageFilters } from './message-list.ts'
import type { SubscriptionName } from './subscription-names.ts'

/** One filter the table is narrowed to, as a chip above it. */
export interface FilterChip {
  /** The filter the chip's × drops. */
  key: keyof MessageFilters
  text: string
  /** The whole value, for a tooltip (a name's id, an event's full id). */
  title: string
  removeLabel: string
}

/** The filters that are set, in the toolbar's order, each said in words. */
export function filterChips(filters: MessageFilters, nameOf: (id: string) => SubscriptionName): FilterChip[] {
  const chips: FilterChip[] = []
  if (filters.status) {
    const text = `Status: ${statusLabels[filters.status]}`
    chips.push({ key: 'status', text, title: text, removeLabel: 'Remove the status filter' })
  }
  if (filters.subscription_id) {
    const name = nameOf(filters.subscription_id)
    chips.push({
      key: 'subscription_id',
      text: `Subscription: ${name.text}`,
      title: name.title,
      removeLabel: 'Remove the subscription filter',
    })
  }
  if (filters.topic) {
    const text = `Topic: ${filters.topic}`
    chips.push({ key: 'topic', text, title: text, removeLabel: 'Remove the topic filter' })
  }
  if (filters.event) {
    chips.push({
      key: 'event',
      text: `Event: ${shortId(filters.event.event_id)}`,
      title: `The messages of event ${filters.event.event_id}`,
      removeLabel: 'Remove the event filter',
    })
  }
  return chips
}
