import type { ErrorBody, ErrorCode } from '../../src/shared/errors.ts'

/** A refusal as the API answers it: its message, and one issue per `[path, message]`, in order. */
export function refusalBody(
  message: string,
  issues: Array<[path: string, message: string]>,
  code: ErrorCode = 'bad_request',
): ErrorBody & { details: { issues: Array<{ path: string; message: string }> } } {
  return { code, message, details: { issues: issues.map(([path, message]) => ({ path, message })) } }
}
