/** Which side editor is open on a list page: a new item, an existing one, or none. */
export type EditorTarget = { kind: 'new' } | { kind: 'edit'; id: string } | null

// What is open on a page lives in the URL's hash, after the page name, so that a reload and
// back/forward keep it: `#/subscriptions/<id>`, `#/subscriptions/new`, `#/inbox?bin=<id>&request=<id>`
// (and `#/messages/<message_id>`, in message-detail-slice.ts).

/** `#/page/a/b?x=1` → its page name, the segments after it and the query. */
export function routeOf(hash: string): { page: string; segments: string[]; params: URLSearchParams } {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?', 2)
  const [page = '', ...segments] = path.split('/').map(decodeSegment)
  return { page, segments: segments.filter(Boolean), params: new URLSearchParams(query) }
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    // A hand-typed `%` that is not an escape: take it as written.
    return segment
  }
}

export function subscriptionHref(target: EditorTarget): string {
  if (target === null) return '#/subscriptions'
  return target.kind === 'new' ? '#/subscriptions/new' : `#/subscriptions/${encodeURIComponent(target.id)}`
}

/** The editor the hash asks for on the Subscriptions page (null: none). */
export function subscriptionTargetOf(hash: string): EditorTarget {
  const [first] = routeOf(hash).segments
  if (first === undefined) return null
  return first === 'new' ? { kind: 'new' } : { kind: 'edit', id: first }
}

export function sameTarget(a: EditorTarget, b: EditorTarget): boolean {
  if (a === null || b === null) return a === b
  if (a.kind === 'new' || b.kind === 'new') return a.kind === b.kind
  return a.id === b.id
}

/** What the Inbox shows: the bin whose captures are listed (null: all) and the open capture. */
export interface InboxSelection {
  bin: string | null
  request: string | null
}

export function inboxHref({ bin, request }: InboxSelection): string {
  const params = new URLSearchParams()
  if (bin) params.set('bin', bin)
  if (request) params.set('request', request)
  const query = params.toString()
  return query ? `#/inbox?${query}` : '#/inbox'
}

export function inboxSelectionOf(hash: string): InboxSelection {
  const { params } = routeOf(hash)
  return { bin: params.get('bin') || null, request: params.get('request') || null }
}

/** The Messages page with one message open: `#/messages/<message_id>`. */
export function messageHref(messageId: string): string {
  return `#/messages/${encodeURIComponent(messageId)}`
}

/**
 * What the Check page shows: a run's report (`#/checks/<run id>`), or the form, filled from a
 * subscription when `#/checks?subscription=<id>` ("Check this endpoint" on a subscription).
 */
export interface ChecksTarget {
  run: string | null
  subscription: string | null
}

export function checksHref({ run, subscription }: ChecksTarget): string {
  const path = run ? `#/checks/${encodeURIComponent(run)}` : '#/checks'
  return subscription ? `${path}?subscription=${encodeURIComponent(subscription)}` : path
}

export function checksTargetOf(hash: string): ChecksTarget {
  const { segments, params } = routeOf(hash)
  return { run: segments[0] ?? null, subscription: params.get('subscription') || null }
}
