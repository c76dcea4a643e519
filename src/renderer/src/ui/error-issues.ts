import type { ErrorBody } from '../../../shared/errors.ts'

export interface Issue {
  /** `retention.events.max_age_days`; zod's raw issues carry an array, which is joined the same way. */
  path: string
  message: string
}

/** The `details.issues` of a refusal (see invalidInput in shared/errors.ts), whatever their path form. */
export function issuesOf(details: unknown): Issue[] {
  const issues = (details as { issues?: unknown } | null | undefined)?.issues
  if (!Array.isArray(issues)) return []
  return issues.flatMap((issue: unknown) => {
    const { path, message } = (issue ?? {}) as { path?: unknown; message?: unknown }
    if (typeof message !== 'string') return []
    const where = Array.isArray(path) ? path.map(String).join('.') : typeof path === 'string' ? path : ''
    return [{ path: where, message }]
  })
}

/**
 * A refusal split between a form's fields and a message for the rest, with nothing dropped or
 * reworded: each issue goes to the field `place` names for its path (several at one field are
 * joined: "must not be empty; url must start with http:// or https://"), and those no field
 * shows make up `general`. A refusal without issues, or with a single one no field shows, keeps
 * its own message (which names the field); `general` is null when every issue found its field.
 */
export function placeIssues<K extends string>(
  error: ErrorBody | null,
  place: (path: string) => K | null,
): { fields: Partial<Record<K, string>>; general: string | null } {
  if (!error) return { fields: {}, general: null }
  const byKey = new Map<K, string[]>()
  const rest: Issue[] = []
  for (const issue of issuesOf(error.details)) {
    const key = place(issue.path)
    if (key === null) rest.push(issue)
    else byKey.set(key, [...new Set([...(byKey.get(key) ?? []), issue.message])])
  }
  const fields: Partial<Record<K, string>> = {}
  for (const [key, messages] of byKey) fields[key] = messages.join('; ')
  if (byKey.size === 0 && rest.length <= 1) return { fields, general: error.message }
  return { fields, general: rest.length > 0 ? rest.map(describe).join('; ') : null }
}

/** `path: message`, as the CLI prints an issue. */
export function describe(issue: Issue): string {
  return issue.path ? `${issue.path}: ${issue.message}` : issue.message
}

/** A `place` for fields shown by path prefix: `verify.basic` shows `verify.basic.username` too. */
export function byPrefix<K extends string>(keys: readonly K[]): (path: string) => K | null {
  return (path) => keys.find((key) => path === key || path.startsWith(`${key}.`)) ?? null
}

/** A refusal said in one line where a form has no field to put its issues under: every issue. */
export function errorText(error: ErrorBody): string {
  return placeIssues(error, () => null).general ?? error.message
}
