import { z } from 'zod'
// Installs the product's zod messages for every schema ("required", the closest union form).
import './zod-messages.ts'

/**
 * Every error that crosses a boundary (IPC, HTTP, CLI) has this shape. `code` is stable and
 * machine-readable; `message` is for people; `details` carries structured context such as the
 * zod issues that name the offending field.
 */
export const errorCodes = [
  'bad_request',
  'unauthorized',
  'forbidden',
  'not_found',
  'method_not_allowed',
  'conflict',
  'payload_too_large',
  'insufficient_storage',
  'internal',
] as const
export type ErrorCode = (typeof errorCodes)[number]

export const ErrorBodySchema = z.object({
  code: z.enum(errorCodes),
  message: z.string(),
  details: z.unknown().optional(),
})
export type ErrorBody = z.infer<typeof ErrorBodySchema>

export class HookbenchError extends Error {
  readonly code: ErrorCode
  readonly details: unknown

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message)
    this.name = 'HookbenchError'
    this.code = code
    this.details = details
  }

  toBody(): ErrorBody {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details }
  }
}

/** The HTTP status each error code maps to, so every transport answers the same way. */
export function httpStatusOf(code: ErrorCode): number {
  switch (code) {
    case 'bad_request':
      return 400
    case 'unauthorized':
      return 401
    case 'forbidden':
      return 403
    case 'not_found':
      return 404
    case 'method_not_allowed':
      return 405
    case 'conflict':
      return 409
    case 'payload_too_large':
      return 413
    case 'insufficient_storage':
      return 507
    case 'internal':
      return 500
    default: {
      const unreachable: never = code
      return unreachable
    }
  }
}

/** Turns a zod failure into the `bad_request` error every boundary answers with. */
export function invalidInput(error: z.ZodError, what = 'input'): HookbenchError {
  const issues = issuesOf(error)
  const first = issues[0]
  const where = first && first.path !== '' ? ` at "${first.path}"` : ''
  return new HookbenchError('bad_request', `Invalid ${what}${where}: ${first?.message ?? 'unknown'}`, {
    issues,
  })
}

/**
 * Zod's issues as `{path, message}` with dotted paths. Unknown keys are reported by zod at the
 * object that has them; here each becomes an issue at its own path, so the field is named.
 */
export function issuesOf(error: z.ZodError): Array<{ path: string; message: string }> {
  return error.issues.flatMap((issue) => {
    const at = issue.path.map(String)
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ path: [...at, key].join('.'), message: `unknown field "${key}"` }))
    }
    // A refused record key (a header name): zod says only "Invalid key in record"; say why.
    if (issue.code === 'invalid_key') {
      return issue.issues.map((inner) => ({ path: at.join('.'), message: inner.message }))
    }
    return [{ path: at.join('.'), message: issue.message }]
  })
}

/** Normalises anything thrown into an ErrorBody without leaking stack traces to clients. */
export function toErrorBody(error: unknown): ErrorBody {
  if (error instanceof HookbenchError) return error.toBody()
  if (isDiskFull(error)) return { code: 'insufficient_storage', message: DISK_FULL_MESSAGE }
  return { code: 'internal', message: 'Internal error: the details are in the Hookbench log.' }
}

/**
 * What a write refused for lack of space says, wherever it surfaces: nothing was stored (every
 * write is durable before it is acknowledged), and what the user can do.
 */
export const DISK_FULL_MESSAGE =
  "The disk holding Hookbench's data is full: nothing was stored. Free some space (or lower the " +
  'retention limits in Settings), then try again.'

/** A write the file system refused for lack of space (or of quota). */
export function isDiskFull(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return code === 'ENOSPC' || code === 'EDQUOT'
}
