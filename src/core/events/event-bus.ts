import type { StreamEvent } from '../../shared/contract/live-events.ts'

export type EventListener = (event: StreamEvent) => void

/**
 * What happened in core, for whoever watches live: the SSE route of the local API and, in the
 * desktop app, the window. Producers (receiver now, delivery later) emit after the change is on
 * disk; a listener that throws is logged and does not stop the others or the producer.
 */
export interface EventBus {
  emit(event: StreamEvent): void
  /** Returns the function that unsubscribes. */
  subscribe(listener: EventListener): () => void
  readonly listenerCount: number
}

export function createEventBus(): EventBus {
  const listeners = new Set<EventListener>()
  return {
    emit(event) {
      // A copy: a listener may unsubscribe itself (a closed SSE client) while we iterate.
      for (const listener of [...listeners]) {
        try {
          listener(event)
        } catch (error) {
          console.error(`[hookbench] a ${event.type} listener failed:`, error)
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => {
        listeners.delete(listener)
      }
    },
    get listenerCount() {
      return listeners.size
    },
  }
}
