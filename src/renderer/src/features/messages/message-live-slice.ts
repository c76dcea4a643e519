import type { MessageSummary } from '../../../../shared/domain/message.ts'
import type { EventStream } from '../../api/stream.ts'
import { batchPerFrame } from '../../state/frame-batch.ts'
import type { AppState, SliceCreator } from '../../state/slice.ts'

export interface MessageLiveSlice {
  /**
   * Keeps the Messages page current while it is visible: `message.updated` events from the live
   * stream are applied in one batch per animation frame (no layout shift as they pour in), the
   * open message is refetched when it changed, and every `intervalMs` the first page and the
   * dashboard are reloaded as a safety net (a dropped connection, a filter the events cannot
   * decide). Returns the function that stops.
   */
  watchMessages: (intervalMs: number) => () => void
}

/** The dashboard covers an hour; refreshing it every few rounds is plenty. */
const DASHBOARD_EVERY = 3

export function createMessageLiveSlice(events: EventStream): SliceCreator<MessageLiveSlice> {
  return (_set, get) => ({
    watchMessages: (intervalMs) => {
      let rounds = 0
      let busy = false
      const round = async () => {
        if (busy || document.visibilityState !== 'visible') return
        busy = true
        try {
          await get().refreshMessages()
          if (openMessageChanged(get())) await get().refreshMessage()
          if (rounds++ % DASHBOARD_EVERY === 0) await get().loadDashboard()
        } finally {
          busy = false
        }
      }

      const updates = batchPerFrame<MessageSummary>((batch) => {
        get().applyMessageUpdates(batch)
        const open = get().messageDetail.value
        if (open && batch.some((m) => m.message_id === open.message_id)) void get().refreshMessage()
      })
      const unsubscribe = events.subscribe((event) => {
        if (event.type === 'message.updated') updates.push(event.data)
      })

      const timer = window.setInterval(() => void round(), intervalMs)
      // Back on the page after a while away: catch up now rather than at the next tick.
      const onVisibility = () => void round()
      document.addEventListener('visibilitychange', onVisibility)
      void round()
      return () => {
        unsubscribe()
        updates.stop()
        window.clearInterval(timer)
        document.removeEventListener('visibilitychange', onVisibility)
      }
    },
  })
}

/** The open message is still being delivered, or the list has a newer version of it. */
function openMessageChanged(state: AppState): boolean {
  const open = state.messageDetail.value
  if (!open) return false
  if (open.status === 'pending') return true
  const listed = state.messageList.items.find((item) => item.message_id === open.message_id)
  return listed !== undefined && listed.updated_at !== open.updated_at
}
