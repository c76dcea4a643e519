import { randomUUID } from 'node:crypto'
import type { Clock } from '../../shared/clock.ts'
import type { Handlers } from '../../shared/contract/index.ts'
import type {
  AuthConfig,
  AuthConfigInput,
  TestAuthConfigInput,
  TestAuthConfigOutput,
} from '../../shared/domain/auth-config.ts'
import { HookbenchError } from '../../shared/errors.ts'
import { REDACTED } from '../../shared/redacted.ts'
import { redactSecrets, revealSecrets } from '../secrets/redaction.ts'
import type { ConfigStore } from '../store/config/config-store.ts'
import { OAuthTokenError, OAuthTokens } from './oauth-tokens.ts'

type AuthConfigHandlers = Pick<
  Handlers,
  | 'listAuthConfigs'
  | 'createAuthConfig'
  | 'getAuthConfig'
  | 'updateAuthConfig'
  | 'deleteAuthConfig'
  | 'testAuthConfig'
  | 'testUnsavedAuthConfig'
>

/** Auth configs as Rustici Generator defines them, stored in config.json with the secret sealed. */
export function authConfigHandlers(config: ConfigStore, clock: Clock): AuthConfigHandlers {
  const view = (stored: AuthConfig, reveal: boolean): AuthConfig =>
    reveal ? revealSecrets(stored, config.secrets) : redactSecrets(stored)

  /** `current`: the config being replaced, whose secret a `••••` in the input keeps. */
  const toStored = (
    input: AuthConfigInput,
    id: string,
    createdAt: string,
    current: AuthConfig | null = null,
  ): AuthConfig => {
    const now = new Date(clock.now()).toISOString()
    const keep = input.secret === REDACTED && current?.secret
    return {
      id,
      auth_type: input.auth_type,
      key: input.key ?? null,
      secret: keep ? current.secret : input.secret ? config.secrets.seal(input.secret) : null,
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
      const stored = toStored(input, id, current.created_at, current)
      await config.update((draft) => {
        draft.auth_configs = draft.auth_configs.map((item) => (item.id === id ? stored : item))
      })
      return view(stored, false)
    },
    testAuthConfig: async ({ id, ...form }) => {
      const stored = withFormValues(findAuthConfig(config, id), form, (text) => config.secrets.seal(text))
      if (stored.auth_type !== 'OAUTH_2_CLIENT_CREDENTIALS') {
        return {
          ok: true,
          message: `${stored.auth_type} needs no token: there is nothing to fetch.`,
          exchange: null,
        }
      }
      return fetchTestToken(stored, clock, config)
    },
    testUnsavedAuthConfig: async (form) => {
      const now = new Date(clock.now()).toISOString()
      const unsaved: AuthConfig = {
        id: 'unsaved',
        auth_type: 'OAUTH_2_CLIENT_CREDENTIALS',
        key: form.key ?? null,
        secret: form.secret ? config.secrets.seal(form.secret) : null,
        scope: form.scope ?? null,
        token_url: form.token_url ?? null,
        created_at: now,
        modified_at: now,
      }
      return fetchTestToken(unsaved, clock, config)
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

/** "Test": one token exchange with a fresh cache, so it is always made and never disturbs deliveries' tokens. */
async function fetchTestToken(
  stored: AuthConfig,
  clock: Clock,
  config: ConfigStore,
): Promise<TestAuthConfigOutput> {
  if (!stored.token_url) {
    return { ok: false, message: 'There is no token URL to ask: enter one first.', exchange: null }
  }
  const tokens = new OAuthTokens(clock, config.secrets)
  try {
    const result = await tokens.token(stored, 15_000)
    return {
      ok: true,
      message: 'The token endpoint issued an access token.',
      exchange: redactSecrets(result.exchange),
    }
  } catch (error) {
    if (!(error instanceof OAuthTokenError)) throw error
    return { ok: false, message: error.message, exchange: redactSecrets(error.exchange) }
  }
}

/** The saved config with the editor's unsaved values over it, for one test; never stored. */
function withFormValues(
  stored: AuthConfig,
  form: Omit<TestAuthConfigInput, 'id'>,
  seal: (text: string) => string,
): AuthConfig {
  const pick = (given: string | null | undefined, saved: string | null) =>
    given === undefined ? saved : given
  return {
    ...stored,
    key: pick(form.key, stored.key),
    scope: pick(form.scope, stored.scope),
    token_url: pick(form.token_url, stored.token_url),
    secret: form.secret && form.secret !== REDACTED ? seal(form.secret) : stored.secret,
  }
}

export function findAuthConfig(config: ConfigStore, id: string): AuthConfig {
  const found = config.read().auth_configs.find((item) => item.id === id)
  if (!found) throw new HookbenchError('not_found', `No auth config ${id}.`)
  return found
}
