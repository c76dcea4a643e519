import type { OAuthFailure } from '../../../../shared/domain/oauth-client.ts'
import type { ErrorBody } from '../../../../shared/errors.ts'
import type { OAuthFailurePayload } from '../../state/index.ts'
import { placeIssues } from '../../ui/error-issues.ts'

export type FailureMode = 'off' | 'next' | 'always'
export type FailureField = 'remaining' | 'status' | 'error' | 'error_description'

/** The failure form as the user left it: text boxes hold text until Apply. */
export interface FailureDraft {
  mode: FailureMode
  count: string
  status: string
  error: string
  description: string
}

/** Answers testers reach for (RFC 6749 §5.2 and the ones an OAuth client must survive). */
export const FAILURE_PRESETS: ReadonlyArray<{ status: number; error: string }> = [
  { status: 503, error: 'temporarily_unavailable' },
  { status: 401, error: 'invalid_client' },
  { status: 500, error: 'server_error' },
  { status: 400, error: 'invalid_scope' },
]

export const ERROR_CODE_SUGGESTIONS = [
  'temporarily_unavailable',
  'server_error',
  'invalid_client',
  'invalid_request',
  'invalid_scope',
  'invalid_grant',
  'unauthorized_client',
  'unsupported_grant_type',
] as const

export function failureDraftOf(failure: OAuthFailure | null): FailureDraft {
  if (!failure)
    return { mode: 'off', count: '1', status: '503', error: 'temporarily_unavailable', description: '' }
  return {
    mode: failure.remaining === undefined ? 'always' : 'next',
    count: String(failure.remaining ?? 1),
    status: String(failure.status),
    error: failure.error,
    description: failure.error_description ?? '',
  }
}

/** The `failure` for updateOAuthServer, or what is wrong with the draft before anything is sent. */
export function failureFromDraft(
  draft: FailureDraft,
):
  | { ok: true; failure: OAuthFailurePayload | null }
  | { ok: false; errors: Partial<Record<FailureField, string>> } {
  if (draft.mode === 'off') return { ok: true, failure: null }
  const errors: Partial<Record<FailureField, string>> = {}
  const status = wholeNumber(draft.status)
  if (status === null || status < 400 || status > 599) errors.status = 'Enter an HTTP status from 400 to 599.'
  const error = draft.error.trim()
  if (error === '') errors.error = 'Enter an OAuth error code, e.g. temporarily_unavailable.'
  const count = wholeNumber(draft.count)
  if (draft.mode === 'next' && (count === null || count < 1))
    errors.remaining = 'Enter how many requests: 1 or more.'
  if (Object.keys(errors).length > 0 || status === null) return { ok: false, errors }
  const description = draft.description.trim()
  return {
    ok: true,
    failure: {
      status,
      error,
      ...(description ? { error_description: description } : {}),
      ...(draft.mode === 'next' && count !== null ? { remaining: count } : {}),
    },
  }
}

/** A refusal's messages by field of this form (`failure.status` → `status`). */
export function failureErrors(error: ErrorBody | null): {
  fields: Partial<Record<FailureField, string>>
  general: string | null
} {
  return placeIssues(error, (path) => {
    const [top, field] = path.split('.')
    return top === 'failure' && isFailureField(field) ? field : null
  })
}

/** What the token server does now, to follow "Now:". */
export function describeFailure(failure: OAuthFailure | null): string {
  if (!failure) return 'off, tokens are issued normally.'
  const answer = `${failure.status} ${failure.error}`
  if (failure.remaining === undefined) return `every token request gets ${answer}.`
  return failure.remaining === 1
    ? `the next token request gets ${answer}.`
    : `the next ${failure.remaining} token requests get ${answer}.`
}

function isFailureField(field: string | undefined): field is FailureField {
  return field === 'remaining' || field === 'status' || field === 'error' || field === 'error_description'
}

function wholeNumber(text: string): number | null {
  const trimmed = text.trim()
  return /^\d+$/.test(trimmed) ? Number(trimmed) : null
}
