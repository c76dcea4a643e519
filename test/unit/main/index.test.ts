import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { operationNames } from '../../../src/shared/contract/index.ts'
import type { StreamEvent } from '../../../src/shared/contract/live-events.ts'
import { captureSummaryExample } from '../../helpers/live-event-examples.ts'

/** The parts of Electron the desktop wiring touches, with `app` and windows as real event emitters. */
const electron = await vi.hoisted(async () => {
  const { EventEmitter } = await import('node:events')

  class FakeWebContents extends EventEmitter {
    readonly setWindowOpenHandler = vi.fn()
    readonly send = vi.fn()
    readonly isDestroyed = vi.fn(() => false)
  }

  class FakeBrowserWindow extends EventEmitter {
    static readonly created: FakeBrowserWindow[] = []
    readonly webContents = new FakeWebContents()
    readonly loadURL = vi.fn(async (_url: string) => {})
    readonly show = vi.fn()
    readonly focus = vi.fn()
    readonly restore = vi.fn()
    readonly maximize = vi.fn()
    readonly isVisible = vi.fn(() => true)
    readonly isMinimized = vi.fn(() => false)
    readonly isMaximized = vi.fn(() => false)
    readonly isFullScreen = vi.fn(() => false)
    readonly isDestroyed = vi.fn(() => false)
    readonly getBounds = vi.fn(() => ({ x: 10, y: 20, width: 1000, height: 700 }))
    readonly getNormalBounds = vi.fn(() => ({ x: 10, y: 20, width: 1000, height: 700 }))
    readonly options: Record<string, unknown>
    constructor(options: Record<string, unknown>) {
      super()
      this.options = options
      FakeBrowserWindow.created.push(this)
    }
    /** What Electron does once the page (and so the preload) has loaded. */
    finishLoading(): void {
      this.webContents.emit('did-finish-load')
    }
  }

  class FakeNotification extends EventEmitter {
    static shown: FakeNotification[] = []
    static isSupported = vi.fn(() => true)
    readonly options: { title: string; body: string }
    constructor(options: { title: string; body: string }) {
      super()
      this.options = options
    }
    show(): void {
      FakeNotification.shown.push(this)
    }
  }

  const app = Object.assign(new EventEmitter(), {
    isPackaged: true,
    whenReady: vi.fn(async () => {}),
    getVersion: vi.fn(() => '1.2.3'),
    getPath: vi.fn((name: string) => `/fake/${name}`),
    requestSingleInstanceLock: vi.fn(() => true),
    setAsDefaultProtocolClient: vi.fn(() => true),
    setAboutPanelOptions: vi.fn(),
    showAboutPanel: vi.fn(),
    setAppLogsPath: vi.fn(),
    quit: vi.fn(),
    exit: vi.fn(),
  })

  const display = { workArea: { x: 0, y: 0, width: 1920, height: 1040 } }

  return {
    FakeBrowserWindow,
    FakeNotification,
    app,
    BrowserWindow: FakeBrowserWindow,
    Menu: { buildFromTemplate: vi.fn((template: unknown) => ({ template })), setApplicationMenu: vi.fn() },
    dialog: { showErrorBox: vi.fn() },
    ipcMain: { handle: vi.fn(), removeHandler: vi.fn() },
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    screen: { getAllDisplays: vi.fn(() => [display]), getPrimaryDisplay: vi.fn(() => display) },
    session: { defaultSession: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() } },
    shell: { openExternal: vi.fn(), openPath: vi.fn(async () => '') },
    safeStorage: {
      isEncryptionAvailable: vi.fn(() => true),
      getSelectedStorageBackend: vi.fn(() => 'gnome_libsecret'),
      encryptString: vi.fn((plain: string) => Buffer.from(`enc:${plain}`)),
      decryptString: vi.fn((cipher: Buffer) => cipher.toString().replace(/^enc:/, '')),
    },
    Notification: FakeNotification,
  }
})
vi.mock('electron', () => electron)

