import type { Api } from '../../../shared/contract/index.ts'
import type { MenuAction } from '../../../shared/contract/live-events.ts'
import { createHttpApi } from './http-client.ts'
import { createIpcApi } from './ipc-client.ts'
import { createLiveStream, type EventStream } from './stream.ts'

export { ApiError, toErrorBody } from './api-error.ts'

/** The headless server injects the local API token into index.html, so nobody copies it by hand. */
export function tokenFromPage(): string | null {
  return document.querySelector<HTMLMetaElement>('meta[name="hookbench-api-token"]')?.content || null
}

/**
 * The one way the renderer reaches Hookbench: the preload bridge in the desktop app, the local
 * HTTP API (same origin) in a browser. Both speak the same contract.
 */
export const api: Api = window.api ? createIpcApi(window.api) : createHttpApi({ token: tokenFromPage })

/** Which transport this window uses: IPC in the desktop app, HTTP in a browser. */
export const transport: 'ipc' | 'http' = window.api ? 'ipc' : 'http'

/** Live events from core (captures, deliveries): the desktop bridge, or SSE in a browser. */
export const stream: EventStream = createLiveStream('streamEvent', window.desktop, { token: tokenFromPage })

const menuActions = createLiveStream('menuAction', window.desktop, { token: tokenFromPage })

/**
 * Actions the desktop app's menu and `hookbench://` links send (absent in a browser, where the
 * same things are done on the pages). Returns the function that stops listening.
 */
export function onMenuAction(listener: (action: MenuAction) => void): () => void {
  return menuActions.subscribe(listener)
}
