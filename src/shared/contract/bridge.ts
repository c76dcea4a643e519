import type { OperationInput, OperationName, OperationOutput } from './index.ts'
import type { IpcResult } from './ipc.ts'

/**
 * What the preload exposes as `window.api`: one named function per contract operation, each
 * answering an IpcResult envelope (main never throws across IPC). The renderer imports this type
 * only; the preload implements it, so a new operation fails to compile until it is bridged.
 */
export type PreloadApi = {
  [K in OperationName]: (input: OperationInput<K>) => Promise<IpcResult<OperationOutput<K>>>
}

/** The key under which the preload exposes the bridge on `window`. */
export type PreloadApiKey = 'api'
