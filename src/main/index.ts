import { join } from 'node:path'
import { app, type BrowserWindow, dialog, session } from 'electron'
import {
  appEntryUrl,
  appUrlCheck,
  registerAppSchemeAsPrivileged,
  serveRendererOnAppScheme,
} from './app/protocol.ts'
import { hardenSession } from './app/security.ts'
import { createMainWindow } from './app/window.ts'
import { type Host, startHost } from './host/start.ts'
import { createSenderCheck, registerIpcHandlers } from './ipc/handle.ts'

/** Next to the built main bundle: out/main/index.js → out/renderer. */
const RENDERER_DIR = join(import.meta.dirname, '../renderer')
// Only an unpackaged app follows ELECTRON_RENDERER_URL: in a shipped build an environment variable
// must not be able to point the window (and the IPC trust that comes with it) at another server.
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL
const isAppUrl = appUrlCheck(devServerUrl)

let host: Host | null = null
let mainWindow: BrowserWindow | null = null

function openMainWindow(): void {
  const window = createMainWindow({ url: appEntryUrl(devServerUrl), isAppUrl })
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null
  })
  mainWindow = window
}

async function start(): Promise<void> {
  await app.whenReady()
  hardenSession(session.defaultSession)
  serveRendererOnAppScheme(RENDERER_DIR)
  host = await startHost({
    mode: 'desktop',
    version: app.getVersion(),
    dataDir: app.getPath('userData'),
    receiverPort: 8787,
    apiPort: 8788,
    rendererDir: RENDERER_DIR,
  })
  registerIpcHandlers(
    host.core.handlers,
    createSenderCheck(() => mainWindow, isAppUrl),
  )
  openMainWindow()
}

// A second instance would fight over the same data dir and ports: hand over to the first one.
if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  registerAppSchemeAsPrivileged()

  app.on('second-instance', () => {
    if (!mainWindow) return
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.focus()
  })

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })

  app.on('activate', () => {
    if (host && !mainWindow) openMainWindow()
  })

  // Quitting waits for the host to stop, so in-flight writes reach the disk first.
  let stopping = false
  let stopped = false
  app.on('before-quit', (event) => {
    if (stopped || !host) return
    event.preventDefault()
    if (stopping) return
    stopping = true
    host
      .stop()
      .catch((error: unknown) => console.error('Hookbench did not stop cleanly:', error))
      .finally(() => {
        stopped = true
        app.quit()
      })
  })

  start().catch((error: unknown) => {
    console.error('Hookbench could not start:', error)
    dialog.showErrorBox('Hookbench could not start', error instanceof Error ? error.message : String(error))
    app.exit(1)
  })
}
