import type { Api } from '../../../../shared/contract/index.ts'
import type { MessageStatus } from '../../../../shared/domain/message.ts'
import type { ErrorBody } from '../../../../shared/errors.ts'
import { loadInto } from '../../state/loadable.ts'
import type { LoadStatus, SliceCreator } from '../../state/slice.ts'

/** The facts per message the dashboard needs. */
export interface DashboardPoint {
  at: number
  status: MessageStatus
  /** Attempts made so far: a pending message with some has failed at least once and waits to retry. */
  attempts: number
}

export interface DashboardState {
  points: DashboardPoint[]
  /** When the window ends (ms); the chart covers the hour before it. */
  until: number
  /** More messages than the dashboard reads: the chart shows the newest MAX_POINTS. */
  capped: boolean
  status: LoadStatus
  /** Not shown: the chart keeps its last picture, and the table says what went wrong. */
  error: ErrorBody | null
}

export interface DashboardSlice {
  dashboard: DashboardState
  /** Reads the last hour of messages (unfiltered) for the chart above the table. */
  loadDashboard: () => Promise<void>
}

export const DASHBOARD_WINDOW_MS = 60 * 60_000
const PAGE = 500
export const MAX_POINTS = 5_000

export function createDashboardSlice(api: Api): SliceCreator<DashboardSlice> {
  return (set, get) => ({
    dashboard: { points: [], until: Date.now(), capped: false, status: 'idle', error: null },
    loadDashboard: async () => {
      await loadInto({ set, get }, 'dashboard', async () => {
        const until = Date.now()
        const since = new Date(until - DASHBOARD_WINDOW_MS).toISOString()
        const points: DashboardPoint[] = []
        let cursor: string | null = null
        do {
          const page = await api.listMessages({ since, limit: PAGE, ...(cursor ? { cursor } : {}) })
          for (const message of page.items) {
            points.push({
              at: Date.parse(message.created_at),
              status: message.status,
              attempts: message.attempts,
            })
          }
          cursor = page.next_cursor
        } while (cursor && points.length < MAX_POINTS)
        return { points, until, capped: cursor !== null }
      })
    },
  })
}
