import type { Profile } from './schema.ts'

/** The document's example `body`: the `JobRead` schema of `GET /api/v1/jobs/:job_id`, exactly as Rustici Generator gives it. */
const jobRead = {
  id: 'job_123',
  status: 'COMPLETED',
  type: 'CONTENT_IMPORT',
  results: {
    content_id: 'content_123',
    version: 0,
  },
  error: null,
  warnings: [],
  create_dt: '2025-01-01T00:00:00Z',
  update_dt: '2025-01-01T00:00:00Z',
}

export const rustici: Profile = {
  id: 'rustici',
  name: 'Rustici Generator',
  description:
    'Rustici Generator sends a subscription notification to an endpoint when one of its actions concludes. ' +
    'Every webhook body is {tenant_id, subscription_id, topic, body, message_id, timestamp, body_version, ' +
    'message_version}, where body is the resource affected by the event (a JobRead for JOB_PROCESSED).',
  source: 'Rustici Generator: Subscription Notifications',
  seed: '000_06e08e563ead95c6.txt',
  success_rule: '2xx',
  event_types: [
    {
      topic: 'JOB_PROCESSED',
      description:
        'Generator has concluded the processing of a job. This event is triggered for successful or failed jobs. ' +
        'The body is the JobRead of the job that has just concluded.',
      example: jobRead,
    },
  ],
}
