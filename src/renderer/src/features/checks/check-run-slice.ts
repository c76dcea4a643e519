import type { Api } from '../../../../shared/contract/index.ts'
import type { CheckRun, CheckRunSummary } from '../../../../shared/domain/check-run.ts'
import type { ErrorBody } from '../../../../shared/errors.ts'
import { toErrorBody } from '../../api/api-error.ts'
import type { EventStream } from '../../api/stream.ts'
import { LatestRequest, loadInto, saveWith } from '../../state/loadable.ts'
import { goTo } from '../../state/navigation-slice.ts'
import { checksHref, checksTargetOf } from '../../state/routes.ts'
import type { AppState, LoadStatus, SaveState, SliceCreator } from '../../state/slice.ts'
import { rerunExtras } from './check-form.ts'

export interface CheckRunState {
  /** The open run (from `#/checks/<id>`), or null when the form is shown alone. */
  id: string | null
  value: CheckRun | null
  status: LoadStatus
  error: ErrorBody | null
}

export interface CheckRunListState {
  items: CheckRunSummary[]
  status: LoadStatus
  error: ErrorBody | null
  total: number
  /** Where the older runs go on (`next_cursor`); null when every run is listed. */
  nextCursor: string | null
  loadingMore: boolean
}

export interface CheckRunSlice {
  checkRun: CheckRunState
  /** History: the newest runs, and the older pages asked for. */
  checkRuns: CheckRunListState
  /** The last rerun (checkId: the check) or cancel (checkId null) of the open run. */
  checkRunAction: SaveState & { checkId: string | null }
  /** Opens a run's report, or none: the URL says which (`#/checks/<id>`). */
  showCheckRun: (id: string | null) => void
  /** Follows `#/checks/<id>` and `?subscription=`; returns the function that stops following. */
  watchChecksRoute: () => () => void
  /**
   * Keeps the open run and the history current while the page is shown: `check_run.updated`
   * refetches the open run (a run is small) and updates its history row; every `intervalMs` a
   * running run is refetched too, in case an event was missed. Returns the function that stops.
   */
  watchCheckRuns: (intervalMs: number) => () => void
  /** The history's first page again (older pages loaded before are dropped). */
  loadCheckRuns: () => Promise<void>
  /** The next page of older runs, put below the ones listed. */
  loadOlderCheckRuns: () => Promise<void>
  refreshCheckRun: () => Promise<void>
  rerunCheck: (checkId: string) => Promise<void>
  cancelCheckRun: () => Promise<void>
}

const closed: CheckRunState = { id: null, value: null, status: 'idle', error: null }
const idleAction = { status: 'idle', error: null, checkId: null } as const
const HISTORY_PAGE = 50

