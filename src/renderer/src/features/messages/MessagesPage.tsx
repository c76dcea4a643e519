import {
  type CSSProperties,
  type ReactNode,
  useCallback,
  useDeferredValue,
  useEffect,
  useMemo,
  useState,
} from 'react'
import { hrefOf, useAppStore } from '../../state/index.ts'
import { EmptyState } from '../../ui/EmptyState.tsx'
import { ErrorState } from '../../ui/ErrorState.tsx'
import { MessagesIcon } from '../../ui/icons.tsx'
import { PageLayout } from '../../ui/PageLayout.tsx'
import { Dashboard } from './Dashboard.tsx'
import { DetailDivider } from './DetailDivider.tsx'
import { FilterChips } from './FilterChips.tsx'
import { MessageDetailPanel } from './MessageDetailPanel.tsx'
import { MessagesToolbar } from './MessagesToolbar.tsx'
import { MessageTable } from './MessageTable.tsx'
import './messages.css'
import './messages-detail.css'
import { isFiltered } from './message-list.ts'
import { visibleMessages } from './message-search.ts'
import { type SubscriptionName, subscriptionNames, unknownSubscription } from './subscription-names.ts'

/** Live events keep the list current; this slower reload is the safety net. */
const REFRESH_MS = 10_000

export function MessagesPage() {
  const loadMessages = useAppStore((state) => state.loadMessages)
  const loadSubscriptionLabels = useAppStore((state) => state.loadSubscriptionLabels)
  const watchMessages = useAppStore((state) => state.watchMessages)
  const watchMessageRoute = useAppStore((state) => state.watchMessageRoute)
  const detailOpen = useAppStore((state) => state.messageDetail.id !== null)
  const detailShare = useAppStore((state) => state.messageDetailShare)
  const nameOf = useSubscriptionNames()

  useEffect(() => {
    void loadMessages()
    void loadSubscriptionLabels()
  }, [loadMessages, loadSubscriptionLabels])
  useEffect(() => watchMessages(REFRESH_MS), [watchMessages])
  useEffect(() => watchMessageRoute(), [watchMessageRoute])

  return (
    <PageLayout
      title="Messages"
      description="Every delivery Hookbench has made, attempt by attempt."
      layout="split"
    >
      <div
        className={detailOpen ? 'messages-layout has-detail' : 'messages-layout'}
        style={{ '--detail-share': `${detailShare * 100}%` } as CSSProperties}
      >
        <div className="messages-main">
          <Dashboard />
          <MessageList nameOf={nameOf} />
        </div>
        {detailOpen ? <DetailDivider /> : null}
        {detailOpen ? <MessageDetailPanel nameOf={nameOf} /> : null}
      </div>
    </PageLayout>
  )
}

function MessageList({ nameOf }: { nameOf: (id: string) => SubscriptionName }) {
  const list = useAppStore((state) => state.messageList)
  const filters = useAppStore((state) => state.messageFilters)
  const event = filters.event
  const loadMessages = useAppStore((state) => state.loadMessages)
  const [search, setSearch] = useState('')
  // Typing stays responsive with many rows loaded: the filtering follows a frame behind.
  const deferredSearch = useDeferredValue(search)
  const shown = useMemo(
    () => visibleMessages(list.items, deferredSearch, (id) => nameOf(id).text, event),
    [list.items, deferredSearch, nameOf, event],
  )

  let body: ReactNode
  if (list.status === 'error' && list.items.length === 0) {
    body = (
      <ErrorState
        title="Could not load messages"
        error={list.error}
        hint="Check that Hookbench is still running (the header shows the connection), then retry."
        onRetry={() => void loadMessages()}
      />
    )
  } else if (list.status === 'ready' && list.total === 0 && !isFiltered(filters)) {
    body = <NoMessages />
  } else if (list.status === 'ready' && shown.length === 0 && !list.nextCursor) {
    // The filters have their chips and "Clear filters" above; the search is cleared here.
    body = (
      <div className="no-match">
        <p>No message matches {noMatchWhat(search, isFiltered(filters))}.</p>
        {search ? (
          <button type="button" className="button button-small" onClick={() => setSearch('')}>
            Clear search
          </button>
        ) : null}
      </div>
    )
  } else {
    body = (
      <MessageTable messages={shown} total={search || event ? shown.length : list.total} nameOf={nameOf} />
    )
  }

  return (
    <>
      <MessagesToolbar search={search} onSearch={setSearch} nameOf={nameOf} />
      <FilterChips nameOf={nameOf} />
      {body}
    </>
  )
}

function noMatchWhat(search: string, filtered: boolean): string {
  if (!search) return 'these filters'
  return filtered ? `“${search}” and these filters` : `“${search}”`
}

function NoMessages() {
  return (
    <EmptyState icon={<MessagesIcon />} title="No messages here yet">
      A message is one event delivered to one subscription. Create a subscription in{' '}
      <a href={hrefOf('subscriptions')}>Subscriptions</a>, then send an event from{' '}
      <a href={hrefOf('events')}>Events</a>: each attempt, with the request exactly as sent, shows up here.
    </EmptyState>
  )
}

/** id → how to name the subscription: its name, told apart from others of the same name. */
function useSubscriptionNames(): (id: string) => SubscriptionName {
  const labels = useAppStore((state) => state.subscriptionLabels.items)
  const names = useMemo(() => subscriptionNames(labels), [labels])
  // One object per unknown id (deleted, or names still loading), so memoized rows keep theirs.
  const unknown = useMemo(() => new Map<string, SubscriptionName>(), [])
  return useCallback(
    (id: string) => {
      const known = names.get(id)
      if (known) return known
      let fallback = unknown.get(id)
      if (!fallback) {
        fallback = unknownSubscription(id)
        unknown.set(id, fallback)
      }
      return fallback
    },
    [names, unknown],
  )
}