const hostModule = vi.hoisted(() => ({ startHost: vi.fn() }))
vi.mock('../../../src/server/host.ts', () => hostModule)

const MESSAGE_ID = '6bc76399-92dd-42ee-a7fa-20fc355e30bc'
const LINK = `hookbench://message/${MESSAGE_ID}`

function fakeHost() {
  let finishStop: () => void = () => {}
  const stop = vi.fn(() => new Promise<void>((resolve) => (finishStop = resolve)))
  const handlers = Object.fromEntries(operationNames.map((name) => [name, vi.fn()]))
  const listeners: Array<(event: StreamEvent) => void> = []
  const events = { subscribe: vi.fn((listener: (event: StreamEvent) => void) => listeners.push(listener)) }
  /** What core's event bus does when a request is captured. */
  const emit = (event: StreamEvent) => {
    for (const listener of listeners) listener(event)
  }
  return { host: { core: { handlers, events }, stop }, finishStop: () => finishStop(), emit }
}

/** Loads src/main/index.ts afresh, as launching the app would, and waits until the window exists. */
async function launch() {
  const { host, finishStop, emit } = fakeHost()
  hostModule.startHost.mockResolvedValue(host)
  const windowsBefore = electron.FakeBrowserWindow.created.length
  await import('../../../src/main/index.ts')
  await vi.waitFor(() => expect(electron.FakeBrowserWindow.created.length).toBe(windowsBefore + 1))
  const window = electron.FakeBrowserWindow.created.at(-1)
  if (!window) throw new Error('no window')
  return { host, finishStop, window, emit }
}

const quitEvent = () => ({ preventDefault: vi.fn() })
const menuSends = (window: InstanceType<typeof electron.FakeBrowserWindow>) =>
  window.webContents.send.mock.calls
    .filter(([channel]) => channel === 'hookbench:menu')
    .map(([, action]) => action)

let userData: string
beforeEach(() => {
  vi.resetModules()
  vi.clearAllMocks()
  electron.app.removeAllListeners()
  electron.app.isPackaged = true
  electron.app.requestSingleInstanceLock.mockReturnValue(true)
  electron.app.whenReady.mockResolvedValue(undefined)
  userData = mkdtempSync(join(tmpdir(), 'hookbench-main-'))
  electron.app.getPath.mockImplementation((name: string) =>
    name === 'userData' ? userData : join(userData, name),
  )
  vi.stubEnv('ELECTRON_RENDERER_URL', 'http://localhost:5173')
})

afterEach(() => {
  vi.unstubAllEnvs()
  vi.restoreAllMocks()
  rmSync(userData, { recursive: true, force: true })
})

