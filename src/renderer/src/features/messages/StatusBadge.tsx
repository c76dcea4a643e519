import type { MessageStatus } from '../../../../shared/domain/message.ts'
import { statusLabels } from '../../ui/format.ts'

/** Colour and text: the colour helps the eye, the word carries the meaning. */
export function StatusBadge({ status }: { status: MessageStatus }) {
  return (
    <span className={`msg-status msg-status-${status}`}>
      <span className="msg-status-dot" aria-hidden="true" />
      {statusLabels[status]}
    </span>
  )
}
