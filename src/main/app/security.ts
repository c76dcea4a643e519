import { type Session, shell, type WebContents } from 'electron'

/** Decides whether a URL belongs to our own UI (the app protocol, or the dev server in development). */
export type AppUrlCheck = (url: string) => boolean

/**
 * The Electron security checklist's renderer settings, spelled out even where they equal the
 * default so a future default change (or a careless edit) cannot silently weaken them.
 */
export function secureWebPreferences(preload: string) {
  return {
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    spellcheck: false,
    preload,
  } as const
}

/**
 * Everything the UI needs comes from its own bundle; React sets inline styles, hence
 * 'unsafe-inline' for styles only. Scripts, frames, plugins and form posts elsewhere are refused.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ')

const EXTERNAL_PROTOCOLS = new Set(['https:', 'http:', 'mailto:'])

/** Only web and mail links may leave the app; `file:`, `javascript:`, custom schemes never do. */
export function isOpenableExternally(url: string): boolean {
  try {
    return EXTERNAL_PROTOCOLS.has(new URL(url).protocol)
  } catch {
    return false
  }
}

/**
 * Keeps the window on our own UI: a compromised or confused page cannot navigate it elsewhere,
 * open new Electron windows or attach a <webview>. Links meant for the browser go to the browser.
 */
export function hardenWebContents(contents: WebContents, isAppUrl: AppUrlCheck): void {
  contents.on('will-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault()
  })
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => {
    event.preventDefault()
  })
  contents.setWindowOpenHandler(({ url }) => {
    if (isOpenableExternally(url)) {
      shell.openExternal(url).catch((error: unknown) => {
        console.error(`Could not open ${url} in the default application:`, error)
      })
    }
    return { action: 'deny' }
  })
}

/**
 * A webhook workbench needs no camera, location, notifications or USB: every permission request
 * and check is answered "no". The CSP is not set here but on the app protocol's HTML responses
 * (see protocol.ts), because webRequest hooks are not guaranteed to see custom-protocol responses.
 */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => {
    callback(false)
  })
  session.setPermissionCheckHandler(() => false)
}