describe('desktop startup', () => {
  it('registers the app scheme before the app is ready', async () => {
    electron.app.whenReady.mockReturnValue(new Promise(() => {}))
    await import('../../../src/main/index.ts')
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledOnce()
    expect(hostModule.startHost).not.toHaveBeenCalled()
  })

  it('starts the host with port fallback, serves the renderer, registers every IPC channel, then opens the window', async () => {
    const { host, window } = await launch()
    expect(hostModule.startHost).toHaveBeenCalledExactlyOnceWith({
      mode: 'desktop',
      version: '1.2.3',
      dataDir: userData,
      receiverPort: 8787,
      apiPort: 8788,
      rendererDir: expect.stringMatching(/[/\\]renderer$/),
      portFallback: true,
      secretBox: expect.objectContaining({ kind: 'os-keychain' }),
    })
    expect(electron.session.defaultSession.setPermissionRequestHandler).toHaveBeenCalledOnce()
    expect(electron.protocol.handle).toHaveBeenCalledWith('hookbench-app', expect.any(Function))
    expect(electron.ipcMain.handle.mock.calls.map(([channel]) => channel).sort()).toEqual(
      operationNames.map((name) => `hookbench:${name}`).sort(),
    )
    expect(host.core.handlers.health).not.toHaveBeenCalled()
    expect(window.loadURL).toHaveBeenCalledWith('hookbench-app://bundle/index.html')
  })

  it('installs the application menu', async () => {
    await launch()
    expect(electron.Menu.setApplicationMenu).toHaveBeenCalledOnce()
    const [template] = electron.Menu.buildFromTemplate.mock.calls[0] ?? []
    const labels = (template as Array<{ label?: string; role?: string }>).map(
      (item) => item.label ?? item.role,
    )
    expect(labels).toEqual(expect.arrayContaining(['&File', '&Edit', '&View', '&Help']))
  })

  it('follows the dev server URL only when unpackaged', async () => {
    electron.app.isPackaged = false
    const { window } = await launch()
    expect(window.loadURL).toHaveBeenCalledWith('http://localhost:5173')
  })

  it('tells the user and exits when the host cannot start', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    hostModule.startHost.mockRejectedValue(new Error('listen EADDRINUSE 127.0.0.1:8787'))
    await import('../../../src/main/index.ts')
    await vi.waitFor(() => expect(electron.app.exit).toHaveBeenCalledWith(1))
    expect(electron.dialog.showErrorBox).toHaveBeenCalledWith(
      'Hookbench could not start',
      'listen EADDRINUSE 127.0.0.1:8787',
    )
  })

  it('hands over to the running instance instead of starting a second one', async () => {
    electron.app.requestSingleInstanceLock.mockReturnValue(false)
    await import('../../../src/main/index.ts')
    expect(electron.app.quit).toHaveBeenCalledOnce()
    expect(electron.protocol.registerSchemesAsPrivileged).not.toHaveBeenCalled()
    expect(hostModule.startHost).not.toHaveBeenCalled()
  })
})

describe('window state', () => {
  it('reopens where the window was, pulled back onto a display that is still attached', async () => {
    writeFileSync(
      join(userData, 'window-state.json'),
      JSON.stringify({
        version: 1,
        position: { x: 3000, y: 100 },
        width: 1400,
        height: 900,
        isMaximized: true,
      }),
    )
    const { window } = await launch()
    // Saved on a second monitor that is gone: centred on the only display left.
    expect(window.options).toMatchObject({ x: 260, y: 70, width: 1400, height: 900 })
    window.emit('ready-to-show')
    expect(window.maximize).toHaveBeenCalledOnce()
    expect(window.show).toHaveBeenCalledOnce()
  })

  it('opens at the default size when the saved state is garbage', async () => {
    writeFileSync(join(userData, 'window-state.json'), '{"version":1,"width":"huge"')
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    const { window } = await launch()
    expect(window.options).toMatchObject({ width: 1280, height: 800 })
    expect(window.options).not.toHaveProperty('x')
  })
})

