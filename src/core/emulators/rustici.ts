import { z } from 'zod'
import type { Api, OperationInput } from '../../shared/contract/index.ts'
import type { AuthConfig } from '../../shared/domain/auth-config.ts'
import { invalidInput } from '../../shared/errors.ts'
import type { ReceiverRoute } from '../receiver/receiver-server.ts'
import { bearerAuthentication } from './bearer-auth.ts'
import { type EmulatorError, emulatorRoute, objectBody } from './emulator-route.ts'
import type { JobIndex } from './job-index.ts'
import { cappedIfString, MAX_CHARS } from './string-limits.ts'

export const RUSTICI_PREFIX = '/emulate/rustici'
const AUTH_PATH = '/api/v1/app_management/subscription_auth'

/**
 * The fields of Rustici's subscription auth body, each string capped; anything else in the body
 * is ignored. Types and the rules between fields are the contract's (checked after), so its
 * messages stay the ones the local API gives.
 */
const AuthBodySchema = z.object({
  auth_type: cappedIfString(MAX_CHARS.name).optional(),
  key: cappedIfString(MAX_CHARS.name).optional(),
  secret: cappedIfString(MAX_CHARS.value).optional(),
  scope: cappedIfString(MAX_CHARS.value).optional(),
  token_url: cappedIfString(MAX_CHARS.url).optional(),
})
const AUTH_FIELDS = Object.keys(AuthBodySchema.shape) as Array<keyof typeof AuthBodySchema.shape>

/**
 * Rustici Generator's subscription-auth API and its job read, at its own paths below
 * /emulate/rustici. Auth configs are Hookbench's own (one store, one set of validation rules).
 * Every call needs `Authorization: Bearer <token>` from Hookbench's `POST /oauth2/token`: auth
 * configs hold the credentials deliveries carry, and job reads show event data.
 *
 * Error bodies: Rustici's documentation shows none, but its types ("str or NoneType") are
 * Python's, so they take the FastAPI shape: `{"detail": "message"}`, and for validation
 * `{"detail": [{loc, msg, type}]}` with `loc` naming the field (`["body", "secret"]`) — with
 * status 400 rather than FastAPI's usual 422, like every other bad input Hookbench answers.
 */
export function rusticiEmulator(deps: {
  api: Api
  jobs: JobIndex
  isIssuedToken: (token: string) => boolean
}): ReceiverRoute {
  const { api } = deps
  return emulatorRoute({
    prefix: RUSTICI_PREFIX,
    errorBody,
    // FastAPI's HTTPBearer words.
    authenticate: bearerAuthentication(deps.isIssuedToken, {
      missing: 'Not authenticated',
      invalid: 'Invalid or expired token',
    }),
    endpoints: [
      {
        method: 'POST',
        path: AUTH_PATH,
        async handle(request) {
          const body = objectBody(await request.json())
          const lengths = AuthBodySchema.safeParse(body)
          if (!lengths.success) throw invalidInput(lengths.error)
          // Lengths only: the operation validates the rest with Rustici's rules, as for the local API.
          const input = Object.fromEntries(
            AUTH_FIELDS.filter((field) => field in body).map((field) => [field, body[field]]),
          ) as OperationInput<'createAuthConfig'>
          // 201 Created: a new resource with its own id, as Hookbench's own API and Contensis answer.
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
          const job = await deps.jobs.read(jobId)
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
