import type { Api, OperationOutput } from '../../../../shared/contract/index.ts'
import type { MessageDetail } from '../../../../shared/domain/message.ts'
import type { ErrorBody } from '../../../../shared/errors.ts'
import { toErrorBody } from '../../api/api-error.ts'
import { LatestRequest, loadInto } from '../../state/loadable.ts'
import { messageHref } from '../../state/routes.ts'
import type { LoadStatus, SliceCreator } from '../../state/slice.ts'
import { writeClipboard } from '../../ui/clipboard.ts'
import { clampShare, readDetailShare, writeDetailShare } from './detail-share.ts'

export type ReplayMode = 'same-id' | 'new-id'
export type ReplayResult = OperationOutput<'replayMessage'>

export interface MessageDetailState {
  /** The open message (from `#/messages/<id>`), or null when none is. */
  id: string | null
  value: MessageDetail | null
  status: LoadStatus
  error: ErrorBody | null
  /** Credentials shown in clear: the message was fetched with `reveal: true`. */
  revealed: boolean
}

export interface MessageReplayState {
  status: 'idle' | 'working' | 'done' | 'error'
  result: ReplayResult | null
  error: ErrorBody | null
}

export interface CurlState {
  attemptId: string | null
  status: 'idle' | 'working' | 'copied' | 'failed'
  /** The command, also shown when the clipboard refused it. */
  text: string | null
}

export interface MessageDetailSlice {
  messageDetail: MessageDetailState
  messageReplay: MessageReplayState
  attemptCurl: CurlState
  /** The open message's share of the page's width (the divider between table and detail). */
  messageDetailShare: number
  /** Moves the divider; `keep` also remembers the width for next time (end of a drag, a key). */
  resizeMessageDetail: (share: number, keep: boolean) => void
  /** Shows a message: its URL is `#/messages/<id>`, so back/forward and reloads keep it. */
  showMessage: (id: string) => void
  /** Back to the list (`#/messages`). */
  hideMessage: () => void
  /** Follows `#/messages/<id>`; returns the function that stops following. */
  watchMessageRoute: () => () => void
  /** Fetches the open message again, quietly (live updates). */
  refreshMessage: () => Promise<void>
  /** Fetches the open message again with credentials revealed, or masked again. */
  setReveal: (reveal: boolean) => Promise<void>
  replayMessage: (mode: ReplayMode, url: string | null) => Promise<void>
  /** Forgets the last replay's outcome (the form was changed, so it no longer describes it). */
  clearReplayOutcome: () => void
  copyAttemptCurl: (attemptId: string) => Promise<void>
}

/** `#/messages/<id>` → id; anything else → null. */
export function messageIdFromHash(hash: string): string | null {
  const match = /^#\/messages\/([^/?]+)/.exec(hash)
  return match?.[1] ? decodeURIComponent(match[1]) : null
}

const idleReplay: MessageReplayState = { status: 'idle', result: null, error: null }
const idleCurl: CurlState = { attemptId: null, status: 'idle', text: null }
const closed: MessageDetailState = { id: null, value: null, status: 'idle', error: null, revealed: false }
/** After a replay, how often and how long to look for the attempt it causes. */
const REPLAY_POLL_MS = 400
const REPLAY_POLL_LIMIT = 75

