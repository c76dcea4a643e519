import { type DesktopBridge, subscriptionName } from '../../../shared/contract/bridge.ts'
import {
  type LiveEventOf,
  type LiveFamilyName,
  liveEventSchema,
  liveEvents,
  type SseFamilyName,
  type StreamEvent,
  sseFamilyNames,
} from '../../../shared/contract/live-events.ts'

/**
 * One live family of the contract (stream events, menu actions), one connection shared by every
 * part of the UI that listens: the desktop bridge's `on<Family>` in the app, the family's SSE route
 * (`GET /api/stream`) in a browser. The first subscriber opens it and the last one to leave closes it.
 */
export interface EventStream<Event = StreamEvent> {
  subscribe(listener: (event: Event) => void): () => void
}

export interface HttpStreamOptions {
  token: () => string | null
  baseUrl?: string
  fetch?: typeof fetch
}

/** Waits before reconnecting, growing to the last and staying there. */
const RECONNECT_DELAYS_MS = [500, 1_000, 2_000, 5_000, 10_000]

function fanOut<Event>(open: (emit: (event: Event) => void) => () => void): EventStream<Event> {
  const listeners = new Set<(event: Event) => void>()
  let close: (() => void) | null = null
  const emit = (event: Event) => {
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

/**
 * Events are checked against the family's schema on this side too, whatever the transport; an
 * unknown kind is skipped, not fatal.
 */
function emitParsed<K extends LiveFamilyName>(name: K, emit: (event: LiveEventOf<K>) => void) {
  const schema = liveEventSchema(name)
  return (value: unknown) => {
    const parsed = schema.safeParse(value)
    if (parsed.success) emit(parsed.data)
  }
}

/** A family in the desktop app comes over the bridge; in a browser over its SSE route, if it has one. */
export function createLiveStream<K extends LiveFamilyName>(
  name: K,
  desktop: DesktopBridge | undefined,
  http: HttpStreamOptions,
): EventStream<LiveEventOf<K>> {
  if (desktop) return createDesktopStream(desktop, name)
  if (isSseFamily(name)) return createHttpStream(name, http) as EventStream<LiveEventOf<K>>
  return { subscribe: () => () => {} }
}

function isSseFamily(name: LiveFamilyName): name is SseFamilyName {
  return (sseFamilyNames as LiveFamilyName[]).includes(name)
}

export function createDesktopStream<K extends LiveFamilyName>(
  bridge: DesktopBridge,
  name: K,
): EventStream<LiveEventOf<K>> {
  const subscribe = bridge[subscriptionName(name)] as (callback: (event: unknown) => void) => () => void
  return fanOut((emit) => subscribe(emitParsed(name, emit)))
}

/**
 * Server-Sent Events read with `fetch` and a stream reader rather than EventSource, so the token
 * travels in the Authorization header and never in a URL. Reconnects with backoff when the
 * connection drops (Hookbench restarting); the UI reloads its lists when it comes back.
 */
export function createHttpStream<K extends SseFamilyName>(
  name: K,
  options: HttpStreamOptions,
): EventStream<LiveEventOf<K>> {
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init))
  const path = liveEvents[name].sse.path
  return fanOut((emit) => {
    const receive = emitParsed(name, emit)
    const controller = new AbortController()
    let failures = 0
    const run = async () => {
      while (!controller.signal.aborted) {
        try {
          const token = options.token()
          const response = await doFetch(`${options.baseUrl ?? ''}${path}`, {
            headers: { accept: 'text/event-stream', ...(token ? { authorization: `Bearer ${token}` } : {}) },
            signal: controller.signal,
          })
          if (response.ok && response.body) {
            failures = 0
            await readEvents(response.body, receive)
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
async function readEvents(
  body: ReadableStream<Uint8Array>,
  receive: (value: unknown) => void,
): Promise<void> {
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
          receive(JSON.parse(data))
        } catch {
          // Not JSON: not one of ours.
        }
      }
      end = buffer.indexOf('\n\n')
    }
  }
}
