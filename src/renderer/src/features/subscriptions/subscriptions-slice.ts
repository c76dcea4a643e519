import type { Api, OperationInput } from '../../../../shared/contract/index.ts'
import type { MessageStatus, MessageSummary } from '../../../../shared/domain/message.ts'
import type { Subscription } from '../../../../shared/domain/subscription.ts'
import type { ErrorBody } from '../../../../shared/errors.ts'
import { toErrorBody } from '../../api/api-error.ts'
import { upsertById, withoutId } from '../../state/by-id.ts'
import { loadInto, saveWith } from '../../state/loadable.ts'
import { goTo } from '../../state/navigation-slice.ts'
import { type EditorTarget, sameTarget, subscriptionHref, subscriptionTargetOf } from '../../state/routes.ts'
import type { AppState, Loadable, SaveState, SliceCreator } from '../../state/slice.ts'

/** What the list shows about recent deliveries, read from the newest few messages only. */
export interface SubscriptionHealth {
  status: 'loading' | 'ready' | 'error'
  last: { status: MessageStatus; code: number | null; at: string } | null
  /** Newest messages in a row that failed (or are retrying after a failure). */
  streak: number
  /** Messages this subscription has, in all. */
  total: number
}

/** A signing secret in the clear: shown once after a rotation, or on request. */
export interface ShownSigningSecret {
  subscriptionId: string
  secret: string
  reason: 'rotated' | 'revealed'
}

/** The body of create, and (with `signing` left out to keep it) of patch. */
export type SubscriptionPayload = Omit<OperationInput<'createSubscription'>, 'signing'> & {
  signing?: OperationInput<'createSubscription'>['signing']
}

export interface SubscriptionsSlice {
  subscriptions: Loadable<Subscription[]>
  subscriptionHealth: Record<string, SubscriptionHealth>
  subscriptionEditor: EditorTarget
  subscriptionSave: SaveState
  /** The open form was edited since it opened or was last saved: leaving it asks first. */
  subscriptionUnsaved: boolean
  /** A failed list action (toggle, delete), said above the list. */
  subscriptionListError: ErrorBody | null
  togglingSubscriptions: string[]
  signingSecret: ShownSigningSecret | null
  signingAction: SaveState
  loadSubscriptions: () => Promise<void>
  loadSubscriptionHealth: (id: string) => Promise<void>
  /** Opens the editor; its URL is `#/subscriptions/<id>` (or `/new`), so reloads and back keep it. */
  openSubscriptionEditor: (target: Exclude<EditorTarget, null>) => void
  closeSubscriptionEditor: () => void
  /** Follows the URL's editor (links, back/forward, reload); returns the function that stops. */
  watchSubscriptionRoute: () => () => void
  /** Creates (id null) or patches a subscription; resolves true when it was saved. */
  saveSubscription: (payload: SubscriptionPayload, id: string | null) => Promise<boolean>
  /** The form was edited: the last save's outcome no longer describes it, and it has unsaved edits. */
  resetSubscriptionSave: () => void
  /** A form opened on what is saved. */
  forgetSubscriptionEdits: () => void
  setSubscriptionEnabled: (id: string, enabled: boolean) => Promise<void>
  deleteSubscription: (id: string) => Promise<boolean>
  rotateSigningSecret: (id: string) => Promise<void>
  revealSigningSecret: (id: string) => Promise<void>
  hideSigningSecret: () => void
}

const HEALTH_SAMPLE = 20
const MASK = '••••'
const idle: SaveState = { status: 'idle', error: null }

