import type { IncomingMessage, ServerResponse } from 'node:http'
import type { HttpMethod } from '../../shared/contract/define.ts'
import { HookbenchError, httpStatusOf } from '../../shared/errors.ts'
import { findTooDeep, tooDeepMessage } from '../../shared/json-depth.ts'
import { readBody, sendJson } from '../net/json-response.ts'
import type { ReceiverRoute } from '../receiver/receiver-server.ts'

/** A management API call never needs more than this; a bigger body is refused with 413. */
const MAX_BODY_BYTES = 1024 * 1024

export interface EmulatorRequest {
  method: string
  /** Path parameters, decoded: `{id}` in a pattern becomes `params.id`. */
  params: Record<string, string>
  query: URLSearchParams
  /** The JSON body; undefined when there is none. Invalid JSON is a 400 in the emulator's error shape. */
  json(): Promise<unknown>
}

export interface EmulatorReply {
  status: number
  /** Absent: no body (204). */
  body?: unknown
}

export interface EmulatorEndpoint {
  method: HttpMethod
  /** Below the emulator's prefix, e.g. `/subscriptions/{key}`; a trailing slash is accepted. */
  path: string
  handle(request: EmulatorRequest): Promise<EmulatorReply>
}

/** One field that failed validation, as zod names it (`subscription.callback`, `headers.x`). */
export interface FieldIssue {
  path: string
  message: string
}

/**
 * An error to answer in the emulated system's own shape. Thrown by endpoints; HookbenchErrors
 * from the contract (validation, not found, conflict) are turned into one with the same status.
 */
export class EmulatorError extends Error {
  readonly status: number
  readonly issues: FieldIssue[]
  /** Sent with the error answer, e.g. `WWW-Authenticate` with a 401. */
  readonly headers: Record<string, string>
  constructor(
    status: number,
    message: string,
    issues: FieldIssue[] = [],
    headers: Record<string, string> = {},
  ) {
    super(message)
    this.status = status
    this.issues = issues
    this.headers = headers
  }
}

export interface EmulatorOptions {
  /** Where the emulator is mounted on the receiver, e.g. `/emulate/quicklysign`. */
  prefix: string
  endpoints: EmulatorEndpoint[]
  /** The system's error body for a status (QuicklySign's envelope, Contensis's Error, …). */
  errorBody(error: EmulatorError): unknown
  /**
   * Checks the caller's credentials before any endpoint runs (after the path, method and content
   * type are known good); throws an EmulatorError (401) to refuse. Absent: the endpoints check.
   */
  authenticate?(req: IncomingMessage): void
}

interface CompiledEndpoint extends EmulatorEndpoint {
  pattern: RegExp
  names: string[]
}

/**
 * A vendor's management API as a receiver route: paths below `prefix` matched against the
 * endpoints, JSON in and out, and every failure — wrong method, a body that is not JSON, missing
 * credentials, a contract error, a bug — answered in that system's error shape rather than
 * Hookbench's.
 */
