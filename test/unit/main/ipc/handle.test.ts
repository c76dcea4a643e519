import type { BrowserWindow, IpcMain, IpcMainInvokeEvent } from 'electron'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { type Handlers, type Health, operationNames } from '../../../../src/shared/contract/index.ts'
import type { IpcResult } from '../../../../src/shared/contract/ipc.ts'
import { HookbenchError } from '../../../../src/shared/errors.ts'

const electron = vi.hoisted(() => ({
  ipcMain: { handle: vi.fn(), removeHandler: vi.fn() },
  protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
  shell: { openExternal: vi.fn() },
}))
vi.mock('electron', () => electron)

const { createSenderCheck, registerContractHandlers, registerIpcHandlers } = await import(
  '../../../../src/main/ipc/handle.ts'
)
const { appUrlCheck } = await import('../../../../src/main/app/protocol.ts')

type Listener = (event: IpcMainInvokeEvent, input?: unknown) => Promise<IpcResult<unknown>>

const HEALTH: Health = {
  status: 'ok',
  name: 'hookbench',
  version: '0.1.0',
  mode: 'desktop',
  started_at: '2025-01-01T00:00:00.000Z',
  receiver_url: 'http://127.0.0.1:8787',
  api_url: null,
  data_dir: '/data',
}

/** An ipcMain stand-in that keeps what was registered, so tests can call channels directly. */
function fakeIpcMain() {
  const channels = new Map<string, Listener>()
  const ipc = {
    handle: vi.fn((channel: string, listener: Listener) => {
      if (channels.has(channel)) throw new Error(`second handler for ${channel}`)
      channels.set(channel, listener)
    }),
    removeHandler: vi.fn((channel: string) => channels.delete(channel)),
  }
  const call = (channel: string, input?: unknown): Promise<IpcResult<unknown>> => {
    const listener = channels.get(channel)
    if (!listener) throw new Error(`no handler for ${channel}`)
    return listener({} as IpcMainInvokeEvent, input)
  }
  return { ipc: ipc as unknown as IpcMain, channels, call }
}

/** health and listEventTypes answer; every other operation fails loudly if a test reaches it. */
function fakeHandlers() {
  const unused = Object.fromEntries(
    operationNames.map((name) => [
      name,
      vi.fn(async () => Promise.reject(new Error(`${name} is not used here`))),
    ]),
  ) as unknown as Handlers
  return {
    ...unused,
    health: vi.fn(async () => HEALTH),
    listEventTypes: vi.fn(async () => ({ profiles: [] })),
  } satisfies Handlers
}

let errorLog: ReturnType<typeof vi.spyOn>
beforeEach(() => {
  errorLog = vi.spyOn(console, 'error').mockImplementation(() => {})
  vi.spyOn(console, 'warn').mockImplementation(() => {})
})
afterEach(() => {
  vi.restoreAllMocks()
})

