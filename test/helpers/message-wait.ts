import type { Api } from '../../src/shared/contract/index.ts'
import type { MessageDetail } from '../../src/shared/domain/message.ts'
import { eventually } from './sink.ts'

/** Polls a message until `ready` holds for it (delivery runs in the background) and resolves with it. */
export function messageWhen(
  api: Api,
  messageId: string,
  ready: (message: MessageDetail) => boolean,
  what: string,
  reveal = false,
): Promise<MessageDetail> {
  return eventually(async () => {
    const message = await api.getMessage({ message_id: messageId, reveal })
    return ready(message) ? message : undefined
  }, what)
}
