import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { HookbenchError } from '../../shared/errors.ts'
import { sendError, sendJson } from '../net/json-response.ts'
import { closeServer, listen, urlOf } from '../net/server-lifecycle.ts'
import { isHookPath } from './capture.ts'

/** A part of the receiver that owns a path prefix; `close` runs when the listener stops. */
export interface ReceiverRoute {
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>
  close?(): void
}

/** A route mounted at a path prefix: it gets `prefix` itself and everything below `prefix/`. */
export interface MountedRoute {
  prefix: string
  route: ReceiverRoute
}

export interface ReceiverOptions {
  host?: string
  port?: number
  /** Slow-client limits: a sender that trickles its headers or goes silent is cut off. */
  headersTimeoutMs?: number
  requestTimeoutMs?: number
  /** `ANY /hooks/{bin}/{path…}`: bins capture here (absent: those paths answer 404). */
  hooks?: ReceiverRoute
  /** Further routes by prefix (mock OAuth2 server, emulators), tried after /hooks/ and before the 404. */
  routes?: readonly MountedRoute[]
}

export interface ReceiverServer {
  start(): Promise<string>
  stop(): Promise<void>
}

/**
 * The listener the outside world talks to (see docs/architecture.md): bins under /hooks/, the mock
 * OAuth2 token server and the vendors' emulated management APIs are mounted here by core.
 * Until a route claims a path, the receiver answers a JSON 404 that says what is available.
 */
export function createReceiverServer(options: ReceiverOptions = {}): ReceiverServer {
  let server: Server | null = null

  function handle(req: IncomingMessage, res: ServerResponse): Promise<void> | undefined {
    if (options.hooks && isHookPath(req.url ?? '/')) return options.hooks.handle(req, res)
    const url = new URL(req.url ?? '/', 'http://receiver')
    const mounted = options.routes?.find(
      ({ prefix }) => url.pathname === prefix || url.pathname.startsWith(`${prefix}/`),
    )
    if (mounted) return mounted.route.handle(req, res)
    if (url.pathname === '/' && (req.method === 'GET' || req.method === 'HEAD')) {
      sendJson(res, 200, { name: 'hookbench-receiver', status: 'ok' })
      return undefined
    }
    // Drain the body so keep-alive connections stay usable after a 404.
    req.resume()
    throw new HookbenchError(
      'not_found',
      `Nothing is listening at ${req.method} ${url.pathname} on this receiver.`,
    )
  }

  return {
    async start() {
      const headersTimeout = options.headersTimeoutMs ?? 10_000
      const created = createServer(
        {
          headersTimeout,
          requestTimeout: options.requestTimeoutMs ?? 60_000,
          // Node only enforces the two timeouts when it sweeps connections (every 30 s by default).
          connectionsCheckingInterval: Math.min(1_000, headersTimeout),
        },
        (req, res) => {
          try {
            handle(req, res)?.catch((error: unknown) => sendError(res, error))
          } catch (error) {
            sendError(res, error)
          }
        },
      )
      // A malformed request gets a 400 and its socket closed; it never reaches (or crashes) a handler.
      created.on('clientError', (error: NodeJS.ErrnoException, socket) => {
        if (socket.writable)
          socket.end(`HTTP/1.1 ${clientErrorStatus(error.code)}\r\nConnection: close\r\n\r\n`)
        socket.destroy()
      })
      const address = await listen(created, options.host ?? '127.0.0.1', options.port ?? 8787)
      server = created
      return urlOf(address)
    },
    async stop() {
      options.hooks?.close?.()
      for (const { route } of options.routes ?? []) route.close?.()
      if (server) await closeServer(server)
      server = null
    },
  }
}

function clientErrorStatus(code: string | undefined): string {
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return '408 Request Timeout'
  if (code === 'HPE_HEADER_OVERFLOW') return '431 Request Header Fields Too Large'
  return '400 Bad Request'
}
