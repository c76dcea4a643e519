import { protocol } from 'electron'
import { readStaticFile } from '../../server/static-files.ts'
import { type AppUrlCheck, CONTENT_SECURITY_POLICY } from './security.ts'

/**
 * The built renderer is served from `hookbench-app://bundle/…` rather than `file://`, so the page
 * has a real origin of its own: it cannot read arbitrary files, and CSP 'self' means our bundle.
 */
export const APP_SCHEME = 'hookbench-app'
export const APP_HOST = 'bundle'
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`

/** Must run before `app` is ready: Chromium fixes the scheme table at startup. */
export function registerAppSchemeAsPrivileged(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ])
}

export function serveRendererOnAppScheme(rendererDir: string): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererDir))
}

/** Maps `hookbench-app://bundle/<path>` to `<rendererDir>/<path>`; anything else is a 404. */
export function createAppProtocolHandler(rendererDir: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response(null, { status: 405, headers: { Allow: 'GET, HEAD' } })
    }
    const url = new URL(request.url)
    if (url.host !== APP_HOST) return notFound()
    // readStaticFile resolves the decoded path and refuses anything outside rendererDir.
    const file = await readStaticFile(rendererDir, url.pathname)
    if (!file) return notFound()
    const headers = new Headers({
      'Content-Type': file.contentType,
      'X-Content-Type-Options': 'nosniff',
    })
    if (file.contentType.startsWith('text/html')) {
      headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY)
    }
    const body = request.method === 'HEAD' ? null : file.body
    return new Response(body, { status: 200, headers })
  }
}

function notFound(): Response {
  return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
}

/** electron-vite dev sets ELECTRON_RENDERER_URL to its dev server; the built app uses our scheme. */
export function appEntryUrl(devServerUrl: string | undefined): string {
  return devServerUrl ?? APP_ENTRY_URL
}

export function appUrlCheck(devServerUrl: string | undefined): AppUrlCheck {
  const devOrigin = devServerUrl === undefined ? null : new URL(devServerUrl).origin
  return (url) => {
    let parsed: URL
    try {
      parsed = new URL(url)
    } catch {
      return false
    }
    // Node's URL reports an opaque origin for custom schemes, so compare scheme and host instead.
    if (parsed.protocol === `${APP_SCHEME}:`) return parsed.host === APP_HOST
    return devOrigin !== null && parsed.origin === devOrigin
  }
}
