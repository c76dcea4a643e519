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
