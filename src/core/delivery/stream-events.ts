import type { StreamEvent } from '../../shared/contract/live-events.ts'
import type { DeliveryChange } from './engine.ts'

/** The live-stream form of a delivery change: summaries only, never bodies. */
export function toStreamEvent(change: DeliveryChange): StreamEvent {
  switch (change.type) {
    case 'message.updated': {
      const { body: _body, attempt_ids, cycle_offset: _cycle, ...rest } = change.message
      return { type: 'message.updated', data: { ...rest, attempts: attempt_ids.length } }
    }
    case 'attempt.completed': {
      const { attempt } = change
      return {
        type: 'attempt.completed',
        data: {
          attempt_id: attempt.attempt_id,
          message_id: attempt.message_id,
          number: attempt.number,
          outcome: attempt.outcome,
          status_code: attempt.response?.status ?? null,
          error: attempt.error,
          duration_ms: attempt.duration_ms,
        },
      }
    }
    case 'subscription.disabled':
      return { type: 'subscription.disabled', data: change.subscription }
    default: {
      const unreachable: never = change
      return unreachable
    }
  }
}
