import { type KeyboardEvent, memo } from 'react'
import type { MessageSummary } from '../../../../shared/domain/message.ts'
import { formatLatency, formatTime } from '../../ui/format.ts'
import { StatusBadge } from './StatusBadge.tsx'
import type { SubscriptionName } from './subscription-names.ts'

interface MessageRowProps {
  message: MessageSummary
  subscription: SubscriptionName
  index: number
  /** Takes Tab (roving tabindex): one row of the table is in the tab order. */
  tabbable: boolean
  open: boolean
  onOpen: (id: string) => void
  onKeyDown: (event: KeyboardEvent<HTMLTableRowElement>, index: number) => void
}

export const MessageRow = memo(function MessageRow({
  message,
  subscription,
  index,
  tabbable,
  open,
  onOpen,
  onKeyDown,
}: MessageRowProps) {
  const httpStatus = message.last_status_code
  return (
    <tr
      aria-rowindex={index + 2}
      aria-current={open ? 'true' : undefined}
      tabIndex={tabbable ? 0 : -1}
      data-row-index={index}
      data-message-id={message.message_id}
      className={open ? 'messages-row is-open' : 'messages-row'}
      onClick={() => onOpen(message.message_id)}
      onKeyDown={(event) => onKeyDown(event, index)}
    >
      <td className="col-status">
        <StatusBadge status={message.status} />
      </td>
      <td className="col-topic messages-cell-mono" title={message.topic}>
        {message.topic}
      </td>
      <td className="col-subscription" title={subscription.title}>
        {subscription.text}
      </td>
      <td className="col-attempts messages-cell-number">{message.attempts}</td>
      <td className={httpClass(httpStatus)}>{httpStatus ?? '—'}</td>
      <td className="col-latency messages-cell-number">{formatLatency(message.last_latency_ms)}</td>
      <td className="col-time messages-cell-number" title={message.created_at}>
        <time dateTime={message.created_at}>{formatTime(message.created_at)}</time>
      </td>
    </tr>
  )
})

function httpClass(status: number | null): string {
  if (status === null) return 'col-http messages-cell-number muted'
  return status >= 200 && status < 300
    ? 'col-http messages-cell-number messages-http-ok'
    : 'col-http messages-cell-number messages-http-bad'
}
