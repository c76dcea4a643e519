import type { AppState, SliceCreator } from './slice.ts'

export interface MessageLiveSlice {
  /**
   * Keeps the Messages page current while it is visible: the first page of the list every
   * `intervalMs`, the open message when it changed, the dashboard every few rounds. Returns the
   * function that stops. (Polling: the live stream does not carry message changes yet.)
   */
  watchMessages: (intervalMs: number) => () => void
}

/** The dashboard covers an hour; refreshing it every few list rounds is plenty. */
const DASHBOARD_EVERY = 5

export const createMessageLiveSlice: SliceCreator<MessageLiveSlice> = (_set, get) => ({
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
    const timer = window.setInterval(() => void round(), intervalMs)
    // Back on the page after a while away: catch up now rather than at the next tick.
    const onVisibility = () => void round()
    document.addEventListener('visibilitychange', onVisibility)
    void round()
    return () => {
      window.clearInterval(timer)
      document.removeEventListener('visibilitychange', onVisibility)
    }
  },
})

/** The open message is still being delivered, or the list has a newer version of it. */
function openMessageChanged(state: AppState): boolean {
  const open = state.messageDetail.value
  if (!open) return false
  if (open.status === 'pending') return true
  const listed = state.messageList.items.find((item) => item.message_id === open.message_id)
  return listed !== undefined && listed.updated_at !== open.updated_at
}
