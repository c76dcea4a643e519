import { join } from 'node:path'
import { BrowserWindow } from 'electron'
import { type AppUrlCheck, hardenWebContents, secureWebPreferences } from './security.ts'

/** Next to the built main bundle: out/main/index.js → out/preload/index.cjs. */
const PRELOAD_PATH = join(import.meta.dirname, '../preload/index.cjs')

export interface MainWindowOptions {
  /** The app entry URL (our protocol, or the dev server in development). */
  url: string
  isAppUrl: AppUrlCheck
}

export function createMainWindow({ url, isAppUrl }: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 900,
    minHeight: 600,
    // Shown once painted, so the user never sees a blank white frame.
    show: false,
    title: 'Hookbench',
    webPreferences: secureWebPreferences(PRELOAD_PATH),
  })
  hardenWebContents(window.webContents, isAppUrl)
  window.once('ready-to-show', () => window.show())
  window.loadURL(url).catch((error: unknown) => {
    console.error(`Could not load ${url}:`, error)
  })
  return window
}
