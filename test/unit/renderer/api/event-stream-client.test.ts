import { describe, expect, it } from 'vitest'
import { createHttpStream } from '../../../../src/renderer/src/api/stream.ts'
import type { StreamEvent } from '../../../../src/shared/contract/live-events.ts'

const deleted = (count: number) => ({ type: 'requests.deleted', data: { bin_id: null, count } })

/** A server that sends `chunks` (split anywhere, even inside an event) and then keeps the stream open. */
function fakeServer(chunks: string[]) {
  const calls: Array<{ url: string; headers: Record<string, string>; signal: AbortSignal }> = []
  const fetch = async (url: string | URL | Request, init?: RequestInit) => {
    const signal = init?.signal as AbortSignal
    calls.push({ url: String(url), headers: init?.headers as Record<string, string>, signal })
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(new TextEncoder().encode(chunk))
        signal.addEventListener('abort', () => controller.error(new DOMException('aborted', 'AbortError')))
      },
    })
    return new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } })
  }
  return { fetch: fetch as typeof globalThis.fetch, calls }
}

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 5))
  expect(condition()).toBe(true)
}

describe('the browser side of GET /api/stream', () => {
  it('reads events split across chunks, skips comments and unknown events, sends the token in a header', async () => {
    const first = JSON.stringify(deleted(1))
    const server = fakeServer([
      ': hookbench event stream\n\n',
      `event: requests.deleted\ndata: ${first.slice(0, 10)}`,
      `${first.slice(10)}\n\n: heartbeat 1\n\nevent: nope\ndata: {"type":"nope"}\n\n`,
      `event: requests.deleted\r\ndata: ${JSON.stringify(deleted(2))}\r\n\r\n`,
    ])
    const stream = createHttpStream('streamEvent', { token: () => 'hb_token', fetch: server.fetch })
    const seen: StreamEvent[] = []
    const stop = stream.subscribe((event) => seen.push(event))
    await until(() => seen.length === 2)
    expect(seen).toEqual([deleted(1), deleted(2)])
    expect(server.calls).toHaveLength(1)
    expect(server.calls[0]?.url).toBe('/api/stream')
    expect(server.calls[0]?.headers.authorization).toBe('Bearer hb_token')

    // One connection for every listener; the last one to leave closes it.
    const other = stream.subscribe(() => {})
    expect(server.calls).toHaveLength(1)
    stop()
    expect(server.calls[0]?.signal.aborted).toBe(false)
    other()
    expect(server.calls[0]?.signal.aborted).toBe(true)
  })
})
