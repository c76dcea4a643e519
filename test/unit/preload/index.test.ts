import { describe, expect, it, vi } from 'vitest'
import { bridgeManifest } from '../../../src/shared/contract/bridge.ts'
import { operationNames } from '../../../src/shared/contract/index.ts'

const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: {
    invoke: vi.fn(async (channel: string, input: unknown) => ({ ok: true, value: { channel, input } })),
    send: vi.fn(),
    on: vi.fn(),
  },
}))
vi.mock('electron', () => electron)
// What electron.vite.config.ts injects into the built preload (checked in live-events.test.ts).
vi.stubGlobal('HOOKBENCH_BRIDGE', bridgeManifest())

await import('../../../src/preload/index.ts')
// Captured right away: what the preload did while loading, before any test runs.
const exposures = [...electron.contextBridge.exposeInMainWorld.mock.calls]
const subscriptions = [...electron.ipcRenderer.on.mock.calls]

function exposed(): { key: string; api: Record<string, unknown> } {
  const [key, api] = exposures.find(([name]) => name === 'api') ?? []
  return { key, api }
}

describe('the preload bridge', () => {
  it('exposes window.api and window.desktop, nothing else', () => {
    expect(exposures.map(([key]) => key).sort()).toEqual(['api', 'desktop'])
  })

  it('exposes window.api with exactly one function per contract operation', () => {
    const { key, api } = exposed()
    expect(key).toBe('api')
    expect(Object.keys(api).sort()).toEqual([...operationNames].sort())
    for (const name of operationNames) expect(api[name]).toBeTypeOf('function')
  })

  it.each(operationNames.map((name) => ({ name })))(
    '$name invokes hookbench:$name with the input and returns main’s answer',
    async ({ name }) => {
      const { api } = exposed()
      const call = api[name] as (input: unknown) => Promise<unknown>
      const input = { marker: name }
      electron.ipcRenderer.invoke.mockClear()
      await expect(call(input)).resolves.toEqual({ ok: true, value: { channel: `hookbench:${name}`, input } })
      expect(electron.ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith(`hookbench:${name}`, input)
    },
  )

  it('does not hand ipcRenderer, or any generic way to reach it, to the page', () => {
    for (const [, bridge] of exposures) {
      for (const value of Object.values(bridge as Record<string, unknown>)) {
        expect(value).not.toBe(electron.ipcRenderer)
        expect(value).not.toBe(electron.ipcRenderer.invoke)
        expect(value).not.toBe(electron.ipcRenderer.on)
      }
      for (const generic of ['invoke', 'send', 'on', 'ipcRenderer'])
        expect(bridge).not.toHaveProperty(generic)
    }
    expect(electron.ipcRenderer.send).not.toHaveBeenCalled()
  })
})

describe('the desktop bridge', () => {
  type Desktop = {
    onMenuAction(callback: (action: unknown) => void): () => void
    onStreamEvent(callback: (event: unknown) => void): () => void
  }
  const desktop = () => exposures.find(([key]) => key === 'desktop')?.[1] as Desktop

  /** What main's webContents.send('hookbench:menu', action) looks like on the preload's side. */
  function fromMain(action: unknown): void {
    const [, listener] = subscriptions.find(([channel]) => channel === 'hookbench:menu') ?? []
    if (typeof listener !== 'function') throw new Error('the preload does not listen for menu actions')
    listener({ sender: 'the IPC event, which must stay in the preload' }, action)
  }

  it('offers onMenuAction and onStreamEvent only, and listens to hookbench:menu and hookbench:stream only', () => {
    expect(Object.keys(desktop())).toEqual(['onMenuAction', 'onStreamEvent'])
    expect(subscriptions.map(([channel]) => channel)).toEqual(['hookbench:menu', 'hookbench:stream'])
  })

  it('delivers actions to subscribers with the payload only, until they unsubscribe', () => {
    const seen: unknown[][] = []
    const unsubscribe = desktop().onMenuAction((...args) => seen.push(args))
    fromMain({ action: 'export-workspace' })
    unsubscribe()
    fromMain({ action: 'import-har' })
    expect(seen).toEqual([[{ action: 'export-workspace' }]])
    // With nobody listening the action was kept for the next subscriber instead.
    const later: unknown[] = []
    desktop().onMenuAction((action) => later.push(action))()
    expect(later).toEqual([{ action: 'import-har' }])
  })

  it('keeps actions that arrive before the page subscribes (a deep link at launch), in order', () => {
    const id = '6bc76399-92dd-42ee-a7fa-20fc355e30bc'
    fromMain({ action: 'open-message', message_id: id })
    fromMain({ action: 'import-workspace' })
    const seen: unknown[] = []
    const unsubscribe = desktop().onMenuAction((action) => seen.push(action))
    expect(seen).toEqual([{ action: 'open-message', message_id: id }, { action: 'import-workspace' }])
    // Delivered once: a second subscriber does not get them again.
    const second: unknown[] = []
    desktop().onMenuAction((action) => second.push(action))()
    expect(second).toEqual([])
    unsubscribe()
  })

  it('keeps at most 20 undelivered actions', () => {
    for (let i = 0; i < 50; i++) fromMain({ action: 'export-workspace' })
    const seen: unknown[] = []
    desktop().onMenuAction((action) => seen.push(action))()
    expect(seen).toHaveLength(20)
  })
})

describe('the live event stream', () => {
  type Desktop = { onStreamEvent(callback: (event: unknown) => void): () => void }
  const desktop = () => exposures.find(([key]) => key === 'desktop')?.[1] as Desktop

  function fromMain(event: unknown): void {
    const [, listener] = subscriptions.find(([channel]) => channel === 'hookbench:stream') ?? []
    if (typeof listener !== 'function') throw new Error('the preload does not listen for stream events')
    listener({ sender: 'the IPC event, which must stay in the preload' }, event)
  }

  it('delivers events to current subscribers with the payload only, and keeps none for later', () => {
    const event = { type: 'requests.deleted', data: { bin_id: null, count: 3 } }
    fromMain(event)
    const seen: unknown[][] = []
    const unsubscribe = desktop().onStreamEvent((...args) => seen.push(args))
    fromMain(event)
    unsubscribe()
    fromMain(event)
    expect(seen).toEqual([[event]])
  })
})
