import type { IncomingMessage, ServerResponse } from 'node:http'
import { liveEventName, type Operation } from '../shared/contract/define.ts'
import {
  type LiveEventOf,
  liveEvents,
  type SseFamilyName,
  sseFamilyNames,
} from '../shared/contract/live-events.ts'
import { compileRoutes, type Route } from './router.ts'

export const DEFAULT_HEARTBEAT_MS = 15_000
export const EVENT_STREAM_HEADERS: Record<string, string> = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-store',
  // Some proxies buffer responses unless told not to; a stream that arrives in lumps is useless.
  'x-accel-buffering': 'no',
}
/** A client this far behind is not reading: drop it rather than buffer without bound. */
const MAX_BUFFERED_BYTES = 8 * 1024 * 1024

/** `GET <sse.path>` for every live family of the contract that declares one (`/api/stream`). */
export const sseRoutes: Route<SseFamilyName>[] = compileRoutes(sseTable())

function sseTable(): Record<SseFamilyName, Pick<Operation, 'method' | 'path'>> {
  const table = {} as Record<SseFamilyName, Pick<Operation, 'method' | 'path'>>
  for (const name of sseFamilyNames) table[name] = { method: 'GET', path: liveEvents[name].sse.path }
  return table
}

/** Where the events of each family served as SSE come from (core's event bus, for stream events). */
export type LiveSources = {
  [K in SseFamilyName]: { subscribe(listener: (event: LiveEventOf<K>) => void): () => void }
}

/**
 * The open streams of one server, so stopping it ends them at once: a stream never finishes on its
 * own, and a graceful close would otherwise wait out its grace period for every open UI.
 */
export interface EventStreams {
  serve(
    family: SseFamilyName,
    req: IncomingMessage,
    res: ServerResponse,
    headers: Record<string, string>,
  ): void
  closeAll(): void
}

export function createEventStreams(sources: LiveSources, heartbeatMs = DEFAULT_HEARTBEAT_MS): EventStreams {
  const open = new Set<ServerResponse>()
  return {
    serve(family, req, res, headers) {
      open.add(res)
      res.once('close', () => open.delete(res))
      serveEventStream(family, sources, req, res, headers, heartbeatMs)
    },
    closeAll() {
      for (const res of open) res.end()
      open.clear()
    },
  }
}

/**
 * One family as Server-Sent Events (`event: <name>`, `data: <event JSON>`). A comment line every
 * `heartbeatMs` keeps proxies and idle timers from closing the connection and lets the client
 * notice a dead one. Everything is released when the client goes away.
 */
function serveEventStream(
  family: SseFamilyName,
  sources: LiveSources,
  req: IncomingMessage,
  res: ServerResponse,
  headers: Record<string, string>,
  heartbeatMs: number,
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
  const unsubscribe = sources[family].subscribe((event) => {
    write(`event: ${liveEventName(liveEvents[family], event)}\ndata: ${JSON.stringify(event)}\n\n`)
  })
  const heartbeat = setInterval(() => write(`: heartbeat ${Date.now()}\n\n`), heartbeatMs)
  heartbeat.unref()

  const cleanUp = () => {
    clearInterval(heartbeat)
    unsubscribe()
  }
  res.once('close', cleanUp)
}
