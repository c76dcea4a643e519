import type { ErrorBody } from '../../../../shared/errors.ts'
import { issuesOf } from '../settings/error-issues.ts'

/** Messages by the contract's path of the field they are about: `url`, `topics.1`, `headers.X-Key`. */
export type FieldErrors = Record<string, string>

/** zod says "Too small: expected number to be >=0"; under a box it reads better as a sentence. */
function sentence(message: string): string {
  const trimmed = message.trim()
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`
}

/**
 * A refusal split into messages per field and what names no field of the form (`known` lists the
 * top-level fields the form shows), so each message is shown where it belongs.
 */
export function errorsOf(
  error: ErrorBody | null,
  known: readonly string[],
): { fields: FieldErrors; general: string | null } {
  if (!error) return { fields: {}, general: null }
  const fields: FieldErrors = {}
  for (const issue of issuesOf(error.details)) {
    const top = issue.path.split('.')[0] ?? ''
    if (known.includes(top)) fields[issue.path] ??= sentence(issue.message)
  }
  return { fields, general: Object.keys(fields).length > 0 ? null : error.message }
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
