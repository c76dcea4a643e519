import type { Api } from '../../../../shared/contract/index.ts'
import { labelOf } from '../../../../shared/domain/localized-label.ts'
import type { MessageSummary } from '../../../../shared/domain/message.ts'
import type { ErrorBody } from '../../../../shared/errors.ts'
import { toErrorBody } from '../../api/api-error.ts'
import { LatestRequest, loadInto } from '../../state/loadable.ts'
import type { AppState, LoadStatus, SliceCreator } from '../../state/slice.ts'
import { FirstPageCache } from './first-pages.ts'
import {
  appendPage,
  applyUpdates,
  isFiltered,
  type MessageFilters,
  mergeFirstPage,
  noFilters,
  previewRows,
  queryKey,
  queryOf,
  tableHides,
} from './message-list.ts'

export interface MessageListState {
  items: MessageSummary[]
  nextCursor: string | null
  /** How many messages match the API-side filters, loaded or not (a guess while `loading`). */
  total: number
  /** `loading` with items: a preview of the new filters' rows while the API is asked. */
  status: LoadStatus
  loadingMore: boolean
  error: ErrorBody | null
}

export interface SubscriptionLabel {
  id: string
  name: string
  /** Tells apart subscriptions that share a name (by its host, when theirs differ). */
  url: string
  enabled: boolean
}

export interface MessagesSlice {
  messageList: MessageListState
  messageFilters: MessageFilters
  /** id → display name of every subscription, for the table and the subscription filter. */
  subscriptionLabels: { items: SubscriptionLabel[]; status: LoadStatus; error: ErrorBody | null }
  /** Replaces some filters and loads the first page again. */
  setMessageFilters: (patch: Partial<MessageFilters>) => void
  /** Drops every filter (nothing happens when none is set). */
  clearMessageFilters: () => void
  loadMessages: () => Promise<void>
  /** The next page (`next_cursor`), e.g. when the table is scrolled to its end. */
  loadMoreMessages: () => Promise<void>
  /** The first page again, laid over what is loaded without moving rows (live updates). */
  refreshMessages: () => Promise<void>
  /** Summaries pushed by the live stream (already batched per animation frame). */
  applyMessageUpdates: (updates: readonly MessageSummary[]) => void
  loadSubscriptionLabels: () => Promise<void>
  /** Opens the Messages page on the messages one sent event produced. */
  showEventMessages: (event: { event_id: string; topic: string; since: string }) => void
}

const FIRST_PAGE = 100
const NEXT_PAGE = 200

