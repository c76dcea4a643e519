import type { Api, OperationInput } from '../../../../shared/contract/index.ts'
import type { ErrorBody } from '../../../../shared/errors.ts'
import type { Bin } from '../../../../shared/receiver/bin.ts'
import type {
  CapturedRequest,
  Exchange,
  RequestSummary,
} from '../../../../shared/receiver/captured-request.ts'
import type { HarDocument } from '../../../../shared/receiver/har.ts'
import { toErrorBody } from '../../api/api-error.ts'
import { upsertById, withoutId } from '../../state/by-id.ts'
import { LatestRequest, loadInto, saveWith } from '../../state/loadable.ts'
import { goTo } from '../../state/navigation-slice.ts'
import { inboxHref, inboxSelectionOf } from '../../state/routes.ts'
import type { AppState, Loadable, SaveState, SliceCreator } from '../../state/slice.ts'
import { deliveryMarks } from './delivered-by.ts'

export type BinPayload = OperationInput<'createBin'>
export type ReplayPayload = Omit<OperationInput<'replayRequest'>, 'id'>

export interface RequestListState {
  items: RequestSummary[]
  status: 'idle' | 'loading' | 'ready' | 'error'
  error: ErrorBody | null
  nextCursor: string | null
  loadingMore: boolean
}

export interface CaptureReplayState {
  status: 'idle' | 'sending' | 'done' | 'error'
  result: Exchange | null
  error: ErrorBody | null
}

export interface InboxSlice {
  bins: Loadable<Bin[]>
  /** The bin whose captures are listed (its id), or null for every bin. */
  inboxBinId: string | null
  /** Text search over headers and bodies (the list reloads when it changes); cleared with another bin. */
  inboxQuery: string
  inboxRequests: RequestListState
  selectedRequestId: string | null
  requestDetail: Loadable<CapturedRequest>
  /** Credentials of the open capture shown in clear (fetched with `reveal: true`); masked otherwise. */
  requestRevealed: boolean
  /** The open capture as a curl command (sent back to this receiver), masked unless revealed. */
  requestCurl: string | null
  /** The message the open capture is a delivery of (its webhook-id), once the API found it. */
  requestMessageId: string | null
  binSave: SaveState
  requestReplay: CaptureReplayState
  loadBins: () => Promise<void>
  /** Creates (id null) or replaces a bin; resolves with the saved bin, or null on failure. */
  saveBin: (payload: BinPayload, id: string | null) => Promise<Bin | null>
  resetBinSave: () => void
  deleteBin: (id: string) => Promise<boolean>
  /** Lists one bin's captures (null: every bin's); the URL (`#/inbox?bin=…`) keeps it. */
  selectBin: (id: string | null) => void
  setInboxQuery: (query: string) => void
  loadRequests: () => Promise<void>
  loadMoreRequests: () => Promise<void>
  clearRequests: () => Promise<void>
  /** Opens a capture (`#/inbox?…&request=…`); `replace` for steps back should skip (arrow keys). */
  selectRequest: (id: string | null, history?: 'push' | 'replace') => void
  /**
   * Follows the URL's bin and capture (links, back/forward, reload); the first look does not load
   * the list, which the page loads itself. Returns the function that stops.
   */
  watchInboxRoute: () => () => void
  replayCapture: (payload: ReplayPayload) => Promise<void>
  resetCaptureReplay: () => void
  /** The listed bin's captures (or all) as a HAR 1.2 document. */
  exportHar: () => Promise<HarDocument>
  /** Stores a HAR file's requests as captures in `bin` (created if needed); answers how many. */
  importHar: (bin: string, har: unknown) => Promise<number>
  /** Fetches the open capture again (it changed: a forward or a verdict was recorded). */
  reloadRequestDetail: () => void
  /** Fetches the open capture (and its curl) again with credentials revealed, or masked again. */
  setRequestReveal: (reveal: boolean) => Promise<void>
}

