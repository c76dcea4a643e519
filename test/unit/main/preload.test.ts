import { describe, expect, it, vi } from 'vitest'
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

await import('../../../src/preload/index.ts')
// Captured right away: what the preload did while loading, before any test runs.
const exposures = [...electron.contextBridge.exposeInMainWorld.mock.calls]

function exposed(): { key: string; api: Record<string, unknown> } {
  expect(exposures).toHaveLength(1)
  const [key, api] = exposures[0] ?? []
  return { key, api }
}

describe('the preload bridge', () => {
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
    const { api } = exposed()
    for (const value of Object.values(api)) {
      expect(value).not.toBe(electron.ipcRenderer)
      expect(value).not.toBe(electron.ipcRenderer.invoke)
    }
    for (const generic of ['invoke', 'send', 'on', 'ipcRenderer']) expect(api).not.toHaveProperty(generic)
    expect(electron.ipcRenderer.send).not.toHaveBeenCalled()
    expect(electron.ipcRenderer.on).not.toHaveBeenCalled()
  })
})
