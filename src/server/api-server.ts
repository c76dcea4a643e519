import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { EventBus } from '../core/index.ts'
import {
  closeServer,
  inputDepthLimit,
  invokeOperation,
  listen,
  readBody,
  sendError,
  sendJson,
  urlOf,
} from '../core/index.ts'
import type { HttpMethod } from '../shared/contract/define.ts'
import { contract, type Handlers, type OperationName } from '../shared/contract/index.ts'
import { HookbenchError } from '../shared/errors.ts'
import { findTooDeep, tooDeepError } from '../shared/json-depth.ts'
import { allowedHostHeaders, bearerMatches, hostIsAllowed } from './guards.ts'
import { type AllowedMethod, compileRoutes, matchRoute } from './router.ts'
import { createEventStreams, EVENT_STREAM_HEADERS, sseRoutes } from './sse.ts'
import { injectToken, readStaticFile } from './static-files.ts'

export interface ApiServerOptions {
  handlers: Handlers
  token: string
  host?: string
  port?: number
  /** The built renderer (out/renderer), served at `/`; null serves the API alone. */
  rendererDir?: string | null
  maxBodyBytes?: number
  /** Core's live events, served as Server-Sent Events at GET /api/stream (absent: that route is 404). */
  events?: EventBus
  /** Tests only: how often the stream sends a heartbeat comment (default 15 s). */
  heartbeatMs?: number
}

export interface ApiServer {
  start(): Promise<string>
  stop(): Promise<void>
}

const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
}

const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
  "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

/**
 * The local HTTP API, generated from the contract: one route per operation, the same zod input
 * validation as IPC, bearer token on every /api/* route, Host-header check on every request.
 */
export function createApiServer(options: ApiServerOptions): ApiServer {
  const host = options.host ?? '127.0.0.1'
  const maxBodyBytes = options.maxBodyBytes ?? 10 * 1024 * 1024
  const routes = compileRoutes(contract)
  let server: Server | null = null
  let allowedHosts = new Set<string>()
  const streams = options.events
    ? createEventStreams({ streamEvent: options.events }, options.heartbeatMs)
    : null

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!hostIsAllowed(req, allowedHosts)) {
      throw new HookbenchError(
        'forbidden',
        `Host "${req.headers.host ?? ''}" is not accepted: use ${[...allowedHosts].join(' or ')}.`,
      )
    }
    const url = new URL(req.url ?? '/', 'http://local')
    if (url.pathname === '/api' || url.pathname.startsWith('/api/')) return handleApi(req, res, url)
    return handleStatic(req, res, url)
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (!bearerMatches(req, options.token)) {
      throw new HookbenchError(
        'unauthorized',
        'Missing or wrong bearer token (Authorization: Bearer <token>).',
      )
    }
    if (streams) {
      const stream = matchRoute(sseRoutes, req.method ?? 'GET', url.pathname)
      if (stream.kind === 'wrong-method') throw methodNotAllowed(req, res, url, stream.allowed)
      if (stream.kind === 'found') {
        if (req.method === 'HEAD') {
          // The headers a GET would get, without holding the connection open for events.
          res.writeHead(200, { ...SECURITY_HEADERS, ...EVENT_STREAM_HEADERS }).end()
          return
        }
        streams.serve(stream.route.name, req, res, SECURITY_HEADERS)
        return
      }
    }
    const match = matchRoute(routes, req.method ?? 'GET', url.pathname)
    if (match.kind === 'none') throw new HookbenchError('not_found', `No API route ${url.pathname}.`)
    if (match.kind === 'wrong-method') throw methodNotAllowed(req, res, url, match.allowed)
    const name: OperationName = match.route.name
    const limit = contract[name].maxBodyBytes ?? maxBodyBytes
    const raw = {
      ...(await rawInput(req, match.route.method, url, limit, inputDepthLimit(name))),
      ...match.params,
    }
    const output = await invokeOperation(options.handlers, name, raw)
    sendJson(res, contract[name].status, output, SECURITY_HEADERS)
  }

  /**
   * GET (and so HEAD) and DELETE read the query string; others read the JSON body, with query
   * fields as extras (`?mode=`). A body nested deeper than `maxDepth` is a 400 right here, before
   * anything that recurses sees it.
   */
  async function rawInput(
    req: IncomingMessage,
    method: HttpMethod,
    url: URL,
    limit: number,
    maxDepth: number,
  ): Promise<Record<string, unknown>> {
    const query = queryToObject(url.searchParams)
    if (method === 'GET' || method === 'DELETE') return query
    const body = await readBody(req, limit)
    if (body.length === 0) return query
    let json: unknown
    try {
      json = JSON.parse(body.toString('utf8'))
    } catch {
      throw badBody('The request body is not valid JSON.')
    }
    if (json === null || typeof json !== 'object' || Array.isArray(json)) {
      throw badBody('The request body must be a JSON object.')
    }
    const tooDeep = findTooDeep(json, maxDepth)
    if (tooDeep) throw tooDeepError(tooDeep, 'The request body')
    return { ...query, ...(json as Record<string, unknown>) }
  }

  async function handleStatic(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') throw methodNotAllowed(req, res, url, ['GET', 'HEAD'])
    const file = options.rendererDir ? await readStaticFile(options.rendererDir, url.pathname) : null
    if (!file) throw new HookbenchError('not_found', `Nothing at ${url.pathname}.`)
    const isHtml = file.contentType.startsWith('text/html')
    const body = isHtml ? Buffer.from(injectToken(file.body.toString('utf8'), options.token)) : file.body
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'content-type': file.contentType,
      'content-length': body.length,
      'cache-control': isHtml ? 'no-store' : 'public, max-age=3600',
      ...(isHtml ? { 'content-security-policy': CONTENT_SECURITY_POLICY } : {}),
    })
    res.end(req.method === 'HEAD' ? undefined : body)
  }

  return {
    async start() {
      const created = createServer((req, res) => {
        handle(req, res).catch((error: unknown) => sendError(res, error, SECURITY_HEADERS))
      })
      const address: AddressInfo = await listen(created, host, options.port ?? 8788)
      server = created
      allowedHosts = allowedHostHeaders(host, address.port)
      return urlOf(address)
    },
    async stop() {
      streams?.closeAll()
      if (server) await closeServer(server)
      server = null
    },
  }
}

/**
 * A body that is not a JSON object at all: no field is at fault, so the one issue has the empty
 * path (the whole input), as a zod issue at the root has; clients can read `details.issues` on
 * every 400.
 */
function badBody(message: string): HookbenchError {
  return new HookbenchError('bad_request', message, { issues: [{ path: '', message }] })
}

/** A 405 with the `Allow` header it needs. */
function methodNotAllowed(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  allowed: readonly AllowedMethod[],
): HookbenchError {
  res.setHeader('allow', allowed.join(', '))
  return new HookbenchError('method_not_allowed', `${req.method} is not allowed on ${url.pathname}.`)
}

/** Query strings carry strings only; a repeated key becomes an array. Schemas coerce as needed. */
function queryToObject(params: URLSearchParams): Record<string, unknown> {
  const result: Record<string, unknown> = {}
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key)
    result[key] = values.length === 1 ? values[0] : values
  }
  return result
}
