import { randomUUID } from 'node:crypto'
import { z } from 'zod'
import type { Api } from '../../shared/contract/index.ts'
import type { Subscription } from '../../shared/domain/subscription.ts'
import type { ReceiverRoute } from '../receiver/receiver-server.ts'
import { bearerAuthentication } from './bearer-auth.ts'
import { EmulatorError, emulatorRoute } from './emulator-route.ts'
import { capped, cappedJson, MAX_CHARS } from './string-limits.ts'

export const CONTENSIS_PREFIX = '/emulate/contensis'
const COLLECTION = '/api/management/projects/{projectId}/events/webhooks/subscriptions'

/** A plain string, or Contensis's map of locale → string. */
const localizedText = (max: number) =>
  z.union([capped(max), z.record(capped(MAX_CHARS.name).min(1), capped(max))])
const names = () => z.array(capped(MAX_CHARS.name).min(1)).max(100)

/** Contensis's topic filter; every list narrows, an absent list matches anything. */
const TopicFilterSchema = z.strictObject({
  resourceType: capped(MAX_CHARS.name).min(1),
  event: names().optional(),
  language: names().optional(),
  contentTypeId: names().optional(),
  owner: capped(MAX_CHARS.name).min(1).optional(),
  workflowEvent: names().optional(),
  workflowState: names().optional(),
})

/**
 * Contensis's Webhook Subscription resource as a client sends it, every string capped. `id` and
 * `version` are read-only: accepted (a client may PUT back what it got) and ignored. Other unknown
 * fields are a 400, so a typo is caught rather than silently dropped. The subscription rules
 * (a name that is not blank, an http(s) URL, header names) are the contract's, checked after.
 */
const WebhookSubscriptionSchema = z.strictObject({
  id: z.unknown().optional(),
  version: z.unknown().optional(),
  name: localizedText(MAX_CHARS.name),
  description: localizedText(MAX_CHARS.text).optional(),
  url: capped(MAX_CHARS.url),
  enabled: z.boolean().default(true),
  topics: z.array(TopicFilterSchema).max(100).default([]),
  headers: z
    .record(
      capped(MAX_CHARS.name),
      z.strictObject({ value: capped(MAX_CHARS.value).optional(), secret: z.boolean().optional() }),
    )
    .default({}),
  templates: z.record(capped(MAX_CHARS.name).min(1), cappedJson(MAX_CHARS.value)).default({}),
})

/**
 * Contensis's webhook subscriptions API below /emulate/contensis. A subscription is a Hookbench
 * subscription with profile `contensis` (one store: it shows in the UI and delivers); others are
 * invisible here. `projectId` is accepted but does not partition: every project sees the same
 * contensis subscriptions. Every call needs `Authorization: Bearer <token>` from Hookbench's
 * `POST /oauth2/token`, as Contensis's own management API needs an OAuth token: a subscription
 * decides where deliveries — with their secret headers — go.
 *
 * Errors (Contensis's "Error" model, whose fields its documentation does not list) answer
 * `{logId, message, data: [{field, message}], type: "Error"}`: 400 for an invalid payload with one
 * entry per invalid field, 401 without a valid token, 404 for an unknown id, 415 for a body that
 * is not JSON, 500 for an unexpected failure.
 */
export function contensisEmulator(deps: {
  api: Api
  isIssuedToken: (token: string) => boolean
}): ReceiverRoute {
  const { api } = deps

  const find = async (id: string): Promise<Subscription> => {
    const found = (await api.listSubscriptions({})).items.find(
      (s) => s.id === id && s.profile === 'contensis',
    )
    if (!found) throw new EmulatorError(404, `Webhook subscription ${id} was not found.`)
    return found
  }

  const parse = (body: unknown) => {
    const parsed = WebhookSubscriptionSchema.safeParse(body ?? null)
    if (!parsed.success) throw payloadError(parsed.error)
    const { id: _id, version: _version, ...fields } = parsed.data
    return fields
  }

  return emulatorRoute({
    prefix: CONTENSIS_PREFIX,
    errorBody,
    authenticate: bearerAuthentication(deps.isIssuedToken, {
      missing: 'Authentication required: send Authorization: Bearer <access_token> from POST /oauth2/token.',
      invalid:
        'The access token is not valid: unknown, expired or revoked. Get a new one from POST /oauth2/token.',
    }),
    endpoints: [
      {
        method: 'POST',
        path: COLLECTION,
        async handle(request) {
          const fields = parse(await request.json())
          return {
            status: 201,
            body: view(await api.createSubscription({ ...fields, profile: 'contensis' })),
          }
        },
      },
      {
        method: 'GET',
        path: COLLECTION,
        async handle() {
          const items = (await api.listSubscriptions({})).items.filter((s) => s.profile === 'contensis')
          return { status: 200, body: items.map(view) }
        },
      },
      {
        method: 'GET',
        path: `${COLLECTION}/{id}`,
        async handle({ params }) {
          return { status: 200, body: view(await find(params.id ?? '')) }
        },
      },
      {
        method: 'PUT',
        path: `${COLLECTION}/{id}`,
        async handle({ params, json }) {
          const current = await find(params.id ?? '')
          const fields = parse(await json())
          // A full replacement of the resource: a field left out goes back to its default (a
          // description is removed). Hookbench's own settings (signing, auth, retries) are kept, and
          // a secret header sent as {secret: true} keeps its stored value.
          const replaced = await api.patchSubscription({
            id: current.id,
            ...fields,
            description: fields.description,
          })
          return { status: 200, body: view(replaced) }
        },
      },
      {
        method: 'DELETE',
        path: `${COLLECTION}/{id}`,
        async handle({ params }) {
          const current = await find(params.id ?? '')
          await api.deleteSubscription({ id: current.id })
          return { status: 204 }
        },
      },
    ],
  })
}

/** The resource as Contensis's example response shows it; secret header values never leave. */
function view(subscription: Subscription) {
  const headers: Record<string, { value?: string; secret?: boolean }> = {}
  for (const [name, header] of Object.entries(subscription.headers)) {
    headers[name] = header.secret ? { secret: true } : { value: header.value ?? '' }
  }
  return {
    id: subscription.id,
    name: subscription.name,
    ...(subscription.description === undefined ? {} : { description: subscription.description }),
    url: subscription.url,
    enabled: subscription.enabled,
    topics: subscription.topics,
    headers,
    templates: subscription.templates,
    version: {
      createdBy: subscription.version.createdBy,
      created: subscription.version.created,
      modifiedBy: subscription.version.modifiedBy,
      modified: subscription.version.modified,
      versionNo: subscription.version.versionNo,
    },
  }
}

/**
 * One entry per invalid field; an unknown field is named rather than reported at the top level,
 * and a key that is too long says why rather than "Invalid key in record".
 */
function payloadError(error: z.ZodError): EmulatorError {
  const issues = error.issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ path: [...issue.path, key].join('.'), message: 'unknown field' }))
    }
    const message =
      issue.code === 'invalid_key' && issue.issues[0] ? `key ${issue.issues[0].message}` : issue.message
    return [{ path: issue.path.map(String).join('.'), message }]
  })
  const first = issues[0]
  const where = first?.path ? ` at "${first.path}"` : ''
  return new EmulatorError(
    400,
    `Invalid webhook subscription${where}: ${first?.message ?? 'unknown'}`,
    issues,
  )
}

function errorBody(error: EmulatorError) {
  return {
    logId: randomUUID(),
    message: error.status === 500 ? 'Internal server error.' : error.message,
    data: error.issues.map((issue) => ({ field: issue.path, message: issue.message })),
    type: 'Error',
  }
}
