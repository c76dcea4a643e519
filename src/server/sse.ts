import type { IncomingMessage, ServerResponse } from 'node:http'
import type { EventBus } from '../core/index.ts'

export const STREAM_PATH = '/api/stream'
export const DEFAULT_HEARTBEAT_MS = 15_000
export const EVENT_STREAM_HEADERS: Record<string, string> = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-store',
  // Some proxies buffer responses unless told not to; a stream that arrives in lumps is useless.
  'x-accel-buffering': 'no',
}
/** A client this far behind is not reading: drop it rather than buffer without bound. */
const MAX_BUFFERED_BYTES = 8 * 1024 * 1024

/**
 * The open streams of one server, so stopping it ends them at once: a stream never finishes on its
 * own, and a graceful close would otherwise wait out its grace period for every open UI.
 */
export interface EventStreams {
  serve(req: IncomingMessage, res: ServerResponse, headers: Record<string, string>): void
  closeAll(): void
}

export function createEventStreams(events: EventBus, heartbeatMs = DEFAULT_HEARTBEAT_MS): EventStreams {
  const open = new Set<ServerResponse>()
  return {
    serve(req, res, headers) {
      open.add(res)
      res.once('close', () => open.delete(res))
      serveEventStream(req, res, events, headers, heartbeatMs)
    },
    closeAll() {
      for (const res of open) res.end()
      open.clear()
    },
  }
}

/**
 * `GET /api/stream`: the event bus as Server-Sent Events (`event: <type>`, `data: <event JSON>`).
 * A comment line every `heartbeatMs` keeps proxies and idle timers from closing the connection
 * and lets the client notice a dead one. Everything is released when the client goes away.
 */
export function serveEventStream(
  req: IncomingMessage,
  res: ServerResponse,
  events: EventBus,
  headers: Record<string, string>,
  heartbeatMs = DEFAULT_HEARTBEAT_MS,
): void {
  res.writeHead(200, { ...headers, ...EVENT_STREAM_HEADERS })
  res.write(': hookbench event stream\n\n')
  req.socket.setKeepAlive(true)
  req.socket.setNoDelay(true)

  const write = (text: string) => {
    if (res.writableLength > MAX_BUFFERED_BYTES) {
      res.destroy()
      return
    }
    res.write(text)
  }
  const unsubscribe = events.subscribe((event) => {
    write(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`)
  })
  const heartbeat = setInterval(() => write(`: heartbeat ${Date.now()}\n\n`), heartbeatMs)
  heartbeat.unref()

  const cleanUp = () => {
    clearInterval(heartbeat)
    unsubscribe()
  }
  res.once('close', cleanUp)
}
