import type { Api } from '../../../../shared/contract/index.ts'
import type { CheckDefinitionSummary, StartCheckRunInput } from '../../../../shared/domain/check-run.ts'
import type { SubscriptionProfile } from '../../../../shared/domain/subscription.ts'
import type { ErrorBody } from '../../../../shared/errors.ts'
import { LatestRequest, loadInto, saveWith } from '../../state/loadable.ts'
import { goTo } from '../../state/navigation-slice.ts'
import { checksHref } from '../../state/routes.ts'
import type { Loadable, LoadStatus, SaveState, SliceCreator } from '../../state/slice.ts'
import { type CheckFormDraft, newCheckDraft } from './check-form.ts'
import { fillFromSubscription, type SubscriptionFill } from './subscription-fill.ts'

export interface CheckDefinitionsState extends Loadable<CheckDefinitionSummary[]> {
  /** The profile the list is for: a list for another profile is not shown as this one's. */
  profile: SubscriptionProfile | null
}

/** Filling the form from a subscription: loading it, and what could not be filled. */
export interface CheckFillState {
  subscriptionId: string | null
  status: LoadStatus
  error: ErrorBody | null
  notes: string[]
}

export interface ChecksSlice {
  /** The Check page's form; kept in the store, so opening a run from history leaves it as typed. */
  checkDraft: CheckFormDraft
  checkDefinitions: CheckDefinitionsState
  checkFill: CheckFillState
  checkStart: SaveState
  /** The form was edited: the last refusal no longer describes it. */
  changeCheckDraft: (patch: Partial<CheckFormDraft>) => void
  loadCheckDefinitions: (profile: SubscriptionProfile) => Promise<void>
  /** Fills the form from a subscription, its signing secret and credentials revealed. */
  fillCheckForm: (subscriptionId: string) => Promise<void>
  /** Starts a run and opens its report (`#/checks/<id>`); false when it was refused. */
  startCheckRun: (input: StartCheckRunInput) => Promise<boolean>
}

const idleFill: CheckFillState = { subscriptionId: null, status: 'idle', error: null, notes: [] }
const idleStart: SaveState = { status: 'idle', error: null }

export function createChecksSlice(api: Api): SliceCreator<ChecksSlice> {
  return (set, get) => {
    const store = { set, get }
    const definitionRequests = new LatestRequest()
    const fillRequests = new LatestRequest()
    return {
      checkDraft: newCheckDraft(),
      checkDefinitions: { value: null, status: 'idle', error: null, profile: null },
      checkFill: idleFill,
      checkStart: idleStart,

      changeCheckDraft: (patch) =>
        set((state) => ({
          checkDraft: { ...state.checkDraft, ...patch },
          ...(state.checkStart.status === 'error' ? { checkStart: idleStart } : {}),
        })),

      loadCheckDefinitions: async (profile) => {
        await loadInto(
          store,
          'checkDefinitions',
          async () => ({ value: (await api.listCheckDefinitions({ profile })).items, profile }),
          { latest: definitionRequests },
        )
      },

      fillCheckForm: async (subscriptionId) => {
        let filled: SubscriptionFill | null = null
        set({ checkFill: { ...idleFill, subscriptionId } })
        const landed = await loadInto(
          store,
          'checkFill',
          async () => {
            const subscription = await api.getSubscription({ id: subscriptionId, reveal: true })
            const auth = subscription.auth_config_id
              ? await api.getAuthConfig({ id: subscription.auth_config_id, reveal: true })
              : null
            filled = fillFromSubscription(subscription, auth)
            return { notes: filled.notes }
          },
          { latest: fillRequests },
        )
        if (landed && filled) set({ checkDraft: (filled as SubscriptionFill).draft, checkStart: idleStart })
      },

      startCheckRun: (input) =>
        saveWith(
          store,
          'checkStart',
          async () => {
            const { check_run_id } = await api.startCheckRun(input)
            goTo(checksHref({ run: check_run_id, subscription: null }))
          },
          { exclusive: true },
        ),
    }
  }
}
