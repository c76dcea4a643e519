import { z } from 'zod'
import type { Api } from '../../shared/contract/index.ts'
import type { QuicklySignClient } from '../../shared/domain/emulator-client.ts'
import type { Subscription } from '../../shared/domain/subscription.ts'
import { invalidInput } from '../../shared/errors.ts'
import type { ClientRegistry } from '../oauth-server/client-registry.ts'
import type { ReceiverRoute } from '../receiver/receiver-server.ts'
import {
  EmulatorError,
  type EmulatorRequest,
  emulatorRoute,
  objectBody,
  toEmulatorError,
} from './emulator-route.ts'
import { capped, MAX_CHARS } from './string-limits.ts'

export const QUICKLYSIGN_PREFIX = '/emulate/quicklysign'

const CreateSubscriptionBodySchema = z.object({
  subscription: z.object({
    entity_key: capped(MAX_CHARS.name).min(1, 'entity_key is required'),
    callback: capped(MAX_CHARS.url).regex(/^https?:\/\/\S+$/, 'callback must be an http:// or https:// URL'),
  }),
})

/** Hookbench field → the name the QuicklySign caller used, for error messages. */
const FIELD_NAMES: Record<string, string> = {
  url: 'subscription.callback',
  entity_key: 'subscription.entity_key',
}

/**
 * QuicklySign's subscriptions API below /emulate/quicklysign. Every call needs the
 * client_id/client_secret of a client registered through `/api/emulators/quicklysign/clients`,
 * in the query string or the JSON body (a body only as application/json). Subscriptions are
 * Hookbench subscriptions with profile `quicklysign` (one store: they show in the UI and
 * deliver); others are invisible here.
 *
 * Answers use QuicklySign's envelope: `{status: {status_code}, data: {...}}`, and for errors
 * `{status: {status_code}, error: {message}}`, with the HTTP status equal to status_code.
 */
export function quicklySignEmulator(deps: {
  api: Api
  clients: ClientRegistry<QuicklySignClient>
}): ReceiverRoute {
  const { api } = deps

  const authenticate = async (request: EmulatorRequest, body?: Record<string, unknown>) => {
    let clientId = request.query.get('client_id')
    let secret = request.query.get('client_secret')
    if (clientId === null || secret === null) {
      const json = body ?? (await request.json())
      const fields = json !== null && typeof json === 'object' ? (json as Record<string, unknown>) : {}
      clientId ??= typeof fields.client_id === 'string' ? fields.client_id : null
      secret ??= typeof fields.client_secret === 'string' ? fields.client_secret : null
    }
    if (clientId === null || secret === null) {
      throw new EmulatorError(401, 'client_id and client_secret are required for all Subscription calls.')
    }
    if (!deps.clients.authenticate(clientId, secret)) {
      throw new EmulatorError(401, 'Invalid client_id or client_secret.')
    }
  }

  const mine = async (): Promise<Subscription[]> =>
    (await api.listSubscriptions({})).items.filter((s) => s.profile === 'quicklysign')

  const find = async (key: string): Promise<Subscription> => {
    const found = (await mine()).find((s) => s.id === key)
    if (!found) throw new EmulatorError(404, `Subscription ${key} not found.`)
    return found
  }

  return emulatorRoute({
    prefix: QUICKLYSIGN_PREFIX,
    errorBody: (error) => ({ status: { status_code: error.status }, error: { message: messageOf(error) } }),
    endpoints: [
      {
        method: 'POST',
        path: '/subscriptions',
        async handle(request) {
          const body = objectBody(await request.json())
          await authenticate(request, body)
          const parsed = CreateSubscriptionBodySchema.safeParse(body)
          if (!parsed.success) throw invalidInput(parsed.error)
          const { entity_key, callback } = parsed.data.subscription
          const created = await api
            .createSubscription({
              name: `QuicklySign ${entity_key}`,
              url: callback,
              profile: 'quicklysign',
              entity_key,
            })
            .catch((error: unknown) => {
              throw renamed(toEmulatorError(error))
            })
          return ok({ subscription: view(created) })
        },
      },
      {
        method: 'GET',
        path: '/subscriptions',
        async handle(request) {
          await authenticate(request)
          const entityKey = request.query.get('entity_key')
          const found = (await mine()).filter((s) => entityKey === null || s.entity_key === entityKey)
          return ok({ subscriptions: found.map(view) })
        },
      },
      {
        method: 'DELETE',
        path: '/subscriptions',
        async handle(request) {
          await authenticate(request)
          const entityKey = request.query.get('entity_key')
          if (!entityKey) {
            throw new EmulatorError(400, 'entity_key is required to unsubscribe by entity key.')
          }
          const found = (await mine()).filter((s) => s.entity_key === entityKey)
          for (const subscription of found) await api.deleteSubscription({ id: subscription.id })
          return ok({ subscriptions: found.map(view) })
        },
      },
      {
        method: 'GET',
        path: '/subscriptions/{key}',
        async handle(request) {
          await authenticate(request)
          return ok({ subscription: view(await find(request.params.key ?? '')) })
        },
      },
      {
        method: 'DELETE',
        path: '/subscriptions/{key}',
        async handle(request) {
          await authenticate(request)
          const subscription = await find(request.params.key ?? '')
          await api.deleteSubscription({ id: subscription.id })
          return ok({ subscription: view(subscription) })
        },
      },
    ],
  })
}

function ok(data: unknown) {
  return { status: 200, body: { status: { status_code: 200 }, data } }
}

/** QuicklySign's subscription object; dates are milliseconds since the epoch. */
function view(subscription: Subscription) {
  return {
    entity_key: subscription.entity_key ?? null,
    date_updated: Date.parse(subscription.version.modified),
    subscriber_key: null,
    callback: subscription.url,
    key: subscription.id,
    date_created: Date.parse(subscription.version.created),
  }
}

/** Validation errors name every field that failed, as the caller spelled it. */
function messageOf(error: EmulatorError): string {
  if (error.issues.length === 0) return error.message
  return error.issues
    .map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message))
    .join('; ')
}

function renamed(error: EmulatorError): EmulatorError {
  const issues = error.issues.map((issue) => ({ ...issue, path: FIELD_NAMES[issue.path] ?? issue.path }))
  return new EmulatorError(error.status, error.message, issues)
}
