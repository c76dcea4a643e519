import type { MessageStatus, MessageSummary } from '../../../src/shared/domain/message.ts'

/** A message summary as the API lists it; `n` orders them (higher is newer). */
export function summary(n: number, fields: Partial<MessageSummary> = {}): MessageSummary {
  const at = new Date(Date.UTC(2026, 10, 24, 12, 0, n)).toISOString()
  return {
    message_id: `m-${n}`,
    event_id: `e-${n}`,
    subscription_id: n % 2 === 0 ? 's-even' : 's-odd',
    profile: 'iam',
    topic: n % 3 === 0 ? 'user.created' : 'user.updated',
    url: 'http://127.0.0.1:3000/hook',
    url_override: null,
    status: (n % 4 === 0 ? 'exhausted' : 'delivered') as MessageStatus,
    status_reason: null,
    next_attempt_at: null,
    last_status_code: n % 4 === 0 ? 500 : 200,
    last_latency_ms: 12,
    created_at: at,
    updated_at: at,
    replay_of: null,
    attempts: 1,
    ...fields,
  }
}

/** Newest first, as the API lists them: m-(count-1) … m-0. */
export function newestFirst(count: number): MessageSummary[] {
  return Array.from({ length: count }, (_, i) => summary(count - 1 - i))
}
