import type { Api, OperationInput } from '../../../../shared/contract/index.ts'
import type { QuicklySignClient } from '../../../../shared/domain/emulator-client.ts'
import type { OAuthClient, OAuthServerState, TokenRequest } from '../../../../shared/domain/oauth-client.ts'
import { toErrorBody } from '../../api/api-error.ts'
import type { Loadable, SaveState, SliceCreator } from '../../state/slice.ts'

/** What the client form sends; in an edit, an empty `client_secret` keeps the stored one. */
export interface OAuthClientPayload {
  client_id: string
  client_secret: string
  scopes: string[]
}
export type QuicklySignClientPayload = OperationInput<'createQuicklySignClient'>
export type OAuthFailurePayload = NonNullable<OperationInput<'updateOAuthServer'>['failure']>

/** Where a delete or a reveal stands, for the one row it is about. */
export type RowAction = SaveState & { id: string | null }

/**
 * The Settings page's emulator cards: the mock OAuth2 token server (its TTL, injected failures,
 * issued tokens and token log), its clients, and the QuicklySign emulator's API clients.
 */
export interface EmulatorsSlice {
  oauthServer: Loadable<OAuthServerState>
  tokenRequests: Loadable<TokenRequest[]>
  oauthTtlSave: SaveState
  oauthFailureSave: SaveState
  oauthExpire: SaveState & { expired: number | null }
  oauthClients: Loadable<OAuthClient[]>
  /** The create or edit in the client form; a 409 or 400 names the field in details.issues. */
  oauthClientSave: SaveState
  oauthClientAction: RowAction
  /** Secrets the user asked to see, by client id; "Hide" forgets them again. */
  revealedOAuthSecrets: Record<string, string>
  quicklySignClients: Loadable<QuicklySignClient[]>
  quicklySignSave: SaveState
  quicklySignAction: RowAction
  revealedQuicklySignSecrets: Record<string, string>

  /** The server's state and its recent token requests, together: one changes with the other. */
  loadOAuthServer: () => Promise<void>
  saveTokenTtl: (seconds: number) => Promise<boolean>
  /** null stops failing. */
  saveOAuthFailure: (failure: OAuthFailurePayload | null) => Promise<boolean>
  resetOAuthServerSaves: () => void
  expireOAuthTokens: () => Promise<void>
  loadOAuthClients: () => Promise<void>
  /** Creates (id null) or replaces a client; resolves true when it was stored. */
  saveOAuthClient: (payload: OAuthClientPayload, id: string | null) => Promise<boolean>
  resetOAuthClientSave: () => void
  deleteOAuthClient: (id: string) => Promise<void>
  revealOAuthSecret: (id: string) => Promise<void>
  hideOAuthSecret: (id: string) => void
  loadQuicklySignClients: () => Promise<void>
  createQuicklySignClient: (payload: QuicklySignClientPayload) => Promise<boolean>
  resetQuicklySignSave: () => void
  deleteQuicklySignClient: (id: string) => Promise<void>
  revealQuicklySignSecret: (id: string) => Promise<void>
  hideQuicklySignSecret: (id: string) => void
}

type LoadableKey = 'oauthServer' | 'tokenRequests' | 'oauthClients' | 'quicklySignClients'
type ValueOf<K extends LoadableKey> = NonNullable<EmulatorsSlice[K]['value']>

const idle: SaveState = { status: 'idle', error: null }
const idleRow: RowAction = { ...idle, id: null }
const TOKEN_REQUESTS_SHOWN = 50

function upsert<T extends { id: string }>(items: readonly T[] | null, item: T): T[] {
  const list = items ?? []
  return list.some((each) => each.id === item.id)
    ? list.map((each) => (each.id === item.id ? item : each))
    : [...list, item]
}

function without<T extends { id: string }>(items: readonly T[] | null, id: string): T[] {
  return (items ?? []).filter((item) => item.id !== id)
}

function forget(secrets: Record<string, string>, id: string): Record<string, string> {
  const { [id]: _forgotten, ...rest } = secrets
  return rest
}

