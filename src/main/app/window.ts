import { join } from 'node:path'
import { BrowserWindow } from 'electron'
import { type AppUrlCheck, hardenWebContents, secureWebPreferences } from './security.ts'
import { DEFAULT_WINDOW_STATE, MIN_WINDOW_SIZE, type WindowState } from './window-state.ts'

/** Next to the built main bundle: out/main/index.js → out/preload/index.cjs. */
const PRELOAD_PATH = join(import.meta.dirname, '../preload/index.cjs')

export interface MainWindowOptions {
  /** The app entry URL (our protocol, or the dev server in development). */
  url: string
  isAppUrl: AppUrlCheck
  /** Size, position and maximised state to open with (already fitted to the displays). */
  placement?: WindowState
}

export function createMainWindow({
  url,
  isAppUrl,
  placement = DEFAULT_WINDOW_STATE,
}: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    ...placement.position,
    width: placement.width,
    height: placement.height,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    // Shown once painted, so the user never sees a blank white frame.
    show: false,
    title: 'Hookbench',
    webPreferences: secureWebPreferences(PRELOAD_PATH),
  })
  hardenWebContents(window.webContents, isAppUrl)
  window.once('ready-to-show', () => {
    if (placement.isMaximized) window.maximize()
    window.show()
  })
  window.loadURL(url).catch((error: unknown) => {
    console.error(`Could not load ${url}:`, error)
  })
  return window
}
