/** One payload sent from the Events page, kept so it can be sent again. */
export interface RecentPayload {
  /** The JSON text as it was in the editor. */
  text: string
  fields: EventFields
  sentAt: string
  /** How many messages it produced. */
  messages: number
}

/** The optional envelope fields some profiles read (rustici, quicklysign, iam). */
export interface EventFields {
  tenant_id?: string
  entity_key?: string
  resource_id?: string
}

const STORAGE_KEY = 'hookbench.recent-payloads'
export const RECENT_LIMIT = 20

export type RecentPayloads = Record<string, RecentPayload[]>

/** What this browser profile kept; nothing (not an error) when storage is unavailable or damaged. */
export function readRecentPayloads(): RecentPayloads {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}')
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return {}
    const result: RecentPayloads = {}
    for (const [key, list] of Object.entries(parsed)) {
      if (Array.isArray(list)) result[key] = list.filter(isRecentPayload).slice(0, RECENT_LIMIT)
    }
    return result
  } catch {
    return {}
  }
}

export function writeRecentPayloads(all: RecentPayloads): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(all))
  } catch {
    // Full or unavailable storage: the list still works for this session.
  }
}

/** Newest first; sending the same payload again moves it to the top instead of repeating it. */
export function remember(list: readonly RecentPayload[], entry: RecentPayload): RecentPayload[] {
  const same = (other: RecentPayload) =>
    other.text === entry.text && JSON.stringify(other.fields) === JSON.stringify(entry.fields)
  return [entry, ...list.filter((other) => !same(other))].slice(0, RECENT_LIMIT)
}

function isRecentPayload(value: unknown): value is RecentPayload {
  if (value === null || typeof value !== 'object') return false
  const candidate = value as Partial<RecentPayload>
  return (
    typeof candidate.text === 'string' &&
    typeof candidate.sentAt === 'string' &&
    typeof candidate.messages === 'number' &&
    candidate.fields !== null &&
    typeof candidate.fields === 'object'
  )
}
