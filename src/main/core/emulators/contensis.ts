import { randomUUID } from 'node:crypto'
import { z } from 'zod'
import type { Api } from '../../../shared/contract/index.ts'
import {
  ContensisTopicFilterSchema,
  HeaderInputSchema,
  LocalizedTextSchema,
  type Subscription,
} from '../../../shared/domain/subscription.ts'
import { invalidInput } from '../../../shared/errors.ts'
import type { ReceiverRoute } from '../receiver/receiver-server.ts'
import { EmulatorError, emulatorRoute } from './emulator-route.ts'

export const CONTENSIS_PREFIX = '/emulate/contensis'
const COLLECTION = '/api/management/projects/{projectId}/events/webhooks/subscriptions'

/**
 * Seed 002's Webhook Subscription resource as a client sends it. `id` and `version` are read-only:
 * accepted (a client may PUT back what it got) and ignored. Other unknown fields are a 400, so a
 * typo is caught rather than silently dropped.
 */
const WebhookSubscriptionSchema = z.strictObject({
  id: z.unknown().optional(),
  version: z.unknown().optional(),
  name: LocalizedTextSchema,
  description: LocalizedTextSchema.optional(),
  url: z.string(),
  enabled: z.boolean().default(true),
  topics: z.array(ContensisTopicFilterSchema).default([]),
  headers: z.record(z.string(), HeaderInputSchema).default({}),
  templates: z.record(z.string().min(1), z.json()).default({}),
})

/**
 * Contensis's webhook subscriptions API (seed 002) below /emulate/contensis. A subscription is a
 * Hookbench subscription with profile `contensis` (one store: it shows in the UI and delivers);
 * others are invisible here. `projectId` is accepted but does not partition: every project sees
 * the same contensis subscriptions. No authentication is asked for.
 *
 * Errors (seed 002's "Error" model, whose fields the seed does not list) answer
 * `{logId, message, data: [{field, message}], type: "Error"}`: 400 for an invalid payload with one
 * entry per invalid field, 404 for an unknown id, 500 for an unexpected failure.
 */
export function contensisEmulator(deps: { api: Api }): ReceiverRoute {
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

/** The resource as seed 002's example response shows it; secret header values never leave. */
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

/** One entry per invalid field; an unknown field is named rather than reported at the top level. */
function payloadError(error: z.ZodError): EmulatorError {
  const issues = error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ path: [...issue.path, key].join('.'), message: 'unknown field' }))
      : [{ path: issue.path.map(String).join('.'), message: issue.message }],
  )
  return new EmulatorError(400, invalidInput(error, 'webhook subscription').message, issues)
}

function errorBody(error: EmulatorError) {
  return {
    logId: randomUUID(),
    message: error.status === 500 ? 'Internal server error.' : error.message,
    data: error.issues.map((issue) => ({ field: issue.path, message: issue.message })),
    type: 'Error',
  }
}
