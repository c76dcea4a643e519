import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { operationNames } from '../../../src/shared/contract/index.ts'

/** The parts of Electron the desktop wiring touches, with `app` as a real event emitter. */
const electron = await vi.hoisted(async () => {
  const { EventEmitter } = await import('node:events')

  class FakeBrowserWindow extends EventEmitter {
    static readonly created: FakeBrowserWindow[] = []
    readonly webContents = Object.assign(new EventEmitter(), { setWindowOpenHandler: vi.fn() })
    readonly loadURL = vi.fn(async (_url: string) => {})
    readonly show = vi.fn()
    constructor() {
      super()
      FakeBrowserWindow.created.push(this)
    }
  }

  const app = Object.assign(new EventEmitter(), {
    isPackaged: true,
    whenReady: vi.fn(async () => {}),
    getVersion: vi.fn(() => '1.2.3'),
    getPath: vi.fn((name: string) => `/fake/${name}`),
    requestSingleInstanceLock: vi.fn(() => true),
    quit: vi.fn(),
    exit: vi.fn(),
  })

  return {
    FakeBrowserWindow,
    app,
    BrowserWindow: FakeBrowserWindow,
    dialog: { showErrorBox: vi.fn() },
    ipcMain: { handle: vi.fn(), removeHandler: vi.fn() },
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    session: { defaultSession: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() } },
    shell: { openExternal: vi.fn() },
  }
})
vi.mock('electron', () => electron)

const hostModule = vi.hoisted(() => ({ startHost: vi.fn() }))
vi.mock('../../../src/main/host/start.ts', () => hostModule)

function fakeHost() {
  let finishStop: () => void = () => {}
  const stop = vi.fn(() => new Promise<void>((resolve) => (finishStop = resolve)))
  const handlers = { health: vi.fn(), listEventTypes: vi.fn() }
  return { host: { core: { handlers }, stop }, finishStop: () => finishStop() }
}

/** Loads src/main/index.ts afresh, as launching the app would, and waits until the window exists. */
async function launch() {
  const { host, finishStop } = fakeHost()
  hostModule.startHost.mockResolvedValue(host)
  const windowsBefore = electron.FakeBrowserWindow.created.length
  await import('../../../src/main/index.ts')
  await vi.waitFor(() => expect(electron.FakeBrowserWindow.created.length).toBe(windowsBefore + 1))
  const window = electron.FakeBrowserWindow.created.at(-1)
  return { host, finishStop, window }
}

const quitEvent = () => ({ preventDefault: vi.fn() })

beforeEach(() => {
  vi.resetModules()
  vi.clearAllMocks()
  electron.app.removeAllListeners()
  electron.app.isPackaged = true
  electron.app.requestSingleInstanceLock.mockReturnValue(true)
  electron.app.whenReady.mockResolvedValue(undefined)
  vi.stubEnv('ELECTRON_RENDERER_URL', 'http://localhost:5173')
})

afterEach(() => {
  vi.unstubAllEnvs()
  vi.restoreAllMocks()
})

describe('desktop startup', () => {
  it('registers the app scheme before the app is ready', async () => {
    electron.app.whenReady.mockReturnValue(new Promise(() => {}))
    await import('../../../src/main/index.ts')
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledOnce()
    expect(hostModule.startHost).not.toHaveBeenCalled()
  })

  it('starts the host, serves the renderer, registers every IPC channel, then opens the window', async () => {
    const { host, window } = await launch()
    expect(hostModule.startHost).toHaveBeenCalledExactlyOnceWith({
      mode: 'desktop',
      version: '1.2.3',
      dataDir: '/fake/userData',
      receiverPort: 8787,
      apiPort: 8788,
      rendererDir: expect.stringMatching(/[/\\]renderer$/),
    })
    expect(electron.session.defaultSession.setPermissionRequestHandler).toHaveBeenCalledOnce()
    expect(electron.protocol.handle).toHaveBeenCalledWith('hookbench-app', expect.any(Function))
    expect(electron.ipcMain.handle.mock.calls.map(([channel]) => channel).sort()).toEqual(
      operationNames.map((name) => `hookbench:${name}`).sort(),
    )
    expect(host.core.handlers.health).not.toHaveBeenCalled()
    expect(window?.loadURL).toHaveBeenCalledWith('hookbench-app://bundle/index.html')
  })

  it('follows the dev server URL only when unpackaged', async () => {
    electron.app.isPackaged = false
    const { window } = await launch()
    expect(window?.loadURL).toHaveBeenCalledWith('http://localhost:5173')
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

describe('quitting', () => {
  it('holds the quit until the host has stopped, then quits for real', async () => {
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