export function createMessagesSlice(api: Api): SliceCreator<MessagesSlice> {
  return (set, get, appStore) => {
    const store = { set, get }
    // An answer to an older query is dropped instead of mixed in.
    const queries = new LatestRequest()
    const firstPages = new FirstPageCache()

    /** The store with new filters: the rows the table already knows for them, until the API answers. */
    const withFilters = (state: AppState, filters: MessageFilters): Partial<AppState> => {
      const cached = firstPages.get(queryKey(filters))
      const items = previewRows(state.messageList.items, filters, cached?.items)
      return {
        messageFilters: filters,
        messageList: {
          items,
          nextCursor: null,
          total: cached?.total ?? items.length,
          status: 'loading',
          loadingMore: false,
          error: null,
        },
      }
    }

    // Filters belong to one visit of the page: leaving it drops them (the sidebar, the palette and
    // back all come to every message), and a message opened by id that they hide drops them too.
    appStore.subscribe((state, previous) => {
      if (previous.page === 'messages' && state.page !== 'messages' && isFiltered(state.messageFilters)) {
        queries.cancel()
        set(withFilters(state, noFilters))
      }
      const opened = state.messageDetail?.value
      if (
        opened &&
        opened.message_id !== previous.messageDetail?.value?.message_id &&
        tableHides(state.messageFilters, state.messageList.items, opened)
      ) {
        get().clearMessageFilters()
      }
    })

    return {
      messageList: { items: [], nextCursor: null, total: 0, status: 'idle', loadingMore: false, error: null },
      messageFilters: noFilters,
      subscriptionLabels: { items: [], status: 'idle', error: null },

      setMessageFilters: (patch) => {
        // The table answers in the next frame with the rows it already has (a filter change measured
        // 40-130 ms when it waited for the API with 100,000 messages); the API's page then replaces them.
        set((state) => withFilters(state, { ...state.messageFilters, ...patch }))
        void get().loadMessages()
      },

      clearMessageFilters: () => {
        if (isFiltered(get().messageFilters)) get().setMessageFilters(noFilters)
      },

      loadMessages: async () => {
        const filters = get().messageFilters
        const loaded = await loadInto(
          store,
          'messageList',
          async () => {
            const page = await api.listMessages({ ...queryOf(filters), limit: FIRST_PAGE })
            return { items: page.items, nextCursor: page.next_cursor, total: page.total, loadingMore: false }
          },
          { latest: queries },
        )
        if (loaded) {
          const { items, total } = get().messageList
          firstPages.set(queryKey(filters), { items, total })
        }
      },

      loadMoreMessages: async () => {
        const list = get().messageList
        if (list.loadingMore || !list.nextCursor || list.status !== 'ready') return
        const isCurrent = queries.current()
        set({ messageList: { ...list, loadingMore: true } })
        try {
          const page = await api.listMessages({
            ...queryOf(get().messageFilters),
            cursor: list.nextCursor,
            limit: NEXT_PAGE,
          })
          if (!isCurrent()) return
          set((state) => ({
            messageList: {
              ...state.messageList,
              items: appendPage(state.messageList.items, page.items),
              nextCursor: page.next_cursor,
              loadingMore: false,
            },
          }))
        } catch (error) {
          if (!isCurrent()) return
          set((state) => ({
            messageList: { ...state.messageList, loadingMore: false, error: toErrorBody(error) },
          }))
        }
      },

      refreshMessages: async () => {
        if (get().messageList.status !== 'ready') return
        const isCurrent = queries.current()
        try {
          const page = await api.listMessages({ ...queryOf(get().messageFilters), limit: FIRST_PAGE })
          if (!isCurrent()) return
          set((state) => {
            const items = mergeFirstPage(state.messageList.items, page.items)
            // Nothing new: keep the same objects, so no row re-renders.
            const same = items.length === state.messageList.items.length && items.every(sameAs(state))
            if (same && page.total === state.messageList.total && state.messageList.error === null) return {}
            return { messageList: { ...state.messageList, items, total: page.total, error: null } }
          })
        } catch (error) {
          if (!isCurrent()) return
          set((state) => ({ messageList: { ...state.messageList, error: toErrorBody(error) } }))
        }
      },

      applyMessageUpdates: (updates) => {
        set((state) => {
          const items = applyUpdates(state.messageList.items, updates, state.messageFilters)
          if (items === state.messageList.items) return {}
          const added = items.length - state.messageList.items.length
          return { messageList: { ...state.messageList, items, total: state.messageList.total + added } }
        })
      },

      showEventMessages: ({ event_id, topic, since }) => {
        set((state) => withFilters(state, { ...noFilters, topic, event: { event_id, since } }))
        if (get().page === 'messages') void get().loadMessages()
        else get().navigate('messages')
      },

      loadSubscriptionLabels: async () => {
        // Names are a nicety: when they fail, the table falls back to ids.
        await loadInto(store, 'subscriptionLabels', async () => {
          const { items } = await api.listSubscriptions({})
          return {
            items: items.map((s) => ({ id: s.id, name: labelOf(s.name), url: s.url, enabled: s.enabled })),
          }
        })
      },
    }
  }
}

function sameAs(state: { messageList: MessageListState }) {
  return (item: MessageSummary, index: number) => state.messageList.items[index] === item
}
