import type { ErrorBody, ErrorCode } from '../../../shared/errors.ts'

/** Every failure of an API call, whatever the transport: a stable `code` and a message for people. */
export class ApiError extends Error {
  readonly code: ErrorCode
  readonly details: unknown

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message)
    this.name = 'ApiError'
    this.code = code
    this.details = details
  }

  static fromBody(body: ErrorBody): ApiError {
    return new ApiError(body.code, body.message, body.details)
  }

  toBody(): ErrorBody {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details }
  }
}

/** Normalises anything a call rejected with, so stores only ever hold an ErrorBody. */
export function toErrorBody(error: unknown): ErrorBody {
  if (error instanceof ApiError) return error.toBody()
  const message = error instanceof Error ? error.message : String(error)
  return { code: 'internal', message: `Unexpected error: ${message}` }
}
