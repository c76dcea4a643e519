import { Notification } from 'electron'
import type { StreamEvent } from '../../shared/contract/live-events.ts'

export interface NotificationContent {
  title: string
  body: string
  /** The message to open when the notification is clicked. */
  messageId: string | null
}

/**
 * What deserves an OS notification: a subscription delivery disabled, or a message that ran out
 * of retries. Everything else is for the UI's live views, not for interrupting the user.
 */
export function notificationFor(event: StreamEvent): NotificationContent | null {
  switch (event.type) {
    case 'subscription.disabled':
      return {
        title: `Subscription disabled: ${event.data.name}`,
        body: event.data.reason,
        messageId: null,
      }
    case 'message.updated':
      return event.data.status === 'exhausted'
        ? {
            title: `Delivery gave up: ${event.data.topic}`,
            body: `Message ${event.data.message_id} — ${event.data.status_reason ?? 'every attempt failed'}`,
            messageId: event.data.message_id,
          }
        : null
    default:
      return null
  }
}

export interface NotificationOptions {
  /** The user's setting (Settings → notifications), read when an event arrives. */
  enabled: () => Promise<boolean>
  onClick: (messageId: string | null) => void
}

/** Shows OS notifications for the events above; returns the function that stops watching. */
export function watchNotifications(
  subscribe: (listener: (event: StreamEvent) => void) => () => void,
  options: NotificationOptions,
): () => void {
  return subscribe((event) => {
    const content = notificationFor(event)
    if (!content || !Notification.isSupported()) return
    void options
      .enabled()
      .then((enabled) => {
        if (!enabled) return
        const notification = new Notification({ title: content.title, body: content.body })
        notification.on('click', () => options.onClick(content.messageId))
        notification.show()
      })
      .catch((error: unknown) => console.error('[hookbench] notification failed:', error))
  })
}
