import { EventEmitter } from 'node:events'
import type { Session, WebContents } from 'electron'
import { beforeEach, describe, expect, it, vi } from 'vitest'

const electron = vi.hoisted(() => ({
  shell: { openExternal: vi.fn(async (_url: string) => {}) },
  protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
}))
vi.mock('electron', () => electron)

const { appUrlCheck } = await import('../../../../src/main/app/protocol.ts')
const {
  CONTENT_SECURITY_POLICY,
  hardenSession,
  hardenWebContents,
  isOpenableExternally,
  secureWebPreferences,
} = await import('../../../../src/main/app/security.ts')

type WindowOpenHandler = (details: { url: string }) => { action: string }

/** Just enough of WebContents: real events, and the window-open handler kept for inspection. */
class FakeWebContents extends EventEmitter {
  windowOpenHandler: WindowOpenHandler | null = null
  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler
  }
  /** Emits like Electron does and says whether a listener vetoed. */
  attempt(eventName: string, url = ''): boolean {
    const event = { url, preventDefault: vi.fn() }
    this.emit(eventName, event)
    return event.preventDefault.mock.calls.length > 0
  }
  open(url: string): { action: string } {
    if (!this.windowOpenHandler) throw new Error('no window open handler was set')
    return this.windowOpenHandler({ url })
  }
}

function hardened(): FakeWebContents {
  const contents = new FakeWebContents()
  hardenWebContents(contents as unknown as WebContents, appUrlCheck(undefined))
  return contents
}

beforeEach(() => {
  electron.shell.openExternal.mockClear()
})

describe('secureWebPreferences', () => {
  it('turns every checklist switch to its safe value and sets the preload', () => {
    expect(secureWebPreferences('/app/out/preload/index.cjs')).toEqual({
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
      preload: '/app/out/preload/index.cjs',
    })
  })
})

describe('CONTENT_SECURITY_POLICY', () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(';').map((directive) => {
      const [name = '', ...values] = directive.trim().split(/\s+/)
      return [name, values.join(' ')]
    }),
  )

  it.each([
    ['default-src', "'self'"],
    ['script-src', "'self'"],
    ['style-src', "'self' 'unsafe-inline'"],
    ['img-src', "'self' data:"],
    ['connect-src', "'self'"],
    ['font-src', "'self'"],
    ['object-src', "'none'"],
    ['base-uri', "'none'"],
    ['form-action', "'none'"],
    ['frame-ancestors', "'none'"],
  ])('sets %s to %s', (name, value) => {
    expect(directives.get(name)).toBe(value)
  })

  it('has exactly those ten directives and never allows eval', () => {
    expect(directives.size).toBe(10)
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval')
  })
})

describe('hardenWebContents', () => {
  it('prevents navigation and redirects to a foreign URL', () => {
    const contents = hardened()
    expect(contents.attempt('will-navigate', 'https://evil.example/')).toBe(true)
    expect(contents.attempt('will-navigate', 'file:///etc/passwd')).toBe(true)
    expect(contents.attempt('will-redirect', 'https://evil.example/')).toBe(true)
  })

  it('lets the window navigate within our own app', () => {
    const contents = hardened()
    expect(contents.attempt('will-navigate', 'hookbench-app://bundle/index.html')).toBe(false)
    expect(contents.attempt('will-redirect', 'hookbench-app://bundle/index.html#/inbox')).toBe(false)
  })

  it('refuses to attach a <webview>', () => {
    expect(hardened().attempt('will-attach-webview')).toBe(true)
  })

  it('denies window.open and sends web and mail links to the default application', () => {
    const contents = hardened()
    expect(contents.open('https://docs.example/webhooks')).toEqual({ action: 'deny' })
    expect(contents.open('mailto:team@example.com')).toEqual({ action: 'deny' })
    expect(electron.shell.openExternal.mock.calls).toEqual([
      ['https://docs.example/webhooks'],
      ['mailto:team@example.com'],
    ])
  })

  it('never hands file:, javascript: or our own URLs to the operating system', () => {
    const contents = hardened()
    for (const url of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'hookbench-app://bundle/x',
      'not a url',
    ]) {
      expect(contents.open(url)).toEqual({ action: 'deny' })
    }
    expect(electron.shell.openExternal).not.toHaveBeenCalled()
  })
})

describe('isOpenableExternally', () => {
  it.each([
    ['https://example.com', true],
    ['http://example.com', true],
    ['mailto:a@example.com', true],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['smb://host/share', false],
    ['', false],
  ])('%s → %s', (url, expected) => {
    expect(isOpenableExternally(url)).toBe(expected)
  })
})

describe('hardenSession', () => {
  function hardenedSession() {
    const session = { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() }
    hardenSession(session as unknown as Session)
    const [requestHandler] = session.setPermissionRequestHandler.mock.calls[0] ?? []
    const [checkHandler] = session.setPermissionCheckHandler.mock.calls[0] ?? []
    return { requestHandler, checkHandler }
  }

  it.each(['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read'])(
    'denies a %s permission request',
    (permission) => {
      const { requestHandler } = hardenedSession()
      const callback = vi.fn()
      requestHandler({}, permission, callback, {})
      expect(callback).toHaveBeenCalledExactlyOnceWith(false)
    },
  )

  it('answers every permission check with false', () => {
    const { checkHandler } = hardenedSession()
    expect(checkHandler(null, 'media', 'hookbench-app://bundle', {})).toBe(false)
    expect(checkHandler({}, 'clipboard-read', 'hookbench-app://bundle', {})).toBe(false)
  })
})
