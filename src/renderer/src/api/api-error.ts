import { type ErrorBody, HookbenchError } from '../../../shared/errors.ts'

/**
 * Every failure of an API call, whatever the transport: a stable `code` and a message for people.
 * It is the shared error, so its body is built the same way on both sides of a boundary.
 */
export class ApiError extends HookbenchError {
  override readonly name = 'ApiError'

  static fromBody(body: ErrorBody): ApiError {
    return new ApiError(body.code, body.message, body.details)
  }
}

/** Normalises anything a call rejected with, so stores only ever hold an ErrorBody. */
export function toErrorBody(error: unknown): ErrorBody {
  if (error instanceof ApiError) return error.toBody()
  const message = error instanceof Error ? error.message : String(error)
  return { code: 'internal', message: `Unexpected error: ${message}` }
}
