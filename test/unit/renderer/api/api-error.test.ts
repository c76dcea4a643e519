import { describe, expect, it } from 'vitest'
import { ApiError, toErrorBody } from '../../../../src/renderer/src/api/api-error.ts'

describe('ApiError', () => {
  it('carries an error body through unchanged, details only when there are some', () => {
    const body = { code: 'bad_request' as const, message: 'Invalid input', details: { issues: [] } }
    const error = ApiError.fromBody(body)
    expect(error).toBeInstanceOf(Error)
    expect(error.name).toBe('ApiError')
    expect(error.message).toBe('Invalid input')
    expect(error.toBody()).toEqual(body)
    expect(ApiError.fromBody({ code: 'not_found', message: 'No bin b.' }).toBody()).toEqual({
      code: 'not_found',
      message: 'No bin b.',
    })
  })

  it('keeps an API error body as it is, and turns anything else into an internal error with its message', () => {
    expect(toErrorBody(new ApiError('conflict', 'Taken'))).toEqual({ code: 'conflict', message: 'Taken' })
    expect(toErrorBody(new TypeError('fetch failed'))).toEqual({
      code: 'internal',
      message: 'Unexpected error: fetch failed',
    })
    expect(toErrorBody('boom')).toEqual({ code: 'internal', message: 'Unexpected error: boom' })
  })
})
