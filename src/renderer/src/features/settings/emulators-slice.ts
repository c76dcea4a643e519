import type { Api, OperationInput } from '../../../../shared/contract/index.ts'
import type { QuicklySignClient } from '../../../../shared/domain/emulator-client.ts'
import type { OAuthClient, OAuthServerState, TokenRequest } from '../../../../shared/domain/oauth-client.ts'
import { upsertById, withoutId } from '../../state/by-id.ts'
import { loadInto, saveWith } from '../../state/loadable.ts'
import type { AppState, Loadable, SaveState, SliceCreator } from '../../state/slice.ts'

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

const idle: SaveState = { status: 'idle', error: null }
const idleRow: RowAction = { ...idle, id: null }
const TOKEN_REQUESTS_SHOWN = 50

function forget(secrets: Record<string, string>, id: string): Record<string, string> {
  const { [id]: _forgotten, ...rest } = secrets
  return rest
}

export function createEmulatorsSlice(api: Api): SliceCreator<EmulatorsSlice> {
  return (set, get) => {
    const store = { set, get }
    const loadServer = () =>
      loadInto(store, 'oauthServer', async () => ({ value: await api.getOAuthServer({}) }))

    const patchServer = (
      key: 'oauthTtlSave' | 'oauthFailureSave',
      input: OperationInput<'updateOAuthServer'>,
    ) =>
      saveWith(store, key, async () => {
        const value = await api.updateOAuthServer(input)
        return (state: AppState): Partial<AppState> => ({
          oauthServer: { ...state.oauthServer, value, status: 'ready', error: null },
        })
      })

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
          loadServer(),
          loadInto(store, 'tokenRequests', async () => {
            const { items } = await api.listOAuthTokenRequests({ limit: TOKEN_REQUESTS_SHOWN })
            return { value: items }
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
        await saveWith(
          store,
          'oauthExpire',
          async () => {
            const { expired } = await api.expireOAuthTokens({})
            return { oauthExpire: { status: 'saved', error: null, expired } } satisfies Partial<AppState>
          },
          { with: { expired: null } },
        )
        await loadServer()
      },

      loadOAuthClients: async () => {
        await loadInto(store, 'oauthClients', async () => ({
          value: (await api.listOAuthClients({ reveal: false })).items,
        }))
      },

      saveOAuthClient: (payload, id) =>
        saveWith(
          store,
          'oauthClientSave',
          async () => {
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
            return (state: AppState): Partial<AppState> => ({
              oauthClients: { ...state.oauthClients, value: upsertById(state.oauthClients.value, saved) },
              revealedOAuthSecrets: forget(state.revealedOAuthSecrets, saved.id),
            })
          },
          { exclusive: true },
        ),

      resetOAuthClientSave: () => {
        if (get().oauthClientSave.status !== 'idle') set({ oauthClientSave: idle })
      },

      deleteOAuthClient: async (id) => {
        const deleted = await saveWith(
          store,
          'oauthClientAction',
          async () => {
            await api.deleteOAuthClient({ id })
            return (state: AppState): Partial<AppState> => ({
              oauthClients: { ...state.oauthClients, value: withoutId(state.oauthClients.value, id) },
              oauthClientAction: idleRow,
              revealedOAuthSecrets: forget(state.revealedOAuthSecrets, id),
            })
          },
          { with: { id } },
        )
        // Its tokens were revoked with it.
        if (deleted) void loadServer()
      },

      revealOAuthSecret: async (id) => {
        await saveWith(
          store,
          'oauthClientAction',
          async () => {
            const { client_secret } = await api.getOAuthClient({ id, reveal: true })
            return (state: AppState): Partial<AppState> => ({
              revealedOAuthSecrets: { ...state.revealedOAuthSecrets, [id]: client_secret },
            })
          },
          { with: { id }, quiet: true },
        )
      },

      hideOAuthSecret: (id) =>
        set((state) => ({ revealedOAuthSecrets: forget(state.revealedOAuthSecrets, id) })),

      loadQuicklySignClients: async () => {
        await loadInto(store, 'quicklySignClients', async () => ({
          value: (await api.listQuicklySignClients({ reveal: false })).items,
        }))
      },

      createQuicklySignClient: (payload) =>
        saveWith(
          store,
          'quicklySignSave',
          async () => {
            const saved = await api.createQuicklySignClient(payload)
            return (state: AppState): Partial<AppState> => ({
              quicklySignClients: {
                ...state.quicklySignClients,
                value: upsertById(state.quicklySignClients.value, saved),
              },
            })
          },
          { exclusive: true },
        ),

      resetQuicklySignSave: () => {
        if (get().quicklySignSave.status !== 'idle') set({ quicklySignSave: idle })
      },

      deleteQuicklySignClient: async (id) => {
        await saveWith(
          store,
          'quicklySignAction',
          async () => {
            await api.deleteQuicklySignClient({ id })
            return (state: AppState): Partial<AppState> => ({
              quicklySignClients: {
                ...state.quicklySignClients,
                value: withoutId(state.quicklySignClients.value, id),
              },
              quicklySignAction: idleRow,
              revealedQuicklySignSecrets: forget(state.revealedQuicklySignSecrets, id),
            })
          },
          { with: { id } },
        )
      },

      revealQuicklySignSecret: async (id) => {
        await saveWith(
          store,
          'quicklySignAction',
          async () => {
            const { client_secret } = await api.getQuicklySignClient({ id, reveal: true })
            return (state: AppState): Partial<AppState> => ({
              revealedQuicklySignSecrets: { ...state.revealedQuicklySignSecrets, [id]: client_secret },
            })
          },
          { with: { id }, quiet: true },
        )
      },

      hideQuicklySignSecret: (id) =>
        set((state) => ({ revealedQuicklySignSecrets: forget(state.revealedQuicklySignSecrets, id) })),
    }
  }
}