export function createCheckRunSlice(api: Api, events: EventStream): SliceCreator<CheckRunSlice> {
  return (set, get) => {
    const store = { set, get }
    // Opening another run (or none) drops the answers still on their way for the last one.
    const requests = new LatestRequest()
    // A Refresh drops an older page still on its way: it would continue the list it replaced.
    const historyRequests = new LatestRequest()

    const load = async (id: string, quiet: boolean) => {
      await loadInto(
        store,
        'checkRun',
        async () => ({ value: await api.getCheckRun({ check_run_id: id }) }),
        { latest: requests, ...(quiet ? { background: 'silent' as const } : {}) },
      )
    }

    const open = (id: string | null) => {
      if (id === get().checkRun.id) return
      requests.cancel()
      set({ checkRun: id ? { ...closed, id } : closed, checkRunAction: idleAction })
      if (id) void load(id, false)
    }

    const refresh = async () => {
      const { id } = get().checkRun
      if (id) await load(id, true)
    }

    return {
      checkRun: closed,
      checkRuns: { items: [], status: 'idle', error: null, total: 0, nextCursor: null, loadingMore: false },
      checkRunAction: idleAction,

      showCheckRun: (id) => {
        goTo(checksHref({ run: id, subscription: null }))
        open(id)
      },

      watchChecksRoute: () => {
        let subscription: string | null = null
        const follow = () => {
          const target = checksTargetOf(window.location.hash)
          open(target.run)
          // A new `?subscription=` fills the form once; typing in it afterwards is not undone.
          if (target.subscription && target.subscription !== subscription) {
            void get().fillCheckForm(target.subscription)
          }
          subscription = target.subscription
        }
        follow()
        window.addEventListener('hashchange', follow)
        return () => {
          window.removeEventListener('hashchange', follow)
          open(null)
        }
      },

      watchCheckRuns: (intervalMs) => {
        const unsubscribe = events.subscribe((event) => {
          if (event.type !== 'check_run.updated') return
          set((state) => ({ checkRuns: withSummary(state.checkRuns, event.data) }))
          if (event.data.check_run_id === get().checkRun.id) void refresh()
        })
        const timer = window.setInterval(() => {
          if (get().checkRun.value?.status === 'running') void refresh()
        }, intervalMs)
        return () => {
          unsubscribe()
          window.clearInterval(timer)
        }
      },

      loadCheckRuns: async () => {
        await loadInto(
          store,
          'checkRuns',
          async () => {
            const page = await api.listCheckRuns({ limit: HISTORY_PAGE })
            return { items: page.items, total: page.total, nextCursor: page.next_cursor, loadingMore: false }
          },
          { latest: historyRequests },
        )
      },

      loadOlderCheckRuns: async () => {
        const list = get().checkRuns
        if (list.loadingMore || !list.nextCursor || list.status !== 'ready') return
        const isCurrent = historyRequests.current()
        set((state) => ({ checkRuns: { ...state.checkRuns, loadingMore: true, error: null } }))
        try {
          const page = await api.listCheckRuns({ cursor: list.nextCursor, limit: HISTORY_PAGE })
          if (!isCurrent()) return
          set((state) => ({ checkRuns: withOlderPage(state.checkRuns, page) }))
        } catch (error) {
          if (!isCurrent()) return
          set((state) => ({
            checkRuns: { ...state.checkRuns, loadingMore: false, error: toErrorBody(error) },
          }))
        }
      },

      refreshCheckRun: refresh,

      rerunCheck: async (checkId) => {
        const { id, value: run } = get().checkRun
        if (!id) return
        const extras = run ? rerunExtras(get().checkDraft, run) : {}
        const started = await saveWith(
          store,
          'checkRunAction',
          async () => {
            await api.rerunCheck({ check_run_id: id, check_id: checkId, ...extras })
          },
          { with: { checkId }, exclusive: true },
        )
        if (started) await refresh()
      },

      cancelCheckRun: async () => {
        const id = get().checkRun.id
        if (!id) return
        await saveWith(
          store,
          'checkRunAction',
          async () => {
            const run = await api.cancelCheckRun({ check_run_id: id })
            return (state: AppState): Partial<AppState> =>
              state.checkRun.id === id ? { checkRun: { ...state.checkRun, value: run } } : {}
          },
          { with: { checkId: null }, exclusive: true },
        )
      },
    }
  }
}

/**
 * History with a run's newest summary: its row replaced, or a run not listed put in its place.
 * One older than every listed run while older pages remain is left to its page (a run reran from
 * elsewhere): listing it now would show it twice once that page is loaded, and count it twice.
 */
export function withSummary(list: CheckRunListState, summary: CheckRunSummary): CheckRunListState {
  const index = list.items.findIndex((item) => item.check_run_id === summary.check_run_id)
  if (index !== -1) {
    const items = [...list.items]
    items[index] = summary
    return { ...list, items }
  }
  const at = list.items.findIndex((item) => listedBefore(summary, item))
  if (at === -1 && list.nextCursor !== null) return list
  const items = [...list.items]
  items.splice(at === -1 ? items.length : at, 0, summary)
  return { ...list, items, total: list.total + 1 }
}

/** History with the next older page below it; a run already listed (it came live) is not listed twice. */
export function withOlderPage(
  list: CheckRunListState,
  page: { items: CheckRunSummary[]; next_cursor: string | null; total: number },
): CheckRunListState {
  const known = new Set(list.items.map((item) => item.check_run_id))
  return {
    ...list,
    items: [...list.items, ...page.items.filter((item) => !known.has(item.check_run_id))],
    total: page.total,
    nextCursor: page.next_cursor,
    loadingMore: false,
  }
}

type OrderKey = Pick<CheckRunSummary, 'started_at' | 'check_run_id'>

/** The history's order, the API's: newest started first, then the greater id. */
function listedBefore(a: OrderKey, b: OrderKey): boolean {
  if (a.started_at !== b.started_at) return a.started_at > b.started_at
  return a.check_run_id > b.check_run_id
}
