import type { Api, OperationInput, OperationOutput } from '../../../../shared/contract/index.ts'
import type { AuthConfig } from '../../../../shared/domain/auth-config.ts'
import type { ErrorBody } from '../../../../shared/errors.ts'
import { toErrorBody } from '../../api/api-error.ts'
import { upsertById, withoutId } from '../../state/by-id.ts'
import { loadInto, saveWith } from '../../state/loadable.ts'
import type { EditorTarget } from '../../state/routes.ts'
import type { AppState, Loadable, SaveState, SliceCreator } from '../../state/slice.ts'

export type AuthConfigPayload = OperationInput<'createAuthConfig'>
export type AuthConfigTestResult = OperationOutput<'testAuthConfig'>
/** The editor's values to test instead of the saved ones (a null or absent secret: the stored one). */
export type AuthConfigTestValues = Omit<OperationInput<'testAuthConfig'>, 'id'>

/** The last "Test" of an OAuth config: the token exchange as made, or why it could not be asked. */
export interface AuthConfigTestState {
  /** The config tested; null for a new one not saved yet (or before any test). */
  id: string | null
  status: 'idle' | 'testing' | 'done' | 'error'
  result: AuthConfigTestResult | null
  error: ErrorBody | null
}

export interface AuthConfigsSlice {
  authConfigs: Loadable<AuthConfig[]>
  authConfigEditor: EditorTarget
  authConfigSave: SaveState
  /** The open form was edited since it opened or was last saved: leaving it asks first. */
  authConfigUnsaved: boolean
  /** The last delete; a 409 carries `details.subscription_ids`, the subscriptions still using it. */
  authConfigDelete: SaveState & { id: string | null }
  /** Secrets the user asked to see, by config id; forgotten when the editor closes. */
  revealedAuthSecrets: Record<string, string>
  authConfigTest: AuthConfigTestState
  loadAuthConfigs: () => Promise<void>
  openAuthConfigEditor: (target: Exclude<EditorTarget, null>) => void
  closeAuthConfigEditor: () => void
  /**
   * Creates (id null) or replaces a config. `keepSecret` sends the stored secret again, so an edit
   * that leaves the secret box empty does not need the user to type it (PUT replaces the whole config).
   */
  saveAuthConfig: (payload: AuthConfigPayload, id: string | null, keepSecret: boolean) => Promise<boolean>
  /** The form was edited: the last save's outcome no longer describes it, and it has unsaved edits. */
  resetAuthConfigSave: () => void
  /** A form opened on what is saved. */
  forgetAuthConfigEdits: () => void
  deleteAuthConfig: (id: string) => Promise<boolean>
  revealAuthSecret: (id: string) => Promise<void>
  hideAuthSecret: (id: string) => void
  /**
   * Fetches a token now (never from the cache) with the saved config, or with `values` over it (what
   * the editor shows, saved or not; nothing is saved), and keeps the exchange. `id` null: a new
   * config, not saved yet, tested with `values` alone.
   */
  testAuthConfig: (id: string | null, values?: AuthConfigTestValues) => Promise<void>
}

const idle: SaveState = { status: 'idle', error: null }
const idleTest: AuthConfigTestState = { id: null, status: 'idle', result: null, error: null }

export function createAuthConfigsSlice(api: Api): SliceCreator<AuthConfigsSlice> {
  return (set, get) => {
    const store = { set, get }
    return {
      authConfigs: { value: null, status: 'idle', error: null },
      authConfigEditor: null,
      authConfigSave: idle,
      authConfigUnsaved: false,
      authConfigDelete: { ...idle, id: null },
      revealedAuthSecrets: {},
      authConfigTest: idleTest,

      loadAuthConfigs: async () => {
        await loadInto(store, 'authConfigs', async () => ({ value: (await api.listAuthConfigs({})).items }))
      },

      openAuthConfigEditor: (target) =>
        set({
          authConfigEditor: target,
          authConfigSave: idle,
          authConfigDelete: { ...idle, id: null },
          revealedAuthSecrets: {},
          authConfigTest: idleTest,
        }),

      closeAuthConfigEditor: () =>
        set({
          authConfigEditor: null,
          authConfigSave: idle,
          authConfigDelete: { ...idle, id: null },
          revealedAuthSecrets: {},
          authConfigTest: idleTest,
        }),

      saveAuthConfig: (payload, id, keepSecret) =>
        saveWith(
          store,
          'authConfigSave',
          async () => {
            let body = payload
            if (id !== null && keepSecret) {
              const stored = await api.getAuthConfig({ id, reveal: true })
              body = { ...payload, secret: stored.secret }
            }
            const saved =
              id === null ? await api.createAuthConfig(body) : await api.updateAuthConfig({ ...body, id })
            return (state: AppState): Partial<AppState> => {
              return {
                authConfigs: { ...state.authConfigs, value: upsertById(state.authConfigs.value, saved) },
                authConfigEditor: { kind: 'edit', id: saved.id },
                authConfigUnsaved: false,
                revealedAuthSecrets: {},
                // A test of the config as it was says nothing about the config as it is now.
                authConfigTest: idleTest,
              }
            }
          },
          { exclusive: true },
        ),

      resetAuthConfigSave: () => {
        if (get().authConfigSave.status !== 'idle') set({ authConfigSave: idle })
        if (!get().authConfigUnsaved) set({ authConfigUnsaved: true })
      },

      forgetAuthConfigEdits: () => set({ authConfigUnsaved: false }),

      deleteAuthConfig: async (id) => {
        const deleted = await saveWith(
          store,
          'authConfigDelete',
          async () => {
            await api.deleteAuthConfig({ id })
            return (state: AppState): Partial<AppState> => {
              const editor = state.authConfigEditor
              return {
                authConfigs: { ...state.authConfigs, value: withoutId(state.authConfigs.value, id) },
                authConfigEditor: editor?.kind === 'edit' && editor.id === id ? null : editor,
              }
            }
          },
          { with: { id } },
        )
        // A conflict names subscriptions: make sure the list can show their names.
        if (!deleted && get().subscriptions.status === 'idle') void get().loadSubscriptions()
        return deleted
      },

      revealAuthSecret: async (id) => {
        await saveWith(
          store,
          'authConfigSave',
          async () => {
            const revealed = await api.getAuthConfig({ id, reveal: true })
            return (state: AppState): Partial<AppState> => ({
              revealedAuthSecrets: { ...state.revealedAuthSecrets, [id]: revealed.secret ?? '' },
            })
          },
          { quiet: true },
        )
      },

      hideAuthSecret: (id) =>
        set((state) => {
          const { [id]: _hidden, ...rest } = state.revealedAuthSecrets
          return { revealedAuthSecrets: rest }
        }),

      testAuthConfig: async (id, values = {}) => {
        if (get().authConfigTest.status === 'testing') return
        set({ authConfigTest: { id, status: 'testing', result: null, error: null } })
        try {
          const result =
            id === null
              ? await api.testUnsavedAuthConfig(values)
              : await api.testAuthConfig({ ...values, id })
          set({ authConfigTest: { id, status: 'done', result, error: null } })
        } catch (error) {
          set({ authConfigTest: { id, status: 'error', result: null, error: toErrorBody(error) } })
        }
      },
    }
  }
}
