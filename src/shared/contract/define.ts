import type { z } from 'zod'

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

/**
 * One operation of the contract. The same declaration drives the Electron IPC channel, the preload
 * bridge, the renderer client and the local HTTP route, so they cannot drift apart.
 *
 * `path` is the REST route; `{name}` segments are filled from the input field of that name. For
 * GET and DELETE the rest of the input comes from the query string, otherwise from the JSON body.
 */
export interface Operation<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly method: HttpMethod
  readonly path: `/api/${string}`
  readonly summary: string
  readonly input: I
  readonly output: O
  /** HTTP status on success (200 unless the operation creates or accepts). */
  readonly status: 200 | 201 | 202 | 204
  /** Largest request body the HTTP route accepts (default 10 MB). */
  readonly maxBodyBytes?: number
}

export function defineOperation<I extends z.ZodType, O extends z.ZodType>(
  operation: Omit<Operation<I, O>, 'status'> & { status?: Operation['status'] },
): Operation<I, O> {
  return { status: 200, ...operation }
}