describe('deep links', () => {
  it('registers as the hookbench: handler only when packaged', async () => {
    await launch()
    expect(electron.app.setAsDefaultProtocolClient).toHaveBeenCalledExactlyOnceWith('hookbench')
    vi.resetModules()
    electron.app.setAsDefaultProtocolClient.mockClear()
    electron.app.removeAllListeners()
    electron.app.isPackaged = false
    await launch()
    expect(electron.app.setAsDefaultProtocolClient).not.toHaveBeenCalled()
  })

  it('opens the message of a link macOS delivers before the app is ready, once the page has loaded', async () => {
    let ready: () => void = () => {}
    electron.app.whenReady.mockReturnValue(new Promise<void>((resolve) => (ready = resolve)))
    const { host } = fakeHost()
    hostModule.startHost.mockResolvedValue(host)
    await import('../../../src/main/index.ts')
    const event = { preventDefault: vi.fn() }
    electron.app.emit('open-url', event, LINK)
    expect(event.preventDefault).toHaveBeenCalledOnce()

    ready()
    await vi.waitFor(() => expect(electron.FakeBrowserWindow.created.at(-1)?.loadURL).toHaveBeenCalled())
    const window = electron.FakeBrowserWindow.created.at(-1)
    if (!window) throw new Error('no window')
    expect(menuSends(window)).toEqual([])
    window.finishLoading()
    expect(menuSends(window)).toEqual([{ action: 'open-message', message_id: MESSAGE_ID }])
  })

  it('opens the message of a link a second launch passes on Windows and Linux, and focuses the window', async () => {
    const { window } = await launch()
    window.finishLoading()
    window.isMinimized.mockReturnValue(true)
    electron.app.emit(
      'second-instance',
      {},
      ['C:\\Hookbench\\Hookbench.exe', '--allow-file-access', LINK],
      '',
    )
    expect(window.restore).toHaveBeenCalledOnce()
    expect(window.focus).toHaveBeenCalledOnce()
    expect(menuSends(window)).toEqual([{ action: 'open-message', message_id: MESSAGE_ID }])
  })

  it('opens the message of the link the app was launched with', async () => {
    const argv = process.argv
    process.argv = ['/opt/Hookbench/hookbench', '--no-sandbox', LINK]
    try {
      const { window } = await launch()
      window.finishLoading()
      expect(menuSends(window)).toEqual([{ action: 'open-message', message_id: MESSAGE_ID }])
    } finally {
      process.argv = argv
    }
  })

  it.each([
    'hookbench://message/../../settings',
    `hookbench://message/${MESSAGE_ID}?then=https://evil.example`,
    `hookbench://evil.example/message/${MESSAGE_ID}`,
    'hookbench://message/%36bc76399-92dd-42ee-a7fa-20fc355e30bc',
  ])('only focuses the window for %s', async (url) => {
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    const { window } = await launch()
    window.finishLoading()
    electron.app.emit('open-url', { preventDefault: vi.fn() }, url)
    electron.app.emit('second-instance', {}, ['hookbench', url], '')
    expect(menuSends(window)).toEqual([])
    expect(window.focus).toHaveBeenCalledTimes(2)
  })

  it('a plain second launch just brings the window forward', async () => {
    const { window } = await launch()
    electron.app.emit('second-instance', {}, ['hookbench'], '')
    expect(window.focus).toHaveBeenCalledOnce()
    expect(window.restore).not.toHaveBeenCalled()
  })
})

describe('quitting', () => {
  it('holds the quit until the host has stopped and the window state is saved, then quits for real', async () => {
    const { host, finishStop } = await launch()
    const first = quitEvent()
    electron.app.emit('before-quit', first)
    expect(first.preventDefault).toHaveBeenCalledOnce()
    expect(host.stop).toHaveBeenCalledOnce()
    expect(electron.app.quit).not.toHaveBeenCalled()

    // A second quit request while stopping waits too, without stopping twice.
    const impatient = quitEvent()
    electron.app.emit('before-quit', impatient)
    expect(impatient.preventDefault).toHaveBeenCalledOnce()
    expect(host.stop).toHaveBeenCalledOnce()

    finishStop()
    await vi.waitFor(() => expect(electron.app.quit).toHaveBeenCalledOnce())
    const final = quitEvent()
    electron.app.emit('before-quit', final)
    expect(final.preventDefault).not.toHaveBeenCalled()
  })

  it('saves the window state before quitting', async () => {
    const { finishStop, window } = await launch()
    window.emit('move')
    electron.app.emit('before-quit', quitEvent())
    finishStop()
    await vi.waitFor(() => expect(electron.app.quit).toHaveBeenCalledOnce())
    expect(JSON.parse(readFileSync(join(userData, 'window-state.json'), 'utf8'))).toEqual({
      version: 1,
      position: { x: 10, y: 20 },
      width: 1000,
      height: 700,
      isMaximized: false,
    })
  })

  it('still quits when stopping the host fails', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    const { host } = await launch()
    host.stop.mockRejectedValueOnce(new Error('disk gone'))
    electron.app.emit('before-quit', quitEvent())
    await vi.waitFor(() => expect(electron.app.quit).toHaveBeenCalledOnce())
  })

  it('quits when the last window closes, except on macOS', async () => {
    await launch()
    const platform = Object.getOwnPropertyDescriptor(process, 'platform')
    try {
      Object.defineProperty(process, 'platform', { value: 'darwin' })
      electron.app.emit('window-all-closed')
      expect(electron.app.quit).not.toHaveBeenCalled()
      Object.defineProperty(process, 'platform', { value: 'linux' })
      electron.app.emit('window-all-closed')
      expect(electron.app.quit).toHaveBeenCalledOnce()
    } finally {
      if (platform) Object.defineProperty(process, 'platform', platform)
    }
  })
})

