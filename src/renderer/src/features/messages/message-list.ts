import type { MessageStatus, MessageSummary } from '../../../../shared/domain/message.ts'

/** What the Messages table is narrowed to. Status, subscription and topic are asked of the API. */
export interface MessageFilters {
  status: MessageStatus | null
  subscription_id: string | null
  topic: string | null
  /** The messages of one sent event: the API has no event filter, so the list narrows itself. */
  event: EventFilter | null
}

export interface EventFilter {
  event_id: string
  /** When the event was sent (ISO), so the API is asked only for messages from then on. */
  since: string
}

export const noFilters: MessageFilters = { status: null, subscription_id: null, topic: null, event: null }

/** The API query for a set of filters (the event filter becomes a `since`, narrowed client-side). */
export function queryOf(filters: MessageFilters): {
  status?: MessageStatus
  subscription_id?: string
  topic?: string
  since?: string
} {
  return {
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.subscription_id ? { subscription_id: filters.subscription_id } : {}),
    ...(filters.topic ? { topic: filters.topic } : {}),
    ...(filters.event ? { since: filters.event.since } : {}),
  }
}

/** One string per API query, so answers can be cached per query. */
export function queryKey(filters: MessageFilters): string {
  const query = queryOf(filters)
  return JSON.stringify([query.status, query.subscription_id, query.topic, query.since])
}

/**
 * What the table shows the moment the filters change, before the API answers: the page the API
 * last gave for the same query, else the loaded messages that match. The API's answer replaces it.
 */
export function previewRows(
  loaded: readonly MessageSummary[],
  filters: MessageFilters,
  cached: readonly MessageSummary[] | undefined,
): MessageSummary[] {
  return (cached ?? loaded).filter((message) => matchesFilters(message, filters))
}

/**
 * A refreshed first page laid over what is loaded: known messages are replaced where they stand,
 * new ones go on top, newest first, so rows already on screen do not move.
 */
export function mergeFirstPage(current: readonly MessageSummary[], page: readonly MessageSummary[]) {
  const fresh = new Map(page.map((message) => [message.message_id, message]))
  const known = new Set<string>()
  const updated = current.map((message) => {
    known.add(message.message_id)
    const next = fresh.get(message.message_id)
    // Unchanged records keep their object, so their rows do not re-render.
    return next && next.updated_at !== message.updated_at ? next : message
  })
  const added = page.filter((message) => !known.has(message.message_id))
  return added.length === 0 ? updated : [...added, ...updated]
}

/** Pushed updates (one animation frame's worth) applied the same way as a refreshed page. */
export function applyUpdates(
  current: readonly MessageSummary[],
  updates: readonly MessageSummary[],
  filters: MessageFilters,
): MessageSummary[] {
  const matching = updates.filter((message) => matchesFilters(message, filters))
  if (matching.length === 0) return current as MessageSummary[]
  const newestFirst = [...matching].sort((a, b) => (a.created_at < b.created_at ? 1 : -1))
  return mergeFirstPage(current, newestFirst)
}

/** The fields the filters look at, which a summary and a message's detail both have. */
type Filterable = Pick<MessageSummary, 'status' | 'subscription_id' | 'topic' | 'event_id'>

export function matchesFilters(message: Filterable, filters: MessageFilters): boolean {
  return (
    (!filters.status || message.status === filters.status) &&
    (!filters.subscription_id || message.subscription_id === filters.subscription_id) &&
    (!filters.topic || message.topic === filters.topic) &&
    (!filters.event || message.event_id === filters.event.event_id)
  )
}

export function isFiltered(filters: MessageFilters): boolean {
  return Boolean(filters.status || filters.subscription_id || filters.topic || filters.event)
}

/**
 * Whether a message opened by its id (the palette, a link, a pasted id) is one the filtered table
 * hides: then the table drops its filters, so the list and the open message never disagree.
 */
export function tableHides(
  filters: MessageFilters,
  loaded: readonly MessageSummary[],
  message: Filterable & { message_id: string },
): boolean {
  return !loaded.some((row) => row.message_id === message.message_id) && !matchesFilters(message, filters)
}

/** Older pages go below; a message that moved between pages is not listed twice. */
export function appendPage(current: readonly MessageSummary[], page: readonly MessageSummary[]) {
  const known = new Set(current.map((message) => message.message_id))
  return [...current, ...page.filter((message) => !known.has(message.message_id))]
}
