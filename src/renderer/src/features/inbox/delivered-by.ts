import type { HeaderPairs } from '../../../../shared/receiver/captured-request.ts'

/**
 * What a capture says about being one of Hookbench's own deliveries: its attempts are sent with
 * `user-agent: Hookbench/<version>`, and signed ones name their message in `webhook-id` (the
 * message_id). A webhook-id alone proves nothing: any Standard Webhooks sender sets one.
 */
export interface DeliveryMarks {
  byHookbench: boolean
  messageId: string | null
}

export function deliveryMarks(headers: HeaderPairs): DeliveryMarks {
  const first = (name: string) => headers.find(([key]) => key.toLowerCase() === name)?.[1]
  const messageId = first('webhook-id')?.trim() ?? ''
  return {
    byHookbench: /^Hookbench\//.test(first('user-agent') ?? ''),
    messageId: messageId === '' ? null : messageId,
  }
}
