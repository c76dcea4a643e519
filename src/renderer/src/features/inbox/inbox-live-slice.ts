import type { StreamEvent } from '../../../../shared/contract/live-events.ts'
import type { RequestSummary } from '../../../../shared/receiver/captured-request.ts'
import type { EventStream } from '../../api/stream.ts'
import { batchPerFrame } from '../../state/frame-batch.ts'
import type { AppState, SliceCreator } from '../../state/slice.ts'

export interface InboxLiveSlice {
  /** Applies a batch of live events (one animation frame's worth). */
  applyInboxEvents: (events: readonly StreamEvent[]) => void
  /** Follows the live stream, batching per animation frame; returns the function that stops. */
  watchInbox: () => () => void
}

export function createInboxLiveSlice(stream: EventStream): SliceCreator<InboxLiveSlice> {
  return (set, get) => ({
    applyInboxEvents: (events) => {
      let reloadBins = false
      let reloadList = false
      let reloadDetail = false
      const knownBins = new Set((get().bins.value ?? []).map((bin) => bin.id))
      const received: RequestSummary[] = []
      const updated = new Map<string, RequestSummary>()
      for (const event of events) {
        switch (event.type) {
          case 'request.received':
            if (!knownBins.has(event.data.bin_id)) reloadBins = true
            if (listShows(get(), event.data)) received.push(event.data)
            break
          case 'request.updated':
            updated.set(event.data.id, event.data)
            if (event.data.id === get().selectedRequestId) reloadDetail = true
            break
          case 'requests.deleted':
            reloadList = true
            break
          default:
            // Delivery events are for the Messages page.
            break
        }
      }
      if (received.length > 0 || updated.size > 0) {
        set((state) => {
          const present = new Set(state.inboxRequests.items.map((item) => item.id))
          const fresh = received.filter((item) => !present.has(item.id)).reverse()
          const items = [...fresh, ...state.inboxRequests.items].map((item) => updated.get(item.id) ?? item)
          return { inboxRequests: { ...state.inboxRequests, items } }
        })
      }
      if (reloadBins) void get().loadBins()
      if (reloadList) void get().loadRequests()
      if (reloadDetail) get().reloadRequestDetail()
    },

    watchInbox: () => {
      const events = batchPerFrame<StreamEvent>((batch) => get().applyInboxEvents(batch))
      const unsubscribe = stream.subscribe(events.push)
      return () => {
        unsubscribe()
        events.stop()
      }
    },
  })
}

/** A live capture belongs in the list when it matches what the list shows (searches reload instead). */
function listShows(state: AppState, summary: RequestSummary): boolean {
  return (state.inboxBinId === null || summary.bin_id === state.inboxBinId) && state.inboxQuery.trim() === ''
}
