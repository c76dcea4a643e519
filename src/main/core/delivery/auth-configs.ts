import { randomUUID } from 'node:crypto'
import type { Clock } from '../../../shared/clock.ts'
import type { Handlers } from '../../../shared/contract/index.ts'
import type { AuthConfig, AuthConfigInput } from '../../../shared/domain/auth-config.ts'
import { HookbenchError } from '../../../shared/errors.ts'
import { redactSecrets, revealSecrets } from '../secrets/redaction.ts'
import type { ConfigStore } from '../store/config/config-store.ts'

type AuthConfigHandlers = Pick<
  Handlers,
  'listAuthConfigs' | 'createAuthConfig' | 'getAuthConfig' | 'updateAuthConfig' | 'deleteAuthConfig'
>

/** Seed 000's auth configs, stored in config.json with the secret sealed. */
export function authConfigHandlers(config: ConfigStore, clock: Clock): AuthConfigHandlers {
  const view = (stored: AuthConfig, reveal: boolean): AuthConfig =>
    reveal ? revealSecrets(stored, config.secrets) : redactSecrets(stored)

  const toStored = (input: AuthConfigInput, id: string, createdAt: string): AuthConfig => {
    const now = new Date(clock.now()).toISOString()
    return {
      id,
      auth_type: input.auth_type,
      key: input.key ?? null,
      secret: input.secret ? config.secrets.seal(input.secret) : null,
      scope: input.scope ?? null,
      token_url: input.token_url ?? null,
      created_at: createdAt,
      modified_at: now,
    }
  }

  return {
    listAuthConfigs: async ({ reveal }) => ({
      items: config.read().auth_configs.map((stored) => view(stored, reveal)),
    }),
    createAuthConfig: async (input) => {
      const stored = toStored(input, randomUUID(), new Date(clock.now()).toISOString())
      await config.update((draft) => {
        draft.auth_configs.push(stored)
      })
      return view(stored, false)
    },
    getAuthConfig: async ({ id, reveal }) => view(findAuthConfig(config, id), reveal),
    updateAuthConfig: async ({ id, ...input }) => {
      const current = findAuthConfig(config, id)
      const stored = toStored(input, id, current.created_at)
      await config.update((draft) => {
        draft.auth_configs = draft.auth_configs.map((item) => (item.id === id ? stored : item))
      })
      return view(stored, false)
    },
    deleteAuthConfig: async ({ id }) => {
      findAuthConfig(config, id)
      const users = config.read().subscriptions.filter((s) => s.auth_config_id === id)
      if (users.length > 0) {
        throw new HookbenchError(
          'conflict',
          `Auth config ${id} is used by ${users.length} subscription(s).`,
          {
            subscription_ids: users.map((s) => s.id),
          },
        )
      }
      await config.update((draft) => {
        draft.auth_configs = draft.auth_configs.filter((item) => item.id !== id)
      })
    },
  }
}

export function findAuthConfig(config: ConfigStore, id: string): AuthConfig {
  const found = config.read().auth_configs.find((item) => item.id === id)
  if (!found) throw new HookbenchError('not_found', `No auth config ${id}.`)
  return found
}
