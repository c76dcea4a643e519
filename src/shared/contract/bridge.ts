import { z } from 'zod'
import type { StreamEvent } from '../stream.ts'
import type { OperationInput, OperationName, OperationOutput } from './index.ts'
import type { IpcResult } from './ipc.ts'

/**
 * What the preload exposes as `window.api`: one named function per contract operation, each
 * answering an IpcResult envelope (main never throws across IPC). The renderer imports this type
 * only; the preload implements it, so a new operation fails to compile until it is bridged.
 */
export type PreloadApi = {
  [K in OperationName]: (input: OperationInput<K>) => Promise<IpcResult<OperationOutput<K>>>
}

/** The key under which the preload exposes the bridge on `window`. */
export type PreloadApiKey = 'api'

/**
 * Desktop-only messages from main to the page, on one named channel: menu items whose work happens
 * in the UI, and `hookbench://message/{message_id}` deep links. Main validates every payload with
 * MenuActionSchema before sending; the renderer may parse it again with the same schema.
 */
export const MENU_ACTION_CHANNEL = 'hookbench:menu'

/** A message_id is a GUID (Rustici Generator: "A random GUID used to uniquely identify a message"). */
export const MessageIdSchema = z.guid()

export const MenuActionSchema = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('export-workspace') }),
  z.strictObject({ action: z.literal('import-workspace') }),
  z.strictObject({ action: z.literal('import-har') }),
  z.strictObject({ action: z.literal('open-message'), message_id: MessageIdSchema }),
])
export type MenuAction = z.infer<typeof MenuActionSchema>

/**
 * What the preload exposes as `window.desktop` (absent in web mode). `onMenuAction` returns a
 * function that unsubscribes; actions sent before the page subscribed are delivered on subscribing.
 */
export interface DesktopBridge {
  onMenuAction(callback: (action: MenuAction) => void): () => void
  /**
   * Live events (captures, deliveries), the desktop twin of `GET /api/stream`. Returns the function
   * that unsubscribes. Events are live only: none are kept for a page that is not listening.
   */
  onStreamEvent(callback: (event: StreamEvent) => void): () => void
}

/** Core's live events, forwarded by main to the window (validated with StreamEventSchema first). */
export const STREAM_EVENT_CHANNEL = 'hookbench:stream'

/** The key under which the preload exposes the desktop bridge on `window`. */
export type DesktopBridgeKey = 'desktop'
