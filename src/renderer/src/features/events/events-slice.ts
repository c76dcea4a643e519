import type { Api, OperationInput, OperationOutput } from '../../../../shared/contract/index.ts'
import type { MessageSummary } from '../../../../shared/domain/message.ts'
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

/** Which subscriptions the open topic's event would reach, as the server's sending rule says. */
export interface RecipientsState {
  /** The topic key these are for. */
  key: string | null
  status: 'idle' | 'loading' | 'ready' | 'error'
  items: OperationOutput<'eventRecipients'>['items']
  error: ErrorBody | null
}

export type RecipientsQuery = OperationInput<'eventRecipients'>

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
  /** The last send's messages as they are now, by message_id (pending until delivered or failed). */
  sentMessages: Record<string, MessageSummary>
  /**
   * Follows the last send's messages until each has settled (delivered, failed, exhausted), asking
   * every `intervalMs`; returns the function that stops.
   */
  watchSentMessages: (intervalMs: number) => () => void
  eventRecipients: RecipientsState
  /** Asks which subscriptions this event would reach; an older answer arriving late is dropped. */
  loadEventRecipients: (key: string, query: RecipientsQuery) => Promise<void>
}

/** Clock skew allowance for "messages of this event": the API filters by created_at ≥ since. */
const SINCE_MARGIN_MS = 5_000

/** A message still being worked on; the others have their final word. */
export function unsettled(message: MessageSummary | undefined): boolean {
  return message === undefined || message.status === 'pending'
}

export function createEventsSlice(api: Api): SliceCreator<EventsSlice> {
  let recipientsAsked = 0
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
        set({
          eventSend: { status: 'sent', topicKey: key, result, error: null },
          recentPayloads,
          sentMessages: {},
        })
      } catch (error) {
        set({ eventSend: { status: 'error', topicKey: key, result: null, error: toErrorBody(error) } })
      }
    },

    sentMessages: {},

    watchSentMessages: (intervalMs) => {
      let busy = false
      const round = async () => {
        const { result } = get().eventSend
        if (busy || !result) return
        const pending = result.messages.filter((m) => unsettled(get().sentMessages[m.message_id]))
        if (pending.length === 0) {
          window.clearInterval(timer)
          return
        }
        busy = true
        try {
          const { items } = await api.listMessages({
            event_id: result.event_id,
            since: result.sentAt,
            limit: Math.min(500, Math.max(result.messages.length, 1)),
          })
          // A newer send may have replaced this one while the answer was on its way.
          if (get().eventSend.result?.event_id !== result.event_id) return
          set((state) => ({
            sentMessages: {
              ...state.sentMessages,
              ...Object.fromEntries(items.map((m) => [m.message_id, m])),
            },
          }))
        } catch {
          // The next round asks again; the result line keeps saying "pending" meanwhile.
        } finally {
          busy = false
        }
      }
      const timer = window.setInterval(() => void round(), intervalMs)
      void round()
      return () => window.clearInterval(timer)
    },

    eventRecipients: { key: null, status: 'idle', items: [], error: null },

    loadEventRecipients: async (key, query) => {
      recipientsAsked += 1
      const asked = recipientsAsked
      set((state) => ({
        eventRecipients: {
          ...state.eventRecipients,
          key,
          status: 'loading',
          // Another topic's names would be wrong meanwhile; this topic's stay until the answer.
          items: state.eventRecipients.key === key ? state.eventRecipients.items : [],
          error: null,
        },
      }))
      try {
        const { items } = await api.eventRecipients(query)
        if (asked === recipientsAsked) set({ eventRecipients: { key, status: 'ready', items, error: null } })
      } catch (error) {
        if (asked === recipientsAsked) {
          set({ eventRecipients: { key, status: 'error', items: [], error: toErrorBody(error) } })
        }
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
export function nonEmpty(fields: EventFields): EventFields {
  const result: EventFields = {}
  for (const name of ['tenant_id', 'entity_key', 'resource_id'] as const) {
    const value = fields[name]?.trim()
    if (value) result[name] = value
  }
  return result
}
