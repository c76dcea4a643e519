import { type Api, contract, type OperationName, operationNames } from '../../../shared/contract/index.ts'
import { ErrorBodySchema, type ErrorCode } from '../../../shared/errors.ts'
import { ApiError } from './api-error.ts'

export interface HttpApiOptions {
  /** The bearer token for /api/*; read per call so a page that gains the token later still works. */
  token: () => string | null
  /** Origin of the local API; empty means same origin (the web UI is served by the API itself). */
  baseUrl?: string
  fetch?: typeof fetch
}

/**
 * The web-mode transport, generated from the contract table: `{name}` path segments come from the
 * input field of that name; GET and DELETE send the rest as a query string, the others as a JSON body.
 */
export function createHttpApi(options: HttpApiOptions): Api {
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init))
  const baseUrl = options.baseUrl ?? ''

  const call = async (name: OperationName, input: unknown): Promise<unknown> => {
    const request = buildRequest(name, toRecord(input))
    const headers: Record<string, string> = { accept: 'application/json' }
    const token = options.token()
    if (token) headers.authorization = `Bearer ${token}`
    if (request.body !== undefined) headers['content-type'] = 'application/json'
    let response: Response
    try {
      response = await doFetch(baseUrl + request.url, {
        method: request.method,
        headers,
        ...(request.body === undefined ? {} : { body: request.body }),
      })
    } catch {
      throw new ApiError(
        'internal',
        'The Hookbench server is not reachable. Check that `hookbench serve` is still running, then retry.',
      )
    }
    if (response.ok) return response.status === 204 ? undefined : response.json()
    throw await errorFrom(response)
  }

  return Object.fromEntries(
    operationNames.map((name) => [name, (input: unknown) => call(name, input)]),
  ) as Api
}

interface HttpRequest {
  method: string
  url: string
  body?: string
}

export function buildRequest(name: OperationName, input: Record<string, unknown>): HttpRequest {
  const operation = contract[name]
  const rest = { ...input }
  const path = operation.path.replace(/\{(\w+)\}/g, (_, field: string) => {
    const value = rest[field]
    delete rest[field]
    if (value === undefined || value === null || value === '') {
      throw new ApiError('bad_request', `"${name}" needs "${field}" to build ${operation.path}.`)
    }
    return encodeURIComponent(String(value))
  })
  if (operation.method === 'GET' || operation.method === 'DELETE') {
    const query = toQuery(rest)
    return { method: operation.method, url: query ? `${path}?${query}` : path }
  }
  return { method: operation.method, url: path, body: JSON.stringify(rest) }
}

function toQuery(fields: Record<string, unknown>): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(fields)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item === undefined || item === null) continue
      params.append(key, typeof item === 'object' ? JSON.stringify(item) : String(item))
    }
  }
  return params.toString()
}

function toRecord(input: unknown): Record<string, unknown> {
  return input !== null && typeof input === 'object' ? (input as Record<string, unknown>) : {}
}

async function errorFrom(response: Response): Promise<ApiError> {
  let json: unknown = null
  try {
    json = await response.json()
  } catch {
    // Not JSON (a proxy page, an empty body): fall back to the status below.
  }
  const parsed = ErrorBodySchema.safeParse((json as { error?: unknown } | null)?.error)
  if (parsed.success) return ApiError.fromBody(parsed.data)
  return new ApiError(codeOfStatus(response.status), `The Hookbench server answered HTTP ${response.status}.`)
}

function codeOfStatus(status: number): ErrorCode {
  switch (status) {
    case 400:
      return 'bad_request'
    case 401:
      return 'unauthorized'
    case 403:
      return 'forbidden'
    case 404:
      return 'not_found'
    case 405:
      return 'method_not_allowed'
    case 409:
      return 'conflict'
    case 413:
      return 'payload_too_large'
    case 507:
      return 'insufficient_storage'
    default:
      return 'internal'
  }
}
