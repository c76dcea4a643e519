import type { Handlers } from '../../shared/contract/index.ts'
import { toCurl } from '../../shared/curl.ts'
import type { AttemptRecord, MessageRecord, StoredAttempt } from '../../shared/domain/message.ts'
import { HookbenchError } from '../../shared/errors.ts'
import { redactSecrets, revealSecrets } from '../secrets/redaction.ts'
import type { SecretBox } from '../secrets/secret-box.ts'
import type { RecordLog } from '../store/log/record-log.ts'
import { type DeliveryEngine, eventOf } from './engine.ts'
import type { MessageIndex } from './message-index.ts'
import { fromStoredAttempt } from './stored-attempt.ts'

type MessageHandlers = Pick<
  Handlers,
  'sendEvent' | 'eventRecipients' | 'listMessages' | 'getMessage' | 'replayMessage' | 'getAttemptCurl'
>

export interface MessageHandlerDeps {
  engine: DeliveryEngine
  index: MessageIndex
  secrets: SecretBox
  messages: RecordLog<MessageRecord>
  attempts: RecordLog<StoredAttempt>
}

export function messageHandlers(deps: MessageHandlerDeps): MessageHandlers {
  const show = <T>(value: T, reveal: boolean): T =>
    reveal ? revealSecrets(value, deps.secrets) : redactSecrets(value)

  const loadMessage = async (messageId: string): Promise<MessageRecord> => {
    const found = await deps.messages.get(messageId)
    if (!found) throw new HookbenchError('not_found', `No message ${messageId}.`)
    return found.value
  }

  return {
    sendEvent: async (input) => {
      const { event_id, messages } = await deps.engine.sendEvent(input)
      return {
        event_id,
        messages: messages.map((m) => ({ message_id: m.message_id, subscription_id: m.subscription_id })),
      }
    },
    eventRecipients: async (input) => ({
      items: deps.engine
        .recipients(eventOf(input, Date.now()))
        .map(({ id, name, profile }) => ({ id, name, profile })),
    }),
    listMessages: (input) => deps.index.list(input),
    getMessage: async ({ message_id, reveal }) => {
      const message = await loadMessage(message_id)
      const attempts: AttemptRecord[] = []
      for (const id of message.attempt_ids) {
        const attempt = await deps.attempts.get(id)
        // Retention may have dropped old attempts of a long-lived message: show what is left.
        if (attempt) attempts.push(fromStoredAttempt(attempt.value, message))
      }
      return show({ ...message, attempts }, reveal)
    },
    replayMessage: async ({ message_id, mode, url }) => {
      const { message, queued } = await deps.engine.replay(message_id, mode, url)
      const answer = { message_id: message.message_id, subscription_id: message.subscription_id, mode }
      // Only a queued replay says so: the immediate answer stays as clients have always read it.
      return queued ? { ...answer, queued: true as const } : answer
    },
    getAttemptCurl: async ({ message_id, attempt_id, reveal }) => {
      const stored = (await deps.attempts.get(attempt_id))?.value
      if (!stored || stored.message_id !== message_id) {
        throw new HookbenchError('not_found', `No attempt ${attempt_id} of message ${message_id}.`)
      }
      const attempt = fromStoredAttempt(stored, await loadMessage(message_id))
      return { curl: toCurl(show(attempt.request, reveal)) }
    },
  }
}
