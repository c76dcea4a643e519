import type { ErrorBody } from '../../../shared/errors.ts'
import { placeIssues } from './error-issues.ts'

/** Messages by the contract's path of the field they are about: `url`, `topics.1`, `headers.X-Key`. */
export type FieldErrors = Record<string, string>

/**
 * A refusal split into messages per field and what names no field of the form (`known` lists the
 * top-level fields the form shows), so each message is shown where it belongs, as the API wrote it.
 */
export function errorsOf(
  error: ErrorBody | null,
  known: readonly string[],
): { fields: FieldErrors; general: string | null } {
  const { fields, general } = placeIssues(error, (path) =>
    known.includes(path.split('.')[0] ?? '') ? path : null,
  )
  return { fields: fields as FieldErrors, general }
}

/** The message for a field, or for anything below it (`retry_schedule` finds `retry_schedule.3`). */
export function errorAt(errors: FieldErrors, path: string): string | undefined {
  if (errors[path] !== undefined) return errors[path]
  const prefix = `${path}.`
  for (const [key, message] of Object.entries(errors)) {
    if (key.startsWith(prefix)) return message
  }
  return undefined
}

export function countErrors(errors: FieldErrors): number {
  return Object.keys(errors).length
}
