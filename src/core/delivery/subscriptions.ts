import { randomUUID } from 'node:crypto'
import type { z } from 'zod'
import type { Clock } from '../../shared/clock.ts'
import type { Handlers } from '../../shared/contract/index.ts'
import {
  type CreateSubscriptionInput,
  type HeaderInputSchema,
  MergedSubscriptionPatchSchema,
  type Subscription,
} from '../../shared/domain/subscription.ts'
import { HookbenchError, invalidInput } from '../../shared/errors.ts'
import { REDACTED } from '../../shared/redacted.ts'
import { redactSecrets, revealSecrets } from '../secrets/redaction.ts'
import { generateSecret } from '../signing/standard-webhooks.ts'
import type { ConfigStore } from '../store/config/config-store.ts'

type SubscriptionHandlers = Pick<
  Handlers,
  | 'listSubscriptions'
  | 'createSubscription'
  | 'getSubscription'
  | 'replaceSubscription'
  | 'patchSubscription'
  | 'deleteSubscription'
  | 'rotateSigningSecret'
>

type HeaderInput = z.output<typeof HeaderInputSchema>
type StoredHeaders = Subscription['headers']

/** Who made a change; the local API has a single user today, so it is named for the machine. */
const ACTOR = 'local'

export function subscriptionHandlers(config: ConfigStore, clock: Clock): SubscriptionHandlers {
  const now = () => new Date(clock.now()).toISOString()

  /** Secret header values are never returned; the signing secret only when revealing. */
  const view = (stored: Subscription, reveal: boolean): Subscription => {
    const headers: StoredHeaders = {}
    for (const [name, header] of Object.entries(stored.headers)) {
      headers[name] = header.secret ? { secret: true } : header
    }
    const withoutSecretHeaders = { ...stored, headers }
    return reveal ? revealSecrets(withoutSecretHeaders, config.secrets) : redactSecrets(withoutSecretHeaders)
  }

  /** Seals secret values; `{secret: true}` without a value keeps the value already stored (GET → PUT round-trips). */
  const storeHeaders = (input: Record<string, HeaderInput>, current: StoredHeaders): StoredHeaders => {
    const stored: StoredHeaders = {}
    for (const [name, header] of Object.entries(input)) {
      if (header.secret) {
        const value = header.value !== undefined ? config.secrets.seal(header.value) : current[name]?.value
        if (value !== undefined) stored[name] = { value, secret: true }
      } else if (header.value !== undefined) {
        stored[name] = { value: header.value }
      }
    }
    return stored
  }

  const storeSigning = (
    input: CreateSubscriptionInput['signing'] | undefined,
    current: Subscription['signing'],
  ): Subscription['signing'] => {
    if (input === undefined) return current
    if (input === null) return null
    if (input.secret === REDACTED) {
      if (current) return current
      throw new HookbenchError(
        'bad_request',
        'Invalid input at "signing.secret": there is no secret to keep',
        {
          issues: [
            { path: 'signing.secret', message: 'there is no secret to keep: send {} to generate one' },
          ],
        },
      )
    }
    return {
      secret: config.secrets.seal(input.secret ?? generateSecret()),
      previous: current?.previous ?? [],
    }
  }

  const checkAuthConfig = (authConfigId: string | null) => {
    if (authConfigId !== null && !config.read().auth_configs.some((item) => item.id === authConfigId)) {
      throw new HookbenchError(
        'bad_request',
        `Invalid input at "auth_config_id": no auth config ${authConfigId}`,
        {
          issues: [{ path: 'auth_config_id', message: `no auth config ${authConfigId}` }],
        },
      )
    }
  }

  /** `signing` undefined keeps the current signing (a patch that does not mention it). */
  type BuildInput = Omit<CreateSubscriptionInput, 'signing'> & {
    signing: CreateSubscriptionInput['signing'] | undefined
  }

  const build = (input: BuildInput, current: Subscription | null): Subscription => {
    checkAuthConfig(input.auth_config_id)
    const timestamp = now()
    return {
      ...input,
      id: current?.id ?? randomUUID(),
      headers: storeHeaders(input.headers, current?.headers ?? {}),
      signing: storeSigning(input.signing, current?.signing ?? null),
      disabled_reason: input.enabled ? null : (current?.disabled_reason ?? null),
      version: current
        ? nextVersion(current.version, timestamp)
        : { created: timestamp, createdBy: ACTOR, modified: timestamp, modifiedBy: ACTOR, versionNo: '1.0' },
    }
  }

  const save = async (stored: Subscription) => {
    await config.update((draft) => {
      const index = draft.subscriptions.findIndex((item) => item.id === stored.id)
      if (index === -1) draft.subscriptions.push(stored)
      else draft.subscriptions[index] = stored
    })
    return view(stored, false)
  }

  return {
    listSubscriptions: async ({ reveal }) => ({
      items: config.read().subscriptions.map((stored) => view(stored, reveal)),
    }),
    createSubscription: async (input) => save(build(input, null)),
    getSubscription: async ({ id, reveal }) => view(findSubscription(config, id), reveal),
    replaceSubscription: async ({ id, version: _version, disabled_reason: _reason, ...input }) =>
      save(build(input, findSubscription(config, id))),
    patchSubscription: async ({ id, ...patch }) => {
      const current = findSubscription(config, id)
      // Re-validate the merged whole: a patch may break a rule that spans fields (profile ↔ topics).
      const merged = MergedSubscriptionPatchSchema.safeParse({ ...inputOf(current), ...patch, id })
      if (!merged.success) throw invalidInput(merged.error)
      const { id: _id, signing, ...input } = merged.data
      return save(build({ ...input, signing: 'signing' in patch ? signing : undefined }, current))
    },
    deleteSubscription: async ({ id }) => {
      findSubscription(config, id)
      await config.update((draft) => {
        draft.subscriptions = draft.subscriptions.filter((item) => item.id !== id)
      })
    },
    rotateSigningSecret: async ({ id, overlap_ms }) => {
      const current = findSubscription(config, id)
      const expiresAt = new Date(clock.now() + overlap_ms).toISOString()
      const stillValid = (current.signing?.previous ?? []).filter(
        (p) => Date.parse(p.expires_at) > clock.now(),
      )
      const previous = current.signing
        ? [{ secret: current.signing.secret, expires_at: expiresAt }, ...stillValid]
        : []
      const stored: Subscription = {
        ...current,
        signing: { secret: config.secrets.seal(generateSecret()), previous },
        version: nextVersion(current.version, now()),
      }
      await save(stored)
      // The new secret is answered once in the clear, to configure the receiver with; the
      // previous ones it already has (GET ?reveal=true shows them all).
      const answer = view(stored, true)
      return answer.signing
        ? {
            ...answer,
            signing: {
              ...answer.signing,
              previous: answer.signing.previous.map((p) => ({ ...p, secret: REDACTED })),
            },
          }
        : answer
    },
  }
}

/** Every change is a new version: modified now, by us, and the next versionNo (Contensis's "1.0", "2.0"…). */
function nextVersion(version: Subscription['version'], timestamp: string): Subscription['version'] {
  const previous = Number.parseInt(version.versionNo, 10) || 0
  return { ...version, modified: timestamp, modifiedBy: ACTOR, versionNo: `${previous + 1}.0` }
}

/** The stored subscription as create-input, so a patch can be merged onto it and validated. */
function inputOf(stored: Subscription): Record<string, unknown> {
  const { id: _id, version: _version, disabled_reason: _reason, signing: _signing, headers, ...rest } = stored
  return {
    ...rest,
    headers: Object.fromEntries(
      Object.entries(headers).map(([name, h]) => [name, h.secret ? { secret: true } : h]),
    ),
  }
}

export function findSubscription(config: ConfigStore, id: string): Subscription {
  const found = config.read().subscriptions.find((item) => item.id === id)
  if (!found) throw new HookbenchError('not_found', `No subscription ${id}.`)
  return found
}
