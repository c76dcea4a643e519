import type { StreamEvent } from '../../src/shared/contract/live-events.ts'

/** Reads Server-Sent Events as the renderer does: fetch with the token in a header, a stream reader. */
export function openStream(url: string, token: string) {
  const controller = new AbortController()
  const events: Array<{ event: string; data: StreamEvent }> = []
  const comments: string[] = []
  let buffer = ''
  const opened = fetch(url, {
    headers: { authorization: `Bearer ${token}` },
    signal: controller.signal,
  }).then(async (response) => {
    const reading = (async () => {
      const reader = (response.body as ReadableStream<Uint8Array>)
        .pipeThrough(new TextDecoderStream())
        .getReader()
      try {
        for (;;) {
          const { value, done } = await reader.read()
          if (done) return
          buffer += value
          let end = buffer.indexOf('\n\n')
          while (end !== -1) {
            const block = buffer.slice(0, end)
            buffer = buffer.slice(end + 2)
            if (block.startsWith(':')) comments.push(block)
            else {
              const event = /^event: (.*)$/m.exec(block)?.[1] ?? ''
              const data = /^data: (.*)$/m.exec(block)?.[1] ?? 'null'
              events.push({ event, data: JSON.parse(data) as StreamEvent })
            }
            end = buffer.indexOf('\n\n')
          }
        }
      } catch {
        // aborted
      }
    })()
    return { response, reading }
  })
  return { opened, events, comments, close: () => controller.abort() }
}

export async function until(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting')
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}
