import type { LiveEventOf, LiveFamilyName } from '../../src/shared/contract/live-events.ts'

/** A captured request's summary as the stream carries it; also the payload the desktop wiring tests forward. */
export const captureSummaryExample = {
  id: '0d1c5a3e-8f4b-4c59-9b6d-2a7e1f0c3b44',
  bin_id: 'b1',
  bin_name: 'demo',
  source: 'receiver',
  method: 'POST',
  url: '/hooks/demo/',
  path: '/hooks/demo/',
  sub_path: '/',
  size: 2,
  content_type: null,
  remote_address: '127.0.0.1',
  received_at: '2026-11-24T10:00:00.000Z',
  verdict: 'not_configured',
  response_status: 200,
  forward_state: null,
  replays: 0,
} as const

const MESSAGE_ID = '6bc76399-92dd-42ee-a7fa-20fc355e30bc'

/**
 * One valid event of every kind the contract declares, family by family. The wiring tests check
 * that these cover the table, so a new live event needs an example here before they pass.
 */
export const liveEventExamples: { [K in LiveFamilyName]: LiveEventOf<K>[] } = {
  menuAction: [
    { action: 'export-workspace' },
    { action: 'import-workspace' },
    { action: 'import-har' },
    { action: 'open-message', message_id: MESSAGE_ID },
  ],
  streamEvent: [
    { type: 'request.received', data: captureSummaryExample },
    { type: 'request.updated', data: { ...captureSummaryExample, forward_state: 'delivered', replays: 1 } },
    { type: 'requests.deleted', data: { bin_id: null, count: 3 } },
    {
      type: 'message.updated',
      data: {
        message_id: MESSAGE_ID,
        event_id: 'ev_1',
        subscription_id: 'sub_1',
        profile: 'iam',
        topic: 'user.created',
        url: 'http://127.0.0.1:9/hook',
        url_override: null,
        status: 'delivered',
        status_reason: null,
        next_attempt_at: null,
        last_status_code: 200,
        last_latency_ms: 12,
        created_at: '2026-11-24T10:00:00.000Z',
        updated_at: '2026-11-24T10:00:01.000Z',
        replay_of: null,
        attempts: 1,
      },
    },
    {
      type: 'attempt.completed',
      data: {
        attempt_id: 'att_1',
        message_id: MESSAGE_ID,
        number: 1,
        outcome: 'success',
        status_code: 200,
        error: null,
        duration_ms: 12,
      },
    },
    {
      type: 'check_run.updated',
      data: {
        check_run_id: 'chk_1',
        url: 'http://127.0.0.1:3000/webhooks',
        profile: 'standard',
        status: 'running',
        started_at: '2026-12-02T09:00:00.000Z',
        finished_at: null,
        passed: 2,
        failed: 1,
        skipped: 0,
        total: 13,
        must_passed: false,
        running_check_id: 'rejects-wrong-secret',
        subscription_id: null,
        error: null,
      },
    },
    {
      type: 'subscription.disabled',
      data: { subscription_id: 'sub_1', name: 'IAM users', reason: 'The endpoint answered 410 Gone.' },
    },
  ],
}
