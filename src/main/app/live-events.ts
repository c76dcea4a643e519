import type { WebContents } from 'electron'
import { liveChannel } from '../../shared/contract/bridge.ts'
import {
  type LiveEventOf,
  type LiveFamilyName,
  liveEventSchema,
  liveEvents,
} from '../../shared/contract/live-events.ts'

export interface LiveEventSender<Event> {
  /** The page that receives events; the previous one, if any, stops receiving. */
  attach(contents: WebContents): void
  /** Validates an event and sends it to the page, or keeps it until the page has loaded. */
  send(event: Event): void
}

/**
 * Sends one live family of the contract to the window, on its IPC channel. A message sent to a
 * page that is still loading would reach no preload at all, so events wait until the page has
 * finished loading (again after a reload) — as many as the family keeps, the newest ones; a live
 * only family (stream events) drops them instead: the page fetches the current lists when it
 * starts, so an event from before that would only be applied twice.
 */
export function createLiveEventSender<K extends LiveFamilyName>(name: K): LiveEventSender<LiveEventOf<K>> {
  const schema = liveEventSchema(name)
  const channel = liveChannel(name)
  const { keepUndelivered } = liveEvents[name].ipc
  let target: WebContents | null = null
  let ready = false
  const queue: LiveEventOf<K>[] = []

  const flush = () => {
    if (!target || !ready || target.isDestroyed()) return
    for (const event of queue.splice(0)) target.send(channel, event)
  }

  return {
    attach(contents) {
      target = contents
      ready = false
      contents.on('did-start-loading', () => {
        if (target === contents) ready = false
      })
      contents.on('did-finish-load', () => {
        if (target !== contents) return
        ready = true
        flush()
      })
      contents.once('destroyed', () => {
        if (target === contents) target = null
      })
    },
    send(event) {
      const parsed = schema.safeParse(event)
      if (!parsed.success) {
        console.error(`Refused to send an invalid ${name}:`, parsed.error.message)
        return
      }
      const pageIsListening = target !== null && ready && !target.isDestroyed()
      if (!pageIsListening) {
        if (keepUndelivered === 0) return
        if (queue.length >= keepUndelivered) queue.shift()
      }
      queue.push(parsed.data)
      flush()
    },
  }
}
