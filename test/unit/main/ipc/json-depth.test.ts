import type { IpcMain, IpcMainInvokeEvent } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import { type Handlers, operationNames } from '../../../../src/shared/contract/index.ts'
import type { IpcResult } from '../../../../src/shared/contract/ipc.ts'
import { MAX_JSON_DEPTH } from '../../../../src/shared/json-depth.ts'

vi.mock('electron', () => ({ ipcMain: { handle: vi.fn(), removeHandler: vi.fn() } }))
const { registerContractHandlers } = await import('../../../../src/main/ipc/handle.ts')

type Listener = (event: IpcMainInvokeEvent, input?: unknown) => Promise<IpcResult<unknown>>

/** `depth` nested objects around 1, built in a loop. */
function nested(depth: number): unknown {
  let value: unknown = 1
  for (let i = 0; i < depth; i++) value = { a: value }
  return value
}

/** The IPC channels with every handler a spy answering an empty send. */
function channels() {
  const registered = new Map<string, Listener>()
  const ipc = {
    handle: (channel: string, listener: Listener) => registered.set(channel, listener),
    removeHandler: (channel: string) => registered.delete(channel),
  } as unknown as IpcMain
  const handlers = Object.fromEntries(
    operationNames.map((name) => [name, vi.fn(async () => ({ event_id: 'e', messages: [] }))]),
  ) as unknown as Handlers
  registerContractHandlers(ipc, handlers, () => true)
  const call = (name: string, input: unknown) =>
    (registered.get(`hookbench:${name}`) as Listener)({} as IpcMainInvokeEvent, input)
  return { call, handlers }
}

describe('IPC: JSON nesting', () => {
  it('answers bad_request naming the limit for input nested too deep, without calling the handler', async () => {
    const { call, handlers } = channels()
    // The input object is one level, so data may nest MAX_JSON_DEPTH - 1 more.
    const result = await call('sendEvent', { topic: 'a.b', data: nested(MAX_JSON_DEPTH) })
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'bad_request',
        message: expect.stringContaining(`more than ${MAX_JSON_DEPTH} levels deep (under "data")`),
        details: { issues: [{ path: 'data', message: expect.any(String) }] },
      },
    })
    expect(handlers.sendEvent).not.toHaveBeenCalled()

    expect(await call('sendEvent', { topic: 'a.b', data: nested(MAX_JSON_DEPTH - 1) })).toMatchObject({
      ok: true,
    })
    expect(handlers.sendEvent).toHaveBeenCalledTimes(1)
  })

  it('answers bad_request (not internal) for input deep enough to overflow zod', async () => {
    const { call, handlers } = channels()
    const result = await call('sendEvent', { topic: 'a.b', data: nested(50_000) })
    expect(result).toMatchObject({ ok: false, error: { code: 'bad_request' } })
    expect(handlers.sendEvent).not.toHaveBeenCalled()
  })
})
