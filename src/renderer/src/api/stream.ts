import type { DesktopBridge } from '../../../shared/contract/bridge.ts'
import { type StreamEvent, StreamEventSchema } from '../../../shared/stream.ts'

export type StreamListener = (event: StreamEvent) => void
export type StreamStatus = 'connecting' | 'open' | 'closed'

/**
 * Core's live events, one connection shared by every part of the UI that listens: the desktop
 * bridge's `onStreamEvent` in the app, `GET /api/stream` in a browser. The first subscriber
 * opens it and the last one to leave closes it.
 */
export interface EventStream {
  subscribe(listener: StreamListener): () => void
}

export interface HttpStreamOptions {
  token: () => string | null
  baseUrl?: string
  fetch?: typeof fetch
}

/** Waits before reconnecting, growing to the last and staying there. */
const RECONNECT_DELAYS_MS = [500, 1_000, 2_000, 5_000, 10_000]

function fanOut(open: (emit: StreamListener) => () => void): EventStream {
  const listeners = new Set<StreamListener>()
  let close: (() => void) | null = null
  const emit: StreamListener = (event) => {
    for (const listener of [...listeners]) listener(event)
  }
  return {
    subscribe(listener) {
      listeners.add(listener)
      close ??= open(emit)
      return () => {
        listeners.delete(listener)
        if (listeners.size === 0 && close) {
          close()
          close = null
        }
      }
    },
  }
}

/** Events are checked against the schema on this side too; an unknown kind is skipped, not fatal. */
function parse(value: unknown): StreamEvent | null {
  const parsed = StreamEventSchema.safeParse(value)
  return parsed.success ? parsed.data : null
}

export function createDesktopStream(bridge: DesktopBridge): EventStream {
  return fanOut((emit) =>
    bridge.onStreamEvent((event) => {
      const parsed = parse(event)
      if (parsed) emit(parsed)
    }),
  )
}

/**
 * Server-Sent Events read with `fetch` and a stream reader rather than EventSource, so the token
 * travels in the Authorization header and never in a URL. Reconnects with backoff when the
 * connection drops (Hookbench restarting); the UI reloads its lists when it comes back.
 */
export function createHttpStream(options: HttpStreamOptions): EventStream {
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init))
  return fanOut((emit) => {
    const controller = new AbortController()
    let failures = 0
    const run = async () => {
      while (!controller.signal.aborted) {
        try {
          const token = options.token()
          const response = await doFetch(`${options.baseUrl ?? ''}/api/stream`, {
            headers: { accept: 'text/event-stream', ...(token ? { authorization: `Bearer ${token}` } : {}) },
            signal: controller.signal,
          })
          if (response.ok && response.body) {
            failures = 0
            await readEvents(response.body, emit)
          }
        } catch {
          // Dropped or refused: try again below.
        }
        if (controller.signal.aborted) return
        const delay = RECONNECT_DELAYS_MS[Math.min(failures++, RECONNECT_DELAYS_MS.length - 1)] ?? 10_000
        await new Promise((resolve) => setTimeout(resolve, delay))
      }
    }
    void run()
    return () => controller.abort()
  })
}

/** Splits `text/event-stream` into events: blocks end with a blank line, `data:` lines carry JSON. */
async function readEvents(body: ReadableStream<Uint8Array>, emit: StreamListener): Promise<void> {
  const reader = body.getReader()
  const decoder = new TextDecoder()
  let buffer = ''
  for (;;) {
    const { value, done } = await reader.read()
    if (done) return
    buffer += decoder.decode(value, { stream: true }).replaceAll('\r\n', '\n')
    let end = buffer.indexOf('\n\n')
    while (end !== -1) {
      const block = buffer.slice(0, end)
      buffer = buffer.slice(end + 2)
      const data = block
        .split('\n')
        .filter((line) => line.startsWith('data:'))
        .map((line) => line.slice(5).trimStart())
        .join('\n')
      if (data) {
        try {
          const event = parse(JSON.parse(data))
          if (event) emit(event)
        } catch {
          // Not JSON: not one of ours.
        }
      }
      end = buffer.indexOf('\n\n')
    }
  }
}