export function createEmulatorsSlice(api: Api): SliceCreator<EmulatorsSlice> {
  return (set, get) => {
    /** Keeps the last good value while a reload runs or fails, like every other Loadable. */
    const load = async <K extends LoadableKey>(key: K, fetch: () => Promise<ValueOf<K>>) => {
      if (get()[key].status === 'loading') return
      const patch = (next: Partial<Loadable<ValueOf<K>>>) =>
        set((state) => ({ [key]: { ...state[key], ...next } }) as unknown as Pick<EmulatorsSlice, K>)
      patch({ status: 'loading', error: null })
      try {
        patch({ value: await fetch(), status: 'ready', error: null })
      } catch (error) {
        patch({ status: 'error', error: toErrorBody(error) })
      }
    }

    type ServerSaveKey = 'oauthTtlSave' | 'oauthFailureSave'
    const saveStateOf = (key: ServerSaveKey, value: SaveState) =>
      key === 'oauthTtlSave' ? { oauthTtlSave: value } : { oauthFailureSave: value }

    const patchServer = async (
      key: ServerSaveKey,
      input: OperationInput<'updateOAuthServer'>,
    ): Promise<boolean> => {
      set(saveStateOf(key, { status: 'saving', error: null }))
      try {
        const value = await api.updateOAuthServer(input)
        set((state) => ({
          oauthServer: { ...state.oauthServer, value, status: 'ready', error: null },
          ...saveStateOf(key, { status: 'saved', error: null }),
        }))
        return true
      } catch (error) {
        set(saveStateOf(key, { status: 'error', error: toErrorBody(error) }))
        return false
      }
    }

    return {
      oauthServer: { value: null, status: 'idle', error: null },
      tokenRequests: { value: null, status: 'idle', error: null },
      oauthTtlSave: idle,
      oauthFailureSave: idle,
      oauthExpire: { ...idle, expired: null },
      oauthClients: { value: null, status: 'idle', error: null },
      oauthClientSave: idle,
      oauthClientAction: idleRow,
      revealedOAuthSecrets: {},
      quicklySignClients: { value: null, status: 'idle', error: null },
      quicklySignSave: idle,
      quicklySignAction: idleRow,
      revealedQuicklySignSecrets: {},

      loadOAuthServer: async () => {
        await Promise.all([
          load('oauthServer', () => api.getOAuthServer({})),
          load('tokenRequests', async () => {
            const { items } = await api.listOAuthTokenRequests({ limit: TOKEN_REQUESTS_SHOWN })
            return items
          }),
        ])
      },

      saveTokenTtl: (seconds) => patchServer('oauthTtlSave', { token_ttl_s: seconds }),
      saveOAuthFailure: (failure) => patchServer('oauthFailureSave', { failure }),
      resetOAuthServerSaves: () => {
        const { oauthTtlSave, oauthFailureSave } = get()
        if (oauthTtlSave.status !== 'idle' || oauthFailureSave.status !== 'idle') {
          set({ oauthTtlSave: idle, oauthFailureSave: idle })
        }
      },

      expireOAuthTokens: async () => {
        set({ oauthExpire: { status: 'saving', error: null, expired: null } })
        try {
          const { expired } = await api.expireOAuthTokens({})
          set({ oauthExpire: { status: 'saved', error: null, expired } })
        } catch (error) {
          set({ oauthExpire: { status: 'error', error: toErrorBody(error), expired: null } })
        }
        await load('oauthServer', () => api.getOAuthServer({}))
      },

      loadOAuthClients: () =>
        load('oauthClients', async () => (await api.listOAuthClients({ reveal: false })).items),

      saveOAuthClient: async (payload, id) => {
        if (get().oauthClientSave.status === 'saving') return false
        set({ oauthClientSave: { status: 'saving', error: null } })
        try {
          const saved =
            id === null
              ? await api.createOAuthClient(payload)
              : await api.updateOAuthClient({
                  id,
                  client_id: payload.client_id,
                  scopes: payload.scopes,
                  // Absent keeps the stored secret: the form leaves the box empty unless it changes.
                  ...(payload.client_secret === '' ? {} : { client_secret: payload.client_secret }),
                })
          set((state) => ({
            oauthClients: { ...state.oauthClients, value: upsert(state.oauthClients.value, saved) },
            oauthClientSave: { status: 'saved', error: null },
            revealedOAuthSecrets: forget(state.revealedOAuthSecrets, saved.id),
          }))
          return true
        } catch (error) {
          set({ oauthClientSave: { status: 'error', error: toErrorBody(error) } })
          return false
        }
      },

      resetOAuthClientSave: () => {
        if (get().oauthClientSave.status !== 'idle') set({ oauthClientSave: idle })
      },

      deleteOAuthClient: async (id) => {
        set({ oauthClientAction: { status: 'saving', error: null, id } })
        try {
          await api.deleteOAuthClient({ id })
          set((state) => ({
            oauthClients: { ...state.oauthClients, value: without(state.oauthClients.value, id) },
            oauthClientAction: idleRow,
            revealedOAuthSecrets: forget(state.revealedOAuthSecrets, id),
          }))
          // Its tokens were revoked with it.
          void load('oauthServer', () => api.getOAuthServer({}))
        } catch (error) {
          set({ oauthClientAction: { status: 'error', error: toErrorBody(error), id } })
        }
      },

      revealOAuthSecret: async (id) => {
        try {
          const { client_secret } = await api.getOAuthClient({ id, reveal: true })
          set((state) => ({ revealedOAuthSecrets: { ...state.revealedOAuthSecrets, [id]: client_secret } }))
        } catch (error) {
          set({ oauthClientAction: { status: 'error', error: toErrorBody(error), id } })
        }
      },

      hideOAuthSecret: (id) =>
        set((state) => ({ revealedOAuthSecrets: forget(state.revealedOAuthSecrets, id) })),

      loadQuicklySignClients: () =>
        load('quicklySignClients', async () => (await api.listQuicklySignClients({ reveal: false })).items),

      createQuicklySignClient: async (payload) => {
        if (get().quicklySignSave.status === 'saving') return false
        set({ quicklySignSave: { status: 'saving', error: null } })
        try {
          const saved = await api.createQuicklySignClient(payload)
          set((state) => ({
            quicklySignClients: {
              ...state.quicklySignClients,
              value: upsert(state.quicklySignClients.value, saved),
            },
            quicklySignSave: { status: 'saved', error: null },
          }))
          return true
        } catch (error) {
          set({ quicklySignSave: { status: 'error', error: toErrorBody(error) } })
          return false
        }
      },

      resetQuicklySignSave: () => {
        if (get().quicklySignSave.status !== 'idle') set({ quicklySignSave: idle })
      },

      deleteQuicklySignClient: async (id) => {
        set({ quicklySignAction: { status: 'saving', error: null, id } })
        try {
          await api.deleteQuicklySignClient({ id })
          set((state) => ({
            quicklySignClients: {
              ...state.quicklySignClients,
              value: without(state.quicklySignClients.value, id),
            },
            quicklySignAction: idleRow,
            revealedQuicklySignSecrets: forget(state.revealedQuicklySignSecrets, id),
          }))
        } catch (error) {
          set({ quicklySignAction: { status: 'error', error: toErrorBody(error), id } })
        }
      },

      revealQuicklySignSecret: async (id) => {
        try {
          const { client_secret } = await api.getQuicklySignClient({ id, reveal: true })
          set((state) => ({
            revealedQuicklySignSecrets: { ...state.revealedQuicklySignSecrets, [id]: client_secret },
          }))
        } catch (error) {
          set({ quicklySignAction: { status: 'error', error: toErrorBody(error), id } })
        }
      },

      hideQuicklySignSecret: (id) =>
        set((state) => ({ revealedQuicklySignSecrets: forget(state.revealedQuicklySignSecrets, id) })),
    }
  }
}