describe('registerContractHandlers', () => {
  it('registers exactly one hookbench: channel per contract operation', () => {
    const { ipc, channels } = fakeIpcMain()
    registerContractHandlers(ipc, fakeHandlers(), () => true)
    expect([...channels.keys()].sort()).toEqual(operationNames.map((name) => `hookbench:${name}`).sort())
    expect(ipc.handle).toHaveBeenCalledTimes(operationNames.length)
  })

  it('removes its channels again when disposed', () => {
    const { ipc, channels } = fakeIpcMain()
    const dispose = registerContractHandlers(ipc, fakeHandlers(), () => true)
    dispose()
    expect(channels.size).toBe(0)
  })

  it('refuses an untrusted sender without calling the handler', async () => {
    const { ipc, call } = fakeIpcMain()
    const handlers = fakeHandlers()
    registerContractHandlers(ipc, handlers, () => false)
    const result = await call('hookbench:health', {})
    expect(result).toEqual({ ok: false, error: { code: 'forbidden', message: expect.any(String) } })
    expect(handlers.health).not.toHaveBeenCalled()
  })

  it('rejects invalid input with bad_request and does not call the handler', async () => {
    const { ipc, call } = fakeIpcMain()
    const handlers = fakeHandlers()
    registerContractHandlers(ipc, handlers, () => true)
    const result = await call('hookbench:health', { unexpected: true })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.code).toBe('bad_request')
    expect(result.error.details).toMatchObject({ issues: expect.any(Array) })
    expect(handlers.health).not.toHaveBeenCalled()
  })

  it('answers {ok:true, value} with what the handler returned', async () => {
    const { ipc, call } = fakeIpcMain()
    const handlers = fakeHandlers()
    registerContractHandlers(ipc, handlers, () => true)
    expect(await call('hookbench:health', {})).toEqual({ ok: true, value: HEALTH })
    expect(await call('hookbench:listEventTypes', {})).toEqual({ ok: true, value: { profiles: [] } })
  })

  it('treats a missing input as an empty object', async () => {
    const { ipc, call } = fakeIpcMain()
    const handlers = fakeHandlers()
    registerContractHandlers(ipc, handlers, () => true)
    expect(await call('hookbench:health')).toEqual({ ok: true, value: HEALTH })
    expect(handlers.health).toHaveBeenCalledWith({})
  })

  it('maps a thrown HookbenchError to its code and message', async () => {
    const { ipc, call } = fakeIpcMain()
    const handlers = fakeHandlers()
    handlers.health.mockRejectedValue(new HookbenchError('not_found', 'No such subscription.'))
    registerContractHandlers(ipc, handlers, () => true)
    expect(await call('hookbench:health', {})).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'No such subscription.' },
    })
    expect(errorLog).not.toHaveBeenCalled()
  })

  it('maps an unexpected error to internal, logs it and leaks neither message nor stack', async () => {
    const { ipc, call } = fakeIpcMain()
    const handlers = fakeHandlers()
    const secret = new Error('EACCES: /home/alice/.config/hookbench/secret.json')
    handlers.health.mockRejectedValue(secret)
    registerContractHandlers(ipc, handlers, () => true)
    const result = await call('hookbench:health', {})
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.code).toBe('internal')
    expect(JSON.stringify(result)).not.toContain('alice')
    expect(JSON.stringify(result)).not.toContain('at ')
    expect(errorLog).toHaveBeenCalledWith(expect.stringContaining('health'), secret)
  })

  it('registerIpcHandlers registers on Electron’s own ipcMain', () => {
    registerIpcHandlers(fakeHandlers(), () => true)
    expect(electron.ipcMain.handle.mock.calls.map(([channel]) => channel).sort()).toEqual(
      operationNames.map((name) => `hookbench:${name}`).sort(),
    )
  })
})

describe('createSenderCheck', () => {
  const APP_URL = 'hookbench-app://bundle/index.html'

  function scene(frameUrl = APP_URL) {
    const mainFrame = { url: frameUrl }
    const webContents = { mainFrame }
    const window = { webContents, isDestroyed: () => false }
    const event = { sender: webContents, senderFrame: mainFrame }
    return { window, webContents, mainFrame, event }
  }
  const check = (window: unknown, event: unknown) =>
    createSenderCheck(
      () => window as BrowserWindow | null,
      appUrlCheck(undefined),
    )(event as IpcMainInvokeEvent)

  it('trusts the main frame of our window showing our app', () => {
    const { window, event } = scene()
    expect(check(window, event)).toBe(true)
  })

  it('refuses a call without a sender frame', () => {
    const { window, event } = scene()
    expect(check(window, { ...event, senderFrame: null })).toBe(false)
  })

  it('refuses a sub-frame of our window', () => {
    const { window, event } = scene()
    expect(check(window, { ...event, senderFrame: { url: APP_URL } })).toBe(false)
  })

  it('refuses another webContents', () => {
    const { window } = scene()
    const other = scene()
    expect(check(window, other.event)).toBe(false)
  })

  it('refuses our window once it shows a foreign page', () => {
    const { window, event } = scene('https://evil.example/')
    expect(check(window, event)).toBe(false)
  })

  it('refuses when there is no main window or it was destroyed', () => {
    const { window, event } = scene()
    expect(check(null, event)).toBe(false)
    expect(check({ ...window, isDestroyed: () => true }, event)).toBe(false)
  })

  it('refuses a frame that was disposed mid-call', () => {
    const { window } = scene()
    const disposed = {
      get url(): string {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed')
      },
    }
    window.webContents.mainFrame = disposed as { url: string }
    expect(check(window, { sender: window.webContents, senderFrame: disposed })).toBe(false)
  })
})
