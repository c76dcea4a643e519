import type { MessageStatus } from '../../../../shared/domain/message.ts'
import { statusLabels } from '../../ui/format.ts'

/** Colour and text: the colour helps the eye, the word carries the meaning. */
export function StatusBadge({ status }: { status: MessageStatus }) {
  return (
    <span className={`messages-status messages-status-${status}`}>
      <span className="messages-status-dot" aria-hidden="true" />
      {statusLabels[status]}
    </span>
  )
}
