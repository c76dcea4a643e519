import type { WebContents } from 'electron'
import { STREAM_EVENT_CHANNEL } from '../../shared/contract/bridge.ts'
import { type StreamEvent, StreamEventSchema } from '../../shared/stream.ts'

export interface StreamEventSender {
  /** The page that receives events; the previous one, if any, stops receiving. */
  attach(contents: WebContents): void
  /** Validates and sends an event to the page, if one is loaded and listening. */
  send(event: StreamEvent): void
}

/**
 * Forwards core's live events to the window on `hookbench:stream`. Unlike menu actions they are
 * not queued: a page that is still loading fetches the current lists when it starts, so an event
 * from before that would only be applied twice.
 */
export function createStreamEventSender(): StreamEventSender {
  let target: WebContents | null = null
  let ready = false

  return {
    attach(contents) {
      target = contents
      ready = false
      contents.on('did-start-loading', () => {
        if (target === contents) ready = false
      })
      contents.on('did-finish-load', () => {
        if (target === contents) ready = true
      })
      contents.once('destroyed', () => {
        if (target === contents) target = null
      })
    },
    send(event) {
      if (!target || !ready || target.isDestroyed()) return
      const parsed = StreamEventSchema.safeParse(event)
      if (!parsed.success) {
        console.error(`Refused to send an invalid ${event.type} event:`, parsed.error.message)
        return
      }
      target.send(STREAM_EVENT_CHANNEL, parsed.data)
    },
  }
}
