import { contextBridge, ipcRenderer } from 'electron'
import type { PreloadApi, PreloadApiKey } from '../shared/contract/bridge.ts'
import type { IPC_PREFIX, OperationInput, OperationName, OperationOutput } from '../shared/contract/index.ts'
import type { IpcResult } from '../shared/contract/ipc.ts'

// The preload may import only types from src/shared (lint/preload-imports.grit), so the prefix is
// restated here; its type pins it to the contract's value.
const CHANNEL_PREFIX: typeof IPC_PREFIX = 'hookbench:'
const API_KEY: PreloadApiKey = 'api'

function invoke<K extends OperationName>(
  name: K,
  input: OperationInput<K>,
): Promise<IpcResult<OperationOutput<K>>> {
  return ipcRenderer.invoke(CHANNEL_PREFIX + name, input)
}

/**
 * One named function per operation, never ipcRenderer or a generic invoke, so the page can reach
 * exactly the contract and nothing else. Typed as PreloadApi: a missing or unknown operation is a
 * compile error.
 */
const api: PreloadApi = {
  health: (input) => invoke('health', input),
  listEventTypes: (input) => invoke('listEventTypes', input),
}

contextBridge.exposeInMainWorld(API_KEY, api)
