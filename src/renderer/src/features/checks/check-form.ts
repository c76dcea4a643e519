import {
  type CheckDefinitionSummary,
  type CheckRun,
  MAX_CHECK_TIMEOUT_MS,
  type StartCheckRunInput,
} from '../../../../shared/domain/check-run.ts'
import type { SubscriptionProfile } from '../../../../shared/domain/subscription.ts'
import type { FieldErrors } from '../../ui/field-errors.ts'

export type CredentialsKind = 'none' | 'basic' | 'bearer'

/** The Check page's form as typed: text fields stay text until the run is asked for. */
export interface CheckFormDraft {
  url: string
  profile: SubscriptionProfile
  /** `whsec_…`; empty: the signature checks are skipped. */
  secret: string
  credentials: CredentialsKind
  basicUser: string
  basicPassword: string
  bearer: string
  timeoutMs: string
  /** Checks the user unticked; every check of the profile runs by default. */
  excluded: string[]
  /** The subscription the form was filled from, kept with the run. */
  subscriptionId: string | null
}

/** The contract's fields the form shows: a refusal naming one of them is said by that field. */
export const CHECK_FORM_FIELDS = [
  'url',
  'profile',
  'secret',
  'basic',
  'bearer',
  'timeout_ms',
  'only',
] as const

/** What `hookbench check` waits for each answer by default. */
export const DEFAULT_CHECK_TIMEOUT_MS = 15_000

export function newCheckDraft(): CheckFormDraft {
  return {
    url: '',
    profile: 'standard',
    secret: '',
    credentials: 'none',
    basicUser: '',
    basicPassword: '',
    bearer: '',
    timeoutMs: String(DEFAULT_CHECK_TIMEOUT_MS),
    excluded: [],
    subscriptionId: null,
  }
}

/** The checks of the profile that will run: all but the unticked ones, in the usual order. */
export function chosenChecks(
  draft: CheckFormDraft,
  definitions: readonly CheckDefinitionSummary[],
): string[] {
  return definitions.map((check) => check.id).filter((id) => !draft.excluded.includes(id))
}

/**
 * The form as `POST /api/checks` takes it, or what to fix first, per field (the server says the
 * same, but a typo should not need a round trip). `only` is sent only when the list was narrowed.
 */
export function checkInputOf(
  draft: CheckFormDraft,
  definitions: readonly CheckDefinitionSummary[],
): { input: StartCheckRunInput | null; errors: FieldErrors } {
  const errors: FieldErrors = {}
  const url = draft.url.trim()
  if (url === '') errors.url = "Give the endpoint's URL."
  else if (!/^https?:\/\/\S+$/i.test(url))
    errors.url = 'The URL starts with http:// or https:// and has no spaces.'

  const secret = draft.secret.trim()
  if (secret !== '' && !/^whsec_[A-Za-z0-9+/]+={0,2}$/.test(secret)) {
    errors.secret = 'A Standard Webhooks secret looks like whsec_<base64>.'
  }

  const credentials = credentialsOf(draft, errors)
  const timeout = Number(draft.timeoutMs.trim())
  if (!Number.isInteger(timeout) || timeout < 1 || timeout > MAX_CHECK_TIMEOUT_MS) {
    errors.timeout_ms = `The timeout is a whole number of milliseconds from 1 to ${MAX_CHECK_TIMEOUT_MS}.`
  }

  const chosen = chosenChecks(draft, definitions)
  if (definitions.length > 0 && chosen.length === 0) errors.only = 'Choose at least one check.'

  if (Object.keys(errors).length > 0) return { input: null, errors }
  return {
    input: {
      url,
      profile: draft.profile,
      ...(secret ? { secret } : {}),
      ...credentials,
      timeout_ms: timeout,
      ...(chosen.length < definitions.length ? { only: chosen } : {}),
      ...(draft.subscriptionId ? { subscription_id: draft.subscriptionId } : {}),
    },
    errors,
  }
}

/**
 * What a rerun takes from the form: a secret or credentials the run lacks (it was made without
 * them, or imported without secrets), when the form has valid ones. A run's own are kept sealed and
 * used otherwise, so the form never replaces them.
 */
export function rerunExtras(
  draft: CheckFormDraft,
  run: Pick<CheckRun, 'has_secret' | 'credentials'>,
): { secret?: string; basic?: string; bearer?: string } {
  const secret = draft.secret.trim()
  const useSecret = !run.has_secret && /^whsec_[A-Za-z0-9+/]+={0,2}$/.test(secret)
  const errors: FieldErrors = {}
  const credentials = run.credentials === null ? credentialsOf(draft, errors) : {}
  return { ...(useSecret ? { secret } : {}), ...(Object.keys(errors).length === 0 ? credentials : {}) }
}

function credentialsOf(draft: CheckFormDraft, errors: FieldErrors): { basic?: string; bearer?: string } {
  switch (draft.credentials) {
    case 'none':
      return {}
    case 'basic': {
      const user = draft.basicUser.trim()
      if (user === '') errors.basic = 'Give the user name.'
      else if (user.includes(':')) errors.basic = 'A Basic user name cannot contain ":".'
      return { basic: `${user}:${draft.basicPassword}` }
    }
    case 'bearer': {
      const token = draft.bearer.trim()
      if (token === '') errors.bearer = 'Give the token.'
      return { bearer: token }
    }
    default: {
      const unreachable: never = draft.credentials
      return unreachable
    }
  }
}
