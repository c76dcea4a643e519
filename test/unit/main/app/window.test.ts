import { isAbsolute } from 'node:path'
import { describe, expect, it, vi } from 'vitest'

const electron = vi.hoisted(() => {
  type Listener = (...args: unknown[]) => void

  /** Records listeners per event name, like an EventEmitter, without needing Node inside vi.hoisted. */
  class Emitter {
    readonly listeners = new Map<string, Listener[]>()
    on(name: string, listener: Listener): this {
      this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener])
      return this
    }
    once(name: string, listener: Listener): this {
      const wrapped: Listener = (...args) => {
        this.listeners.set(
          name,
          (this.listeners.get(name) ?? []).filter((l) => l !== wrapped),
        )
        listener(...args)
      }
      return this.on(name, wrapped)
    }
    emit(name: string, ...args: unknown[]): void {
      for (const listener of this.listeners.get(name) ?? []) listener(...args)
    }
  }

  class FakeWebContents extends Emitter {
    windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null
    setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
      this.windowOpenHandler = handler
    }
  }

  class FakeBrowserWindow extends Emitter {
    static readonly created: FakeBrowserWindow[] = []
    /** Set by a test to make the next page load fail, as a missing bundle would. */
    static nextLoadError: Error | null = null
    readonly webContents = new FakeWebContents()
    readonly show = vi.fn()
    readonly maximize = vi.fn()
    readonly loadURL = vi.fn(async (_url: string) => {
      const error = FakeBrowserWindow.nextLoadError
      FakeBrowserWindow.nextLoadError = null
      if (error) throw error
    })
    readonly options: Record<string, unknown>
    constructor(options: Record<string, unknown>) {
      super()
      this.options = options
      FakeBrowserWindow.created.push(this)
    }
  }

  return {
    FakeBrowserWindow,
    BrowserWindow: FakeBrowserWindow,
    shell: { openExternal: vi.fn(async () => {}) },
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
  }
})
vi.mock('electron', () => electron)

const { createMainWindow } = await import('../../../../src/main/app/window.ts')
const { appUrlCheck } = await import('../../../../src/main/app/protocol.ts')

const APP_URL = 'hookbench-app://bundle/index.html'

function open() {
  const before = electron.FakeBrowserWindow.created.length
  createMainWindow({ url: APP_URL, isAppUrl: appUrlCheck(undefined) })
  const window = electron.FakeBrowserWindow.created[before]
  if (!window) throw new Error('createMainWindow did not create a BrowserWindow')
  return window
}

describe('createMainWindow', () => {
  it('creates a hidden 1280×800 window titled Hookbench, at least 900×600', () => {
    expect(open().options).toMatchObject({
      width: 1280,
      height: 800,
      minWidth: 900,
      minHeight: 600,
      show: false,
      title: 'Hookbench',
    })
  })

  it('uses the secure web preferences with the built CommonJS preload', () => {
    const preferences = open().options.webPreferences as Record<string, unknown>
    expect(preferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    })
    const preload = String(preferences.preload)
    expect(isAbsolute(preload)).toBe(true)
    expect(preload).toMatch(/[/\\]preload[/\\]index\.cjs$/)
  })

  it('opens where the saved window state says, and maximises before showing when it was maximised', () => {
    const before = electron.FakeBrowserWindow.created.length
    createMainWindow({
      url: APP_URL,
      isAppUrl: appUrlCheck(undefined),
      placement: { position: { x: -1500, y: 40 }, width: 1400, height: 900, isMaximized: true },
    })
    const window = electron.FakeBrowserWindow.created[before]
    expect(window?.options).toMatchObject({ x: -1500, y: 40, width: 1400, height: 900, minWidth: 900 })
    window?.emit('ready-to-show')
    expect(window?.maximize).toHaveBeenCalledOnce()
    expect(window?.show).toHaveBeenCalledOnce()
  })

  it('leaves an unplaced window to the OS to centre, and does not maximise it', () => {
    const window = open()
    expect(window.options).not.toHaveProperty('x')
    expect(window.options).not.toHaveProperty('y')
    window.emit('ready-to-show')
    expect(window.maximize).not.toHaveBeenCalled()
  })

  it('loads the app URL', () => {
    expect(open().loadURL).toHaveBeenCalledExactlyOnceWith(APP_URL)
  })

  it('shows the window only once it is ready to show', () => {
    const window = open()
    expect(window.show).not.toHaveBeenCalled()
    window.emit('ready-to-show')
    expect(window.show).toHaveBeenCalledOnce()
  })

  it('hardens its web contents: foreign navigation is prevented and window.open denied', () => {
    const { webContents } = open()
    const foreign = { url: 'https://evil.example/', preventDefault: vi.fn() }
    const own = { url: APP_URL, preventDefault: vi.fn() }
    webContents.emit('will-navigate', foreign)
    webContents.emit('will-navigate', own)
    expect(foreign.preventDefault).toHaveBeenCalled()
    expect(own.preventDefault).not.toHaveBeenCalled()
    expect(webContents.windowOpenHandler?.({ url: 'https://example.com' })).toEqual({ action: 'deny' })
  })

  it('logs instead of crashing when the page fails to load', async () => {
    const errorLog = vi.spyOn(console, 'error').mockImplementation(() => {})
    const failure = new Error('ERR_FILE_NOT_FOUND')
    electron.FakeBrowserWindow.nextLoadError = failure
    try {
      open()
      await vi.waitFor(() => expect(errorLog).toHaveBeenCalledWith(expect.stringContaining(APP_URL), failure))
    } finally {
      errorLog.mockRestore()
    }
  })
})
