import type { Api, OperationOutput } from '../../../../shared/contract/index.ts'
import type { ErrorBody } from '../../../../shared/errors.ts'
import { ApiError, toErrorBody } from '../../api/api-error.ts'
import type { SliceCreator } from '../../state/slice.ts'
import {
  type EventFields,
  type RecentPayloads,
  readRecentPayloads,
  remember,
  writeRecentPayloads,
} from './recent-payloads.ts'

/** What the editor holds for one topic: the JSON text and the envelope fields. */
export interface EventDraft {
  text: string
  fields: EventFields
}

export interface SentEvent extends OperationOutput<'sendEvent'> {
  topicKey: string
  topic: string
  /** ISO time just before sending, so the Messages page can ask for messages from then on. */
  sentAt: string
}

export interface SendState {
  status: 'idle' | 'sending' | 'sent' | 'error'
  topicKey: string | null
  result: SentEvent | null
  error: ErrorBody | null
}

export interface EventsSlice {
  /** The topic open on the Events page (`profile/topic`), also what the palette can send. */
  selectedTopicKey: string | null
  /** Edited payloads per topic; a topic without one shows its example. */
  eventDrafts: Record<string, EventDraft>
  eventSend: SendState
  recentPayloads: RecentPayloads
  selectTopic: (key: string | null) => void
  setEventDraft: (key: string, draft: EventDraft) => void
  /** Forgets the edits of a topic (back to its example). */
  resetEventDraft: (key: string) => void
  /** Sends a topic's draft: `api.sendEvent`, then remembers the payload for reuse. */
  sendEvent: (key: string, topic: string, draft: EventDraft) => Promise<void>
}

/** Clock skew allowance for "messages of this event": the API filters by created_at ≥ since. */
const SINCE_MARGIN_MS = 5_000

export function createEventsSlice(api: Api): SliceCreator<EventsSlice> {
  return (set, get) => ({
    selectedTopicKey: null,
    eventDrafts: {},
    eventSend: { status: 'idle', topicKey: null, result: null, error: null },
    recentPayloads: readRecentPayloads(),

    selectTopic: (key) => set({ selectedTopicKey: key }),

    setEventDraft: (key, draft) => set((state) => ({ eventDrafts: { ...state.eventDrafts, [key]: draft } })),

    resetEventDraft: (key) =>
      set((state) => {
        const { [key]: _dropped, ...rest } = state.eventDrafts
        return { eventDrafts: rest }
      }),

    sendEvent: async (key, topic, draft) => {
      if (get().eventSend.status === 'sending') return
      set({ eventSend: { status: 'sending', topicKey: key, result: null, error: null } })
      const sentAt = new Date(Date.now() - SINCE_MARGIN_MS).toISOString()
      try {
        const data = parseJson(draft.text)
        const output = await api.sendEvent({ topic, data, ...nonEmpty(draft.fields) })
        const result: SentEvent = { ...output, topicKey: key, topic, sentAt }
        const list = remember(get().recentPayloads[key] ?? [], {
          text: draft.text,
          fields: nonEmpty(draft.fields),
          sentAt: new Date().toISOString(),
          messages: output.messages.length,
        })
        const recentPayloads = { ...get().recentPayloads, [key]: list }
        writeRecentPayloads(recentPayloads)
        set({ eventSend: { status: 'sent', topicKey: key, result, error: null }, recentPayloads })
      } catch (error) {
        set({ eventSend: { status: 'error', topicKey: key, result: null, error: toErrorBody(error) } })
      }
    },
  })
}

function parseJson(text: string) {
  try {
    return JSON.parse(text)
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new ApiError('bad_request', `The payload is not valid JSON: ${reason}`)
  }
}

/** Blank fields are left out: the API treats an absent field as "not set". */
function nonEmpty(fields: EventFields): EventFields {
  const result: EventFields = {}
  for (const name of ['tenant_id', 'entity_key', 'resource_id'] as const) {
    const value = fields[name]?.trim()
    if (value) result[name] = value
  }
  return result
}
