import type { HeaderPairs } from '../../../../shared/receiver/captured-request.ts'
import { useAppStore } from '../../state/index.ts'
import { messageHref } from '../../state/routes.ts'
import { deliveryMarks } from './delivered-by.ts'

/**
 * For a capture of one of Hookbench's own deliveries: a link to its message on the Messages page,
 * given only once the API has answered that this message exists.
 */
export function DeliveredBy({ headers }: { headers: HeaderPairs }) {
  const messageId = useAppStore((state) => state.requestMessageId)
  if (messageId) {
    return (
      <p className="inbox-delivered-by">
        Delivered by Hookbench: <a href={messageHref(messageId)}>message {messageId}</a>
      </p>
    )
  }
  const marks = deliveryMarks(headers)
  if (!marks.byHookbench) return null
  return (
    <p className="inbox-delivered-by muted">
      {marks.messageId
        ? `Delivered by Hookbench; its message ${marks.messageId} is not in this Hookbench's history.`
        : 'Delivered by Hookbench, unsigned: only a signed delivery names its message (webhook-id).'}
    </p>
  )
}
