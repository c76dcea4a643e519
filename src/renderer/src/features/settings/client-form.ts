import type { ErrorBody } from '../../../../shared/errors.ts'
import { issuesOf } from './error-issues.ts'

export type ClientField = 'client_id' | 'client_secret' | 'scopes'
export type ClientErrors = Partial<Record<ClientField, string>>

const CLIENT_FIELDS: readonly ClientField[] = ['client_id', 'client_secret', 'scopes']

/**
 * A refusal of a client create or edit split by field: `client_id` for a taken id (409) or a bad
 * one (400), `scopes.2` counted as `scopes`. What names no field is `general`.
 */
export function clientErrors(error: ErrorBody | null): { fields: ClientErrors; general: string | null } {
  if (!error) return { fields: {}, general: null }
  const fields: ClientErrors = {}
  for (const issue of issuesOf(error.details)) {
    const top = issue.path.split('.')[0] as ClientField
    if (!CLIENT_FIELDS.includes(top)) continue
    fields[top] ??=
      error.code === 'conflict'
        ? 'This client ID is already registered: choose another.'
        : sentence(issue.message)
  }
  return { fields, general: Object.keys(fields).length > 0 ? null : error.message }
}

/** What can be said before asking: empty boxes. The contract judges the characters. */
export function missingFields(
  draft: { client_id: string; client_secret: string },
  secretRequired: boolean,
): ClientErrors {
  const errors: ClientErrors = {}
  if (draft.client_id.trim() === '') errors.client_id = 'Enter a client ID.'
  if (secretRequired && draft.client_secret === '') errors.client_secret = 'Enter a client secret.'
  return errors
}

/** Scopes as typed: separated by spaces or commas, as in a token request's `scope`. */
export function splitScopes(text: string): string[] {
  return text.split(/[\s,]+/).filter((scope) => scope !== '')
}

/** Adds scopes not already in the list, keeping its order. */
export function addScopes(scopes: readonly string[], text: string): string[] {
  const next = [...scopes]
  for (const scope of splitScopes(text)) if (!next.includes(scope)) next.push(scope)
  return next
}

function sentence(message: string): string {
  const trimmed = message.trim()
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1)
  return /[.!?)]$/.test(capital) ? capital : `${capital}.`
}
