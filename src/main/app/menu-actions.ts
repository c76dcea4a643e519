import type { WebContents } from 'electron'
import { MENU_ACTION_CHANNEL, type MenuAction, MenuActionSchema } from '../../shared/contract/bridge.ts'

export interface MenuActionSender {
  /** The page that receives actions; the previous one, if any, stops receiving. */
  attach(contents: WebContents): void
  /** Validates and sends an action, or keeps it until the page has loaded. */
  send(action: MenuAction): void
}

/** A burst of deep links while the window is closed should not pile up without bound. */
const MAX_QUEUED = 20

/**
 * Sends menu actions and deep-link navigations to the renderer on `hookbench:menu`. A message
 * sent to a page that is still loading would reach no preload at all, so actions wait until the
 * page has finished loading (again after a reload); the preload then holds them until the UI
 * subscribes.
 */
export function createMenuActionSender(): MenuActionSender {
  let target: WebContents | null = null
  let ready = false
  const queue: MenuAction[] = []

  const flush = () => {
    if (!target || !ready || target.isDestroyed()) return
    for (const action of queue.splice(0)) target.send(MENU_ACTION_CHANNEL, action)
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
    send(action) {
      const parsed = MenuActionSchema.safeParse(action)
      if (!parsed.success) {
        console.error('Refused to send an invalid menu action:', parsed.error.message)
        return
      }
      if (queue.length >= MAX_QUEUED) queue.shift()
      queue.push(parsed.data)
      flush()
    },
  }
}