const PAGE_SIZE = 100
const idleSave: SaveState = { status: 'idle', error: null }
const idleReplay: CaptureReplayState = { status: 'idle', result: null, error: null }

export function createInboxSlice(api: Api): SliceCreator<InboxSlice> {
  return (set, get) => {
    const store = { set, get }
    /** Answers to a list request that a newer one (another bin, another search) replaced are ignored. */
    const listRequests = new LatestRequest()
    const detailRequests = new LatestRequest()
    const binRequests = new LatestRequest()

    const listInput = (cursor: string | null) => {
      const { inboxBinId, inboxQuery } = get()
      return {
        limit: PAGE_SIZE,
        ...(inboxBinId ? { bin: inboxBinId } : {}),
        ...(inboxQuery.trim() ? { q: inboxQuery.trim() } : {}),
        ...(cursor ? { cursor } : {}),
      }
    }

    /** The message a capture's webhook-id names, if this Hookbench has it (else no link is offered). */
    const knownMessage = async (capture: CapturedRequest): Promise<string | null> => {
      const { messageId } = deliveryMarks(capture.headers)
      if (messageId === null) return null
      return api.getMessage({ message_id: messageId }).then(
        () => messageId,
        () => null,
      )
    }

    const loadDetail = async (id: string) => {
      const reveal = get().requestRevealed
      let curl: string | null = null
      let messageId: string | null = null
      const loaded = await loadInto(
        store,
        'requestDetail',
        async () => {
          const [value, answer] = await Promise.all([
            api.getRequest({ id, reveal }),
            api.exportRequestCurl({ id, reveal }).then(
              (answer) => answer.curl,
              () => null,
            ),
          ])
          curl = answer
          messageId = await knownMessage(value)
          return { value }
        },
        { latest: detailRequests },
      )
      if (loaded) set({ requestCurl: curl, requestMessageId: messageId })
    }

    const showBin = (id: string | null, load: boolean) => {
      if (get().inboxBinId === id) return
      // A search is about the bin it was typed in: another bin starts with all its captures listed.
      set({ inboxBinId: id, inboxQuery: '' })
      if (load) void get().loadRequests()
    }

    const showRequest = (id: string | null) => {
      if (get().selectedRequestId === id) return
      // Another capture opens masked: revealing is a choice made for one capture.
      set({
        selectedRequestId: id,
        requestReplay: idleReplay,
        requestRevealed: false,
        requestMessageId: null,
      })
      if (id === null) {
        detailRequests.cancel()
        set({ requestDetail: { value: null, status: 'idle', error: null } })
        return
      }
      void loadDetail(id)
    }

    /** The URL for what the Inbox shows now. */
    const route = () => inboxHref({ bin: get().inboxBinId, request: get().selectedRequestId })

    return {
      bins: { value: null, status: 'idle', error: null },
      inboxBinId: null,
      inboxQuery: '',
      inboxRequests: { items: [], status: 'idle', error: null, nextCursor: null, loadingMore: false },
      selectedRequestId: null,
      requestDetail: { value: null, status: 'idle', error: null },
      requestRevealed: false,
      requestCurl: null,
      requestMessageId: null,
      binSave: idleSave,
      requestReplay: idleReplay,

      loadBins: async () => {
        await loadInto(store, 'bins', async () => ({ value: (await api.listBins({})).items }), {
          latest: binRequests,
        })
      },
      saveBin: async (payload, id) => {
        let saved: Bin | null = null
        const ok = await saveWith(store, 'binSave', async () => {
          const bin = id === null ? await api.createBin(payload) : await api.updateBin({ ...payload, id })
          saved = bin
          return (state: AppState): Partial<AppState> => ({
            bins: { ...state.bins, value: upsertById(state.bins.value, bin) },
          })
        })
        return ok ? saved : null
      },
      resetBinSave: () => set({ binSave: idleSave }),
      deleteBin: async (id) => {
        const deleted = await saveWith(
          store,
          'binSave',
          async () => {
            await api.deleteBin({ id })
            return (state: AppState): Partial<AppState> => ({
              bins: { ...state.bins, value: withoutId(state.bins.value, id) },
              inboxBinId: state.inboxBinId === id ? null : state.inboxBinId,
            })
          },
          { quiet: true },
        )
        if (!deleted) return false
        goTo(route(), 'replace')
        await get().loadRequests()
        return true
      },
      selectBin: (id) => {
        showBin(id, true)
        goTo(route())
      },
      setInboxQuery: (query) => {
        set({ inboxQuery: query })
        void get().loadRequests()
      },
      loadRequests: async () => {
        await loadInto(
          store,
          'inboxRequests',
          async () => {
            const page = await api.listRequests(listInput(null))
            return { items: page.items, nextCursor: page.next_cursor, loadingMore: false }
          },
          { latest: listRequests },
        )
      },
      loadMoreRequests: async () => {
        const { nextCursor, loadingMore } = get().inboxRequests
        if (!nextCursor || loadingMore) return
        const isCurrent = listRequests.current()
        set((state) => ({ inboxRequests: { ...state.inboxRequests, loadingMore: true } }))
        try {
          const page = await api.listRequests(listInput(nextCursor))
          if (!isCurrent()) return
          set((state) => {
            const known = new Set(state.inboxRequests.items.map((item) => item.id))
            return {
              inboxRequests: {
                ...state.inboxRequests,
                items: [...state.inboxRequests.items, ...page.items.filter((item) => !known.has(item.id))],
                nextCursor: page.next_cursor,
                loadingMore: false,
              },
            }
          })
        } catch (error) {
          set((state) => ({
            inboxRequests: { ...state.inboxRequests, loadingMore: false, error: toErrorBody(error) },
          }))
        }
      },
      clearRequests: async () => {
        const binId = get().inboxBinId
        try {
          await api.deleteRequests(binId ? { bin: binId } : {})
        } catch (error) {
          set((state) => ({ inboxRequests: { ...state.inboxRequests, error: toErrorBody(error) } }))
          return
        }
        set({ selectedRequestId: null, requestDetail: { value: null, status: 'idle', error: null } })
        goTo(route(), 'replace')
        await get().loadRequests()
      },
      selectRequest: (id, history = 'push') => {
        showRequest(id)
        goTo(route(), history)
      },
      watchInboxRoute: () => {
        const follow = (load: boolean) => {
          const { bin, request } = inboxSelectionOf(window.location.hash)
          showBin(bin, load)
          showRequest(request)
        }
        follow(false)
        const onHashChange = () => follow(true)
        window.addEventListener('hashchange', onHashChange)
        return () => window.removeEventListener('hashchange', onHashChange)
      },
      replayCapture: async (payload) => {
        const id = get().selectedRequestId
        if (!id) return
        set({ requestReplay: { status: 'sending', result: null, error: null } })
        try {
          const result = await api.replayRequest({ ...payload, id })
          set({ requestReplay: { status: 'done', result, error: null } })
        } catch (error) {
          set({ requestReplay: { status: 'error', result: null, error: toErrorBody(error) } })
        }
      },
      resetCaptureReplay: () => set({ requestReplay: idleReplay }),
      reloadRequestDetail: () => {
        const id = get().selectedRequestId
        if (id) void loadDetail(id)
      },
      setRequestReveal: async (reveal) => {
        const id = get().selectedRequestId
        set({ requestRevealed: reveal })
        if (id) await loadDetail(id)
      },
      exportHar: () => {
        const bin = (get().bins.value ?? []).find((item) => item.id === get().inboxBinId)
        return api.exportHar(bin ? { bin: bin.name } : {})
      },
      importHar: async (bin, har) => {
        const log = (har as { log?: unknown } | null)?.log
        // The server validates the file; `log` only has to be there to be sent.
        const result = await api.importHar({ bin, log: log as OperationInput<'importHar'>['log'] })
        await Promise.all([get().loadBins(), get().loadRequests()])
        return result.imported
      },
    }
  }
}
