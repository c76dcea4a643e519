import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

const electron = vi.hoisted(() => ({
  protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
  shell: { openExternal: vi.fn() },
}))
vi.mock('electron', () => electron)

const {
  APP_ENTRY_URL,
  appEntryUrl,
  appUrlCheck,
  createAppProtocolHandler,
  registerAppSchemeAsPrivileged,
  serveRendererOnAppScheme,
} = await import('../../../../src/main/app/protocol.ts')
const { CONTENT_SECURITY_POLICY } = await import('../../../../src/main/app/security.ts')

const INDEX_HTML = '<!doctype html><html><head><title>Hookbench</title></head><body></body></html>'
let root: string
let rendererDir: string
let serve: (request: Request) => Promise<Response>

beforeAll(async () => {
  // A secret next to (not inside) the renderer dir, which traversal attempts aim at.
  root = await mkdtemp(join(tmpdir(), 'hookbench-protocol-'))
  rendererDir = join(root, 'renderer')
  await mkdir(join(rendererDir, 'assets'), { recursive: true })
  await writeFile(join(rendererDir, 'index.html'), INDEX_HTML)
  await writeFile(join(rendererDir, 'assets', 'app.js'), 'console.log("hi")')
  await writeFile(join(rendererDir, 'assets', 'app.css'), 'body{margin:0}')
  await writeFile(join(rendererDir, 'assets', 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>')
  await writeFile(join(root, 'secret.txt'), 'do not serve me')
  serve = createAppProtocolHandler(rendererDir)
})

afterAll(async () => {
  await rm(root, { recursive: true, force: true })
})

const get = (url: string, method = 'GET') => serve(new Request(url, { method }))

describe('registering the app scheme', () => {
  it('declares hookbench-app standard, secure and fetch-capable', () => {
    registerAppSchemeAsPrivileged()
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledExactlyOnceWith([
      { scheme: 'hookbench-app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ])
  })

  it('handles hookbench-app with a handler that serves the renderer dir', async () => {
    serveRendererOnAppScheme(rendererDir)
    expect(electron.protocol.handle).toHaveBeenCalledOnce()
    const [scheme, handler] = electron.protocol.handle.mock.calls[0] ?? []
    expect(scheme).toBe('hookbench-app')
    const response: Response = await handler(new Request('hookbench-app://bundle/index.html'))
    expect(await response.text()).toBe(INDEX_HTML)
  })
})

describe('the app protocol handler', () => {
  it('serves index.html with its content type and the Content-Security-Policy', async () => {
    const response = await get('hookbench-app://bundle/index.html')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(await response.text()).toBe(INDEX_HTML)
  })

  it('serves index.html for the bare origin', async () => {
    const response = await get('hookbench-app://bundle/')
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    expect(await response.text()).toBe(INDEX_HTML)
  })

  it.each([
    ['assets/app.js', 'text/javascript; charset=utf-8', 'console.log("hi")'],
    ['assets/app.css', 'text/css; charset=utf-8', 'body{margin:0}'],
    ['assets/logo.svg', 'image/svg+xml', '<svg xmlns="http://www.w3.org/2000/svg"/>'],
  ])('serves %s as %s', async (path, contentType, body) => {
    const response = await get(`hookbench-app://bundle/${path}`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe(contentType)
    expect(await response.text()).toBe(body)
  })

  it('answers HEAD without a body', async () => {
    const response = await get('hookbench-app://bundle/assets/app.js', 'HEAD')
    expect(response.status).toBe(200)
    expect(await response.text()).toBe('')
  })

  it.each([
    'hookbench-app://bundle/../secret.txt',
    'hookbench-app://bundle/..%2fsecret.txt',
    'hookbench-app://bundle/assets/..%2f..%2fsecret.txt',
    'hookbench-app://bundle/%2e%2e/secret.txt',
    'hookbench-app://bundle/assets/%2E%2E%2F%2E%2E%2Fsecret.txt',
  ])('refuses path traversal %s with 404', async (url) => {
    const response = await get(url)
    expect(response.status).toBe(404)
    expect(await response.text()).not.toContain('do not serve me')
  })

  it('answers 404 for a missing file, a directory and another host', async () => {
    expect((await get('hookbench-app://bundle/missing.js')).status).toBe(404)
    expect((await get('hookbench-app://bundle/assets')).status).toBe(404)
    expect((await get('hookbench-app://elsewhere/index.html')).status).toBe(404)
  })

  it('refuses to accept writes', async () => {
    const response = await get('hookbench-app://bundle/index.html', 'POST')
    expect(response.status).toBe(405)
  })
})

describe('app URLs', () => {
  it('loads our scheme when built and the dev server in development', () => {
    expect(APP_ENTRY_URL).toBe('hookbench-app://bundle/index.html')
    expect(appEntryUrl(undefined)).toBe(APP_ENTRY_URL)
    expect(appEntryUrl('http://localhost:5173')).toBe('http://localhost:5173')
  })

  it('recognises only our bundle as the app when built', () => {
    const isAppUrl = appUrlCheck(undefined)
    expect(isAppUrl('hookbench-app://bundle/index.html')).toBe(true)
    expect(isAppUrl('hookbench-app://other/index.html')).toBe(false)
    expect(isAppUrl('http://localhost:5173/')).toBe(false)
    expect(isAppUrl('file:///index.html')).toBe(false)
    expect(isAppUrl('not a url')).toBe(false)
  })

  it('also recognises the dev server origin, and only that origin, in development', () => {
    const isAppUrl = appUrlCheck('http://localhost:5173/')
    expect(isAppUrl('http://localhost:5173/src/main.tsx')).toBe(true)
    expect(isAppUrl('hookbench-app://bundle/index.html')).toBe(true)
    expect(isAppUrl('http://localhost:5174/')).toBe(false)
    expect(isAppUrl('https://localhost:5173/')).toBe(false)
  })
})
