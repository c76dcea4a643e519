import { describe, expect, it, vi } from 'vitest'

vi.mock('electron', () => ({ Notification: class {} }))
const { notificationFor } = await import('../../../../src/main/app/notifications.ts')

const summary = {
  message_id: 'm1',
  event_id: 'e1',
  subscription_id: 's1',
  profile: 'standard',
  topic: 'order.paid',
  url: 'http://127.0.0.1:9/',
  url_override: null,
  status: 'exhausted' as const,
  status_reason: 'all 8 attempts failed',
  next_attempt_at: null,
  last_status_code: 500,
  last_latency_ms: 3,
  created_at: '2026-11-24T10:00:00.000Z',
  updated_at: '2026-11-24T10:00:00.000Z',
  replay_of: null,
  attempts: 8,
}

describe('which events notify', () => {
  it('an exhausted message, opening it on click', () => {
    expect(notificationFor({ type: 'message.updated', data: summary })).toEqual({
      title: 'Delivery gave up: order.paid',
      body: 'Message m1 — all 8 attempts failed',
      messageId: 'm1',
    })
  })

  it('not a message still being retried or delivered, nor a captured request', () => {
    expect(notificationFor({ type: 'message.updated', data: { ...summary, status: 'pending' } })).toBeNull()
    expect(notificationFor({ type: 'message.updated', data: { ...summary, status: 'delivered' } })).toBeNull()
    expect(notificationFor({ type: 'requests.deleted', data: { bin_id: null, count: 3 } })).toBeNull()
  })
})
