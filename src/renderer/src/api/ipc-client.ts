import type { PreloadApi } from '../../../shared/contract/bridge.ts'
import { type Api, type OperationName, operationNames } from '../../../shared/contract/index.ts'
import type { IpcResult } from '../../../shared/contract/ipc.ts'
import { ApiError } from './api-error.ts'

/**
 * The desktop transport: the preload bridge answers an IpcResult envelope for every operation
 * (main never throws across IPC); unwrap it and throw an ApiError on `{ok:false}`.
 */
export function createIpcApi(bridge: PreloadApi): Api {
  const call = async (name: OperationName, input: unknown): Promise<unknown> => {
    const invoke = bridge[name] as (input: unknown) => Promise<IpcResult<unknown>>
    let result: IpcResult<unknown>
    try {
      result = await invoke(input)
    } catch (error) {
      // Only a broken bridge rejects (Electron flattens the error to its message).
      const message = error instanceof Error ? error.message : String(error)
      throw new ApiError('internal', `The Hookbench main process did not answer "${name}": ${message}`)
    }
    if (result.ok) return result.value
    throw ApiError.fromBody(result.error)
  }
  return Object.fromEntries(
    operationNames.map((name) => [name, (input: unknown) => call(name, input)]),
  ) as Api
}