export function createMessageDetailSlice(api: Api): SliceCreator<MessageDetailSlice> {
  return (set, get) => {
    // Opening another message (or none) drops the answers still on their way for the last one.
    const requests = new LatestRequest()

    /** `quiet`: a refresh behind what is shown; when it fails, what is on screen stays. */
    const load = async (id: string, reveal: boolean, quiet: boolean) => {
      await loadInto(
        { set, get },
        'messageDetail',
        async () => ({ value: await api.getMessage({ message_id: id, reveal }), revealed: reveal }),
        { latest: requests, ...(quiet ? { background: 'silent' as const } : {}) },
      )
    }

    const open = (id: string | null) => {
      if (id === get().messageDetail.id) return
      requests.cancel()
      set({
        messageDetail: id ? { ...closed, id } : closed,
        messageReplay: idleReplay,
        attemptCurl: idleCurl,
      })
      if (id) void load(id, false, false)
    }

    /** Polls the open message until `reached` holds for it (or a limit); false if it was closed. */
    const followReplay = async (id: string, reached: (message: MessageDetail) => boolean) => {
      for (let tries = 0; tries < REPLAY_POLL_LIMIT; tries++) {
        await new Promise((resolve) => window.setTimeout(resolve, REPLAY_POLL_MS))
        if (get().messageDetail.id !== id) return false
        await load(id, get().messageDetail.revealed, true)
        const value = get().messageDetail.value
        if (value && reached(value)) return true
      }
      return false
    }
    /** The replay's attempt is recorded and the message settled. */
    const settledAfter = (attempts: number) => (message: MessageDetail) =>
      message.attempts.length > attempts && message.status !== 'pending'

    return {
      messageDetail: closed,
      messageReplay: idleReplay,
      attemptCurl: idleCurl,
      messageDetailShare: readDetailShare(),

      resizeMessageDetail: (share, keep) => {
        const next = clampShare(share)
        if (next !== get().messageDetailShare) set({ messageDetailShare: next })
        if (keep) writeDetailShare(next)
      },

      showMessage: (id) => {
        window.location.hash = messageHref(id)
        open(id)
      },

      hideMessage: () => {
        if (messageIdFromHash(window.location.hash)) window.location.hash = '#/messages'
        open(null)
      },

      watchMessageRoute: () => {
        const follow = () => open(messageIdFromHash(window.location.hash))
        follow()
        window.addEventListener('hashchange', follow)
        return () => {
          window.removeEventListener('hashchange', follow)
          open(null)
        }
      },

      refreshMessage: async () => {
        const { id, revealed, status } = get().messageDetail
        if (id && status === 'ready') await load(id, revealed, true)
      },

      setReveal: async (reveal) => {
        const { id } = get().messageDetail
        if (id) await load(id, reveal, true)
      },

      replayMessage: async (mode, url) => {
        const detail = get().messageDetail
        if (!detail.id || !detail.value || get().messageReplay.status === 'working') return
        set({ messageReplay: { status: 'working', result: null, error: null } })
        let result: ReplayResult
        try {
          result = await api.replayMessage({ message_id: detail.id, mode, ...(url ? { url } : {}) })
        } catch (error) {
          // A 409 (the subscription is disabled or was deleted) is said by the form.
          if (get().messageDetail.id === detail.id) {
            set({ messageReplay: { status: 'error', result: null, error: toErrorBody(error) } })
          }
          return
        }
        if (get().messageDetail.id !== detail.id) return
        set({ messageReplay: { status: 'done', result, error: null } })
        const before = detail.value.attempts.length
        if (result.queued) {
          // Its cycle starts once the attempt in flight is recorded; from then on it is a replay like any.
          const started = await followReplay(detail.id, (message) => message.attempts.length > before)
          if (!started || get().messageReplay.result !== result) return
          const { queued: _started, ...replayed } = result
          set({ messageReplay: { status: 'done', result: replayed, error: null } })
          await followReplay(detail.id, settledAfter(before + 1))
        } else if (result.message_id === detail.id) {
          await followReplay(detail.id, settledAfter(before))
        } else {
          // A new message: open it, its first attempt lands there.
          get().showMessage(result.message_id)
          await followReplay(result.message_id, settledAfter(0))
        }
        void get().refreshMessages()
      },

      clearReplayOutcome: () => {
        if (get().messageReplay.status !== 'working' && get().messageReplay.status !== 'idle') {
          set({ messageReplay: idleReplay })
        }
      },

      copyAttemptCurl: async (attemptId) => {
        const { id, revealed } = get().messageDetail
        if (!id) return
        set({ attemptCurl: { attemptId, status: 'working', text: null } })
        try {
          const { curl } = await api.getAttemptCurl({
            message_id: id,
            attempt_id: attemptId,
            reveal: revealed,
          })
          const copied = await writeClipboard(curl)
          set({ attemptCurl: { attemptId, status: copied ? 'copied' : 'failed', text: curl } })
        } catch {
          set({ attemptCurl: { attemptId, status: 'failed', text: null } })
        }
      },
    }
  }
}
