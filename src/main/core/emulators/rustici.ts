import type { Api, OperationInput } from '../../../shared/contract/index.ts'
import type { AuthConfig } from '../../../shared/domain/auth-config.ts'
import type { EventRecord } from '../../../shared/domain/message.ts'
import type { ReceiverRoute } from '../receiver/receiver-server.ts'
import type { RecordLog } from '../store/log/record-log.ts'
import { type EmulatorError, emulatorRoute, objectBody } from './emulator-route.ts'

export const RUSTICI_PREFIX = '/emulate/rustici'
const AUTH_PATH = '/api/v1/app_management/subscription_auth'

/** The fields of seed 000's subscription auth body; anything else in the body is ignored. */
const AUTH_FIELDS = ['auth_type', 'key', 'secret', 'scope', 'token_url'] as const

/**
 * Rustici Generator's subscription-auth API and its job read (seed 000), at the seed's paths below
 * /emulate/rustici. Auth configs are Hookbench's own (one store, one set of validation rules).
 *
 * Error bodies: the seed shows none, but its types ("str or NoneType") are Python's, so they take
 * the FastAPI shape: `{"detail": "message"}`, and for validation `{"detail": [{loc, msg, type}]}`
 * with `loc` naming the field (`["body", "secret"]`) — with status 400, as the issue asks.
 */
export function rusticiEmulator(deps: { api: Api; events: RecordLog<EventRecord> }): ReceiverRoute {
  const { api } = deps
  return emulatorRoute({
    prefix: RUSTICI_PREFIX,
    errorBody,
    endpoints: [
      {
        method: 'POST',
        path: AUTH_PATH,
        async handle(request) {
          const body = objectBody(await request.json())
          // Unchecked here: the operation validates it with seed 000's rules, as for the local API.
          const input = Object.fromEntries(
            AUTH_FIELDS.filter((field) => field in body).map((field) => [field, body[field]]),
          ) as OperationInput<'createAuthConfig'>
          // 201 Created: a new resource with its own id, as Hookbench's own API and seed 002 answer.
          return { status: 201, body: authView(await api.createAuthConfig(input)) }
        },
      },
      {
        method: 'GET',
        path: AUTH_PATH,
        async handle() {
          return { status: 200, body: (await api.listAuthConfigs({})).items.map(authView) }
        },
      },
      {
        method: 'DELETE',
        path: `${AUTH_PATH}/{auth_config_id}`,
        async handle({ params }) {
          await api.deleteAuthConfig({ id: params.auth_config_id ?? '' })
          return { status: 204 }
        },
      },
      {
        method: 'GET',
        path: '/api/v1/jobs/{job_id}',
        async handle({ params }) {
          const jobId = params.job_id ?? ''
          const job = await lastJobRead(deps.events, jobId)
          if (job === undefined) return { status: 404, body: { detail: `Job ${jobId} not found.` } }
          return { status: 200, body: job }
        },
      },
    ],
  })
}

/** What the API shows of an auth config: never the secret, not even redacted. */
function authView(config: AuthConfig) {
  return {
    id: config.id,
    auth_type: config.auth_type,
    key: config.key,
    scope: config.scope,
    token_url: config.token_url,
  }
}

/** Seed 000: a JOB_PROCESSED body "will be the same JobRead schema used by GET /api/v1/jobs/:job_id". */
async function lastJobRead(events: RecordLog<EventRecord>, jobId: string): Promise<unknown> {
  for await (const { value: event } of events.scan('newest')) {
    if (event.topic !== 'JOB_PROCESSED') continue
    const data = event.data
    if (data !== null && typeof data === 'object' && !Array.isArray(data) && data.id === jobId) return data
  }
  return undefined
}

function errorBody(error: EmulatorError): unknown {
  if (error.status !== 400 || error.issues.length === 0) return { detail: error.message }
  return {
    detail: error.issues.map((issue) => ({
      loc: ['body', ...(issue.path === '' ? [] : issue.path.split('.'))],
      msg: issue.message,
      type: 'value_error',
    })),
  }
}