export function emulatorRoute(options: EmulatorOptions): ReceiverRoute {
  const endpoints = options.endpoints.map(compile)

  async function dispatch(req: IncomingMessage, res: ServerResponse): Promise<EmulatorReply> {
    const url = new URL(req.url ?? '/', 'http://receiver')
    const below = url.pathname.slice(options.prefix.length) || '/'
    const matches = endpoints
      .map((endpoint) => ({ endpoint, match: endpoint.pattern.exec(below) }))
      .filter((candidate) => candidate.match !== null)
    if (matches.length === 0) throw new EmulatorError(404, `Nothing at ${url.pathname}.`)
    const found = matches.find((candidate) => candidate.endpoint.method === req.method)
    if (!found?.match) {
      res.setHeader('allow', [...new Set(matches.map((candidate) => candidate.endpoint.method))].join(', '))
      throw new EmulatorError(405, `${req.method} is not allowed on ${url.pathname}.`)
    }
    requireJsonBody(req)
    options.authenticate?.(req)
    const params: Record<string, string> = {}
    for (const [index, name] of found.endpoint.names.entries()) {
      params[name] = decodeParam(found.match[index + 1] ?? '')
    }
    return found.endpoint.handle({
      method: req.method ?? 'GET',
      params,
      query: url.searchParams,
      json: () => readJson(req),
    })
  }

  return {
    async handle(req, res) {
      let reply: EmulatorReply
      try {
        reply = await dispatch(req, res)
      } catch (error) {
        const known = toEmulatorError(error)
        if (known.status === 500) console.error(`[hookbench] ${options.prefix} failed:`, error)
        if (known.status === 413) res.setHeader('connection', 'close')
        for (const [name, value] of Object.entries(known.headers)) res.setHeader(name, value)
        reply = { status: known.status, body: options.errorBody(known) }
      }
      // Whatever an endpoint did not read is drained, so a keep-alive connection stays usable.
      if (!req.readableEnded) req.resume()
      sendJson(res, reply.status, reply.body)
    },
  }
}

/**
 * A request that carries a body must say it is JSON. Beyond correctness, this is what keeps web
 * pages out: a browser sends text/plain, a form or multipart to another origin without asking it
 * first (no CORS preflight), but never application/json.
 */
function requireJsonBody(req: IncomingMessage): void {
  const hasBody =
    req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0
  if (!hasBody) return
  const mediaType = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase()
  if (mediaType !== 'application/json') {
    const sent = mediaType ? `, not ${mediaType}` : ''
    throw new EmulatorError(415, `The request body must be sent as application/json${sent}.`)
  }
}

function compile(endpoint: EmulatorEndpoint): CompiledEndpoint {
  const names: string[] = []
  const source = endpoint.path
    .split('/')
    .map((segment) => {
      const param = /^\{(\w+)\}$/.exec(segment)
      if (!param?.[1]) return segment.replace(/[.*+?^$()|[\]\\]/g, '\\$&')
      names.push(param[1])
      return '([^/]+)'
    })
    .join('/')
  return { ...endpoint, names, pattern: new RegExp(`^${source}/?$`) }
}

function decodeParam(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    throw new EmulatorError(400, `Malformed percent-encoding in "${segment}".`)
  }
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const body = await readBody(req, MAX_BODY_BYTES)
  if (body.length === 0) return undefined
  let json: unknown
  try {
    json = JSON.parse(body.toString('utf8'))
  } catch {
    throw new EmulatorError(400, 'The request body is not valid JSON.')
  }
  // Refused before the endpoint's schema (which recurses) or the config store sees it.
  const tooDeep = findTooDeep(json)
  if (tooDeep) {
    const message = tooDeepMessage(tooDeep, 'The request body')
    throw new EmulatorError(400, message, [{ path: tooDeep.field, message }])
  }
  return json
}

export function toEmulatorError(error: unknown): EmulatorError {
  if (error instanceof EmulatorError) return error
  if (error instanceof HookbenchError) {
    return new EmulatorError(httpStatusOf(error.code), error.message, issuesOf(error.details))
  }
  return new EmulatorError(500, 'Internal server error: the details are in the Hookbench log.')
}

function issuesOf(details: unknown): FieldIssue[] {
  const issues = (details as { issues?: unknown } | undefined)?.issues
  if (!Array.isArray(issues)) return []
  return issues.flatMap((issue: { path?: unknown; message?: unknown }) =>
    typeof issue?.message === 'string'
      ? [{ path: typeof issue.path === 'string' ? issue.path : '', message: issue.message }]
      : [],
  )
}

/** The body as a JSON object, or a 400 saying what it should have been. */
export function objectBody(value: unknown): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new EmulatorError(400, 'The request body must be a JSON object.')
  }
  return value as Record<string, unknown>
}
