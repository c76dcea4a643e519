import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { app, type BrowserWindow, dialog, screen, session, shell } from 'electron'
import { type Host, startHost } from '../server/host.ts'
import type { MenuAction } from '../shared/contract/live-events.ts'
import { DEEP_LINK_SCHEME, deepLinkArgument, parseDeepLink } from './app/deep-link.ts'
import { createLiveEventSender } from './app/live-events.ts'
import { installApplicationMenu } from './app/menu.ts'
import { watchNotifications } from './app/notifications.ts'
import {
  appEntryUrl,
  appUrlCheck,
  registerAppSchemeAsPrivileged,
  serveRendererOnAppScheme,
} from './app/protocol.ts'
import { openSafeStorageBox } from './app/safe-storage-box.ts'
import { hardenSession } from './app/security.ts'
import { createMainWindow } from './app/window.ts'
import { createWindowStateKeeper, fitToDisplays, WINDOW_STATE_FILE } from './app/window-state.ts'
import { createSenderCheck, registerIpcHandlers } from './ipc/handle.ts'

/** Next to the built main bundle: out/main/index.js → out/renderer. */
const RENDERER_DIR = join(import.meta.dirname, '../renderer')
// Only an unpackaged app follows ELECTRON_RENDERER_URL: in a shipped build an environment variable
// must not be able to point the window (and the IPC trust that comes with it) at another server.
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL
const isAppUrl = appUrlCheck(devServerUrl)

let host: Host | null = null
let mainWindow: BrowserWindow | null = null
const menuActions = createLiveEventSender('menuAction')
const streamEvents = createLiveEventSender('streamEvent')
const windowState = createWindowStateKeeper({ file: join(app.getPath('userData'), WINDOW_STATE_FILE) })

function openMainWindow(): BrowserWindow {
  const placement = fitToDisplays(
    windowState.current(),
    screen.getAllDisplays().map((display) => display.workArea),
    screen.getPrimaryDisplay().workArea,
  )
  const window = createMainWindow({ url: appEntryUrl(devServerUrl), isAppUrl, placement })
  windowState.track(window)
  menuActions.attach(window.webContents)
  streamEvents.attach(window.webContents)
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null
  })
  mainWindow = window
  return window
}

/** Brings the window forward, opening it again if it was closed (macOS keeps the app running). */
function focusMainWindow(): void {
  if (!host) return // still starting: start() opens the window
  const window = mainWindow ?? openMainWindow()
  // A window that has not painted yet shows (and takes focus) by itself once it is ready.
  if (!window.isVisible()) return
  if (window.isMinimized()) window.restore()
  window.focus()
}

/** Menu items and deep links whose work happens in the UI. */
function sendToRenderer(action: MenuAction): void {
  focusMainWindow()
  menuActions.send(action)
}

function openDeepLink(url: string): void {
  const link = parseDeepLink(url)
  if (!link) {
    console.warn('Ignored a hookbench: link that is not hookbench://message/<message_id>.')
    focusMainWindow()
    return
  }
  sendToRenderer({ action: 'open-message', message_id: link.message_id })
}

async function openFolder(folder: string): Promise<void> {
  await mkdir(folder, { recursive: true })
  const problem = await shell.openPath(folder)
  if (problem) console.error(`Could not open ${folder}: ${problem}`)
}

function setUpMenu(): void {
  app.setAboutPanelOptions({
    applicationName: 'Hookbench',
    applicationVersion: app.getVersion(),
    copyright: 'Desktop workbench for webhooks',
  })
  installApplicationMenu({
    isPackaged: app.isPackaged,
    platform: process.platform,
    commands: {
      sendToRenderer,
      openDataFolder: () => void openFolder(app.getPath('userData')).catch(console.error),
      openLogsFolder: () => void openFolder(app.getPath('logs')).catch(console.error),
      showAbout: () => app.showAboutPanel(),
    },
  })
}

async function start(): Promise<void> {
  await app.whenReady()
  hardenSession(session.defaultSession)
  serveRendererOnAppScheme(RENDERER_DIR)
  app.setAppLogsPath()
  await windowState.load()
  const dataDir = app.getPath('userData')
  const keychain = openSafeStorageBox(join(dataDir, 'config.json'))
  if (!keychain) {
    console.warn(
      '[hookbench] No OS keychain is available: secrets are encrypted with secrets.key (0600) in the data folder instead.',
    )
  }
  host = await startHost({
    mode: 'desktop',
    version: app.getVersion(),
    dataDir,
    ...(keychain ? { secretBox: keychain } : {}),
    receiverPort: 8787,
    apiPort: 8788,
    rendererDir: RENDERER_DIR,
    // Another program on 8787/8788 must not stop the app: the ports used are shown in Settings.
    portFallback: true,
  })
  registerIpcHandlers(
    host.core.handlers,
    createSenderCheck(() => mainWindow, isAppUrl),
  )
  // Live captures and deliveries, to the window (the web UI reads GET /api/stream instead).
  host.core.events.subscribe((event) => streamEvents.send(event))
  const { handlers } = host.core
  watchNotifications((listener) => host?.core.events.subscribe(listener) ?? (() => {}), {
    enabled: async () => (await handlers.getSettings({})).notifications,
    onClick: (messageId) => {
      focusMainWindow()
      if (messageId) sendToRenderer({ action: 'open-message', message_id: messageId })
    },
  })
  setUpMenu()
  openMainWindow()
  // Windows and Linux launch the app with the link as an argument (macOS uses open-url).
  const link = deepLinkArgument(process.argv)
  if (link) openDeepLink(link)
}

// A second instance would fight over the same data dir and ports: hand over to the first one.
if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  registerAppSchemeAsPrivileged()
  // Only an installed app claims hookbench: links; a development checkout would otherwise
  // register node_modules/electron as the system-wide handler.
  if (app.isPackaged) app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME)

  app.on('second-instance', (_event, argv) => {
    const link = deepLinkArgument(argv)
    if (link) openDeepLink(link)
    else focusMainWindow()
  })

  // macOS delivers links here, possibly before the app is ready: they wait in menuActions.
  app.on('open-url', (event, url) => {
    event.preventDefault()
    openDeepLink(url)
  })

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })

  app.on('activate', () => {
    if (host && !mainWindow) openMainWindow()
  })

  // Quitting waits for the host to stop, so in-flight writes reach the disk first, and for the
  // window state to be saved.
  let stopping = false
  let stopped = false
  app.on('before-quit', (event) => {
    if (stopped || !host) return
    event.preventDefault()
    if (stopping) return
    stopping = true
    Promise.all([windowState.flush(), host.stop()])
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
