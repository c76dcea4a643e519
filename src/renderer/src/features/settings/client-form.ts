import type { ErrorBody } from '../../../../shared/errors.ts'
import { placeIssues } from '../../ui/error-issues.ts'

export type ClientField = 'client_id' | 'client_secret' | 'scopes'
export type ClientErrors = Partial<Record<ClientField, string>>

const CLIENT_FIELDS: readonly ClientField[] = ['client_id', 'client_secret', 'scopes']

/**
 * A refusal of a client create or edit split by field, in the API's words: `client_id` for a
 * taken id (409, "already registered") or a bad one (400), `scopes.2` counted as `scopes`. What
 * names no field is `general`.
 */
export function clientErrors(error: ErrorBody | null): { fields: ClientErrors; general: string | null } {
  return placeIssues(error, (path) => {
    const top = path.split('.')[0] as ClientField
    return CLIENT_FIELDS.includes(top) ? top : null
  })
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