describe('live events', () => {
  const summary = captureSummaryExample
  const streamSends = (window: InstanceType<typeof electron.FakeBrowserWindow>) =>
    window.webContents.send.mock.calls
      .filter(([channel]) => channel === 'hookbench:stream')
      .map(([, event]) => event)

  it("forwards core's events to the loaded window on hookbench:stream, and drops invalid ones", async () => {
    const errorLog = vi.spyOn(console, 'error').mockImplementation(() => {})
    const { window, emit } = await launch()
    emit({ type: 'request.received', data: summary })
    expect(streamSends(window)).toEqual([]) // not loaded yet: nothing is queued for it
    window.finishLoading()
    emit({ type: 'request.received', data: summary })
    emit({ type: 'request.received', data: { ...summary, size: 'big' } } as unknown as StreamEvent)
    expect(streamSends(window)).toEqual([{ type: 'request.received', data: summary }])
    expect(errorLog).toHaveBeenCalledOnce()
  })
})

describe('secrets and notifications', () => {
  it('keeps secrets in the OS keychain when there is one', async () => {
    await launch()
    const options = hostModule.startHost.mock.calls.at(-1)?.[0] as {
      secretBox?: { kind: string; seal(p: string): string; open(s: string): string }
    }
    expect(options.secretBox?.kind).toBe('os-keychain')
    const sealed = options.secretBox?.seal('pw') as string
    expect(sealed.startsWith('hbos1:')).toBe(true)
    expect(options.secretBox?.open(sealed)).toBe('pw')
  })

  it('falls back to the key file, saying so, when Linux offers only basic_text', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    electron.safeStorage.getSelectedStorageBackend.mockReturnValueOnce('basic_text')
    const platform = Object.getOwnPropertyDescriptor(process, 'platform')
    Object.defineProperty(process, 'platform', { value: 'linux' })
    try {
      await launch()
    } finally {
      if (platform) Object.defineProperty(process, 'platform', platform)
    }
    const options = hostModule.startHost.mock.calls.at(-1)?.[0] as { secretBox?: unknown }
    expect(options.secretBox).toBeUndefined()
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('secrets.key'))
  })

  it('notifies when delivery disables a subscription or gives up on a message, if the setting is on', async () => {
    const { host, emit } = await launch()
    const settings = host.core.handlers.getSettings as ReturnType<typeof vi.fn>
    settings.mockResolvedValue({ notifications: true })
    const before = electron.FakeNotification.shown.length
    emit({
      type: 'subscription.disabled',
      data: { subscription_id: 's1', name: 'Orders', reason: 'the endpoint answered 410 Gone' },
    })
    await vi.waitFor(() => expect(electron.FakeNotification.shown.length).toBe(before + 1))
    expect(electron.FakeNotification.shown.at(-1)?.options).toEqual({
      title: 'Subscription disabled: Orders',
      body: 'the endpoint answered 410 Gone',
    })

    settings.mockResolvedValue({ notifications: false })
    emit({ type: 'subscription.disabled', data: { subscription_id: 's1', name: 'Orders', reason: 'x' } })
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(electron.FakeNotification.shown.length).toBe(before + 1)
  })
})