export function createSubscriptionsSlice(api: Api): SliceCreator<SubscriptionsSlice> {
  return (set, get) => {
    const store = { set, get }
    const upsert = (saved: Subscription) =>
      set((state) => ({
        subscriptions: { ...state.subscriptions, value: upsertById(state.subscriptions.value, saved) },
      }))

    const showEditor = (target: EditorTarget) => {
      if (sameTarget(target, get().subscriptionEditor)) return
      set({ subscriptionEditor: target, subscriptionSave: idle, signingSecret: null, signingAction: idle })
    }

    return {
      subscriptions: { value: null, status: 'idle', error: null },
      subscriptionHealth: {},
      subscriptionEditor: null,
      subscriptionSave: idle,
      subscriptionUnsaved: false,
      subscriptionListError: null,
      togglingSubscriptions: [],
      signingSecret: null,
      signingAction: idle,

      loadSubscriptions: async () => {
        const loaded = await loadInto(store, 'subscriptions', async () => ({
          value: (await api.listSubscriptions({})).items,
        }))
        if (loaded)
          for (const item of get().subscriptions.value ?? []) void get().loadSubscriptionHealth(item.id)
      },

      loadSubscriptionHealth: async (id) => {
        const setHealth = (health: SubscriptionHealth) =>
          set((state) => ({ subscriptionHealth: { ...state.subscriptionHealth, [id]: health } }))
        const previous = get().subscriptionHealth[id]
        if (!previous) setHealth({ status: 'loading', last: null, streak: 0, total: 0 })
        try {
          const page = await api.listMessages({ subscription_id: id, limit: HEALTH_SAMPLE })
          setHealth(healthOf(page.items, page.total))
        } catch {
          setHealth({ status: 'error', last: null, streak: 0, total: 0 })
        }
      },

      openSubscriptionEditor: (target) => {
        goTo(subscriptionHref(target))
        showEditor(target)
      },

      closeSubscriptionEditor: () => {
        goTo(subscriptionHref(null))
        showEditor(null)
      },

      watchSubscriptionRoute: () => {
        const follow = () => showEditor(subscriptionTargetOf(window.location.hash))
        follow()
        window.addEventListener('hashchange', follow)
        return () => window.removeEventListener('hashchange', follow)
      },

      saveSubscription: async (payload, id) => {
        let savedId = ''
        const ok = await saveWith(
          store,
          'subscriptionSave',
          async () => {
            const saved =
              id === null
                ? await api.createSubscription(payload)
                : await api.patchSubscription({ ...payload, id } as OperationInput<'patchSubscription'>)
            upsert(saved)
            if (id === null) void get().loadSubscriptionHealth(saved.id)
            savedId = saved.id
            return {
              subscriptionEditor: { kind: 'edit', id: saved.id },
              subscriptionUnsaved: false,
            } satisfies Partial<AppState>
          },
          { exclusive: true },
        )
        // The new form became this subscription's editor: back should not open an empty form.
        if (ok && id === null) goTo(subscriptionHref({ kind: 'edit', id: savedId }), 'replace')
        return ok
      },

      resetSubscriptionSave: () => {
        if (get().subscriptionSave.status !== 'idle') set({ subscriptionSave: idle })
        if (!get().subscriptionUnsaved) set({ subscriptionUnsaved: true })
      },

      forgetSubscriptionEdits: () => set({ subscriptionUnsaved: false }),

      setSubscriptionEnabled: async (id, enabled) => {
        const current = get().subscriptions.value?.find((item) => item.id === id)
        if (!current || get().togglingSubscriptions.includes(id)) return
        // The switch moves at once; a refusal puts it back and says why.
        upsert({ ...current, enabled })
        set((state) => ({
          togglingSubscriptions: [...state.togglingSubscriptions, id],
          subscriptionListError: null,
        }))
        try {
          upsert(await api.patchSubscription({ id, enabled }))
        } catch (error) {
          upsert(current)
          set({ subscriptionListError: toErrorBody(error) })
        } finally {
          set((state) => ({
            togglingSubscriptions: state.togglingSubscriptions.filter((item) => item !== id),
          }))
        }
      },

      deleteSubscription: async (id) => {
        set({ subscriptionListError: null })
        try {
          await api.deleteSubscription({ id })
        } catch (error) {
          set({ subscriptionListError: toErrorBody(error) })
          return false
        }
        const editor = get().subscriptionEditor
        if (editor?.kind === 'edit' && editor.id === id) goTo(subscriptionHref(null), 'replace')
        set((state) => {
          const { [id]: _gone, ...health } = state.subscriptionHealth
          return {
            subscriptions: { ...state.subscriptions, value: withoutId(state.subscriptions.value, id) },
            subscriptionHealth: health,
            subscriptionEditor: editor?.kind === 'edit' && editor.id === id ? null : state.subscriptionEditor,
          }
        })
        return true
      },

      rotateSigningSecret: async (id) => {
        set({ signingSecret: null })
        await saveWith(store, 'signingAction', async () => {
          const rotated = await api.rotateSigningSecret({ id })
          const secret = rotated.signing?.secret ?? ''
          upsert(masked(rotated))
          return {
            signingSecret: { subscriptionId: id, secret, reason: 'rotated' },
          } satisfies Partial<AppState>
        })
      },

      revealSigningSecret: async (id) => {
        await saveWith(store, 'signingAction', async () => {
          const revealed = await api.getSubscription({ id, reveal: true })
          return {
            signingAction: idle,
            signingSecret: { subscriptionId: id, secret: revealed.signing?.secret ?? '', reason: 'revealed' },
          } satisfies Partial<AppState>
        })
      },

      hideSigningSecret: () => set({ signingSecret: null }),
    }
  }
}

/** A revealed answer (rotation) as the list keeps it: no secret in the clear stays in the store. */
function masked(subscription: Subscription): Subscription {
  if (!subscription.signing) return subscription
  return {
    ...subscription,
    signing: {
      secret: MASK,
      previous: subscription.signing.previous.map((item) => ({ ...item, secret: MASK })),
    },
  }
}

/** A message counts against the streak once it has failed, even while it still retries. */
function failing(message: MessageSummary): boolean {
  if (message.status === 'failed' || message.status === 'exhausted') return true
  return message.status === 'pending' && message.attempts > 0
}

export function healthOf(newestFirst: readonly MessageSummary[], total: number): SubscriptionHealth {
  // A message whose first attempt has not run yet says nothing about health.
  const settled = newestFirst.filter((message) => !(message.status === 'pending' && message.attempts === 0))
  const newest = settled[0]
  let streak = 0
  for (const message of settled) {
    if (!failing(message)) break
    streak++
  }
  return {
    status: 'ready',
    last: newest ? { status: newest.status, code: newest.last_status_code, at: newest.updated_at } : null,
    streak,
    total,
  }
}
