import { contextBridge, ipcRenderer } from 'electron'
import type {
  DesktopBridge,
  DesktopBridgeKey,
  MENU_ACTION_CHANNEL,
  MenuAction,
  PreloadApi,
  PreloadApiKey,
  STREAM_EVENT_CHANNEL,
} from '../shared/contract/bridge.ts'
import type { IPC_PREFIX, OperationInput, OperationName, OperationOutput } from '../shared/contract/index.ts'
import type { IpcResult } from '../shared/contract/ipc.ts'
import type { StreamEvent } from '../shared/stream.ts'

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
  getSettings: (input) => invoke('getSettings', input),
  updateSettings: (input) => invoke('updateSettings', input),
  getStorageStats: (input) => invoke('getStorageStats', input),
  exportWorkspace: (input) => invoke('exportWorkspace', input),
  importWorkspace: (input) => invoke('importWorkspace', input),
  listAuthConfigs: (input) => invoke('listAuthConfigs', input),
  createAuthConfig: (input) => invoke('createAuthConfig', input),
  getAuthConfig: (input) => invoke('getAuthConfig', input),
  updateAuthConfig: (input) => invoke('updateAuthConfig', input),
  deleteAuthConfig: (input) => invoke('deleteAuthConfig', input),
  testAuthConfig: (input) => invoke('testAuthConfig', input),
  listSubscriptions: (input) => invoke('listSubscriptions', input),
  createSubscription: (input) => invoke('createSubscription', input),
  getSubscription: (input) => invoke('getSubscription', input),
  replaceSubscription: (input) => invoke('replaceSubscription', input),
  patchSubscription: (input) => invoke('patchSubscription', input),
  deleteSubscription: (input) => invoke('deleteSubscription', input),
  rotateSigningSecret: (input) => invoke('rotateSigningSecret', input),
  sendEvent: (input) => invoke('sendEvent', input),
  listMessages: (input) => invoke('listMessages', input),
  getMessage: (input) => invoke('getMessage', input),
  replayMessage: (input) => invoke('replayMessage', input),
  getAttemptCurl: (input) => invoke('getAttemptCurl', input),
  // ---- receiver: bins and captured requests (issue 5)
  listBins: (input) => invoke('listBins', input),
  createBin: (input) => invoke('createBin', input),
  getBin: (input) => invoke('getBin', input),
  updateBin: (input) => invoke('updateBin', input),
  deleteBin: (input) => invoke('deleteBin', input),
  listRequests: (input) => invoke('listRequests', input),
  deleteRequests: (input) => invoke('deleteRequests', input),
  exportHar: (input) => invoke('exportHar', input),
  importHar: (input) => invoke('importHar', input),
  getRequest: (input) => invoke('getRequest', input),
  replayRequest: (input) => invoke('replayRequest', input),
  exportRequestCurl: (input) => invoke('exportRequestCurl', input),
  // ---- mock OAuth2 server and emulator clients (issue 5)
  listOAuthClients: (input) => invoke('listOAuthClients', input),
  createOAuthClient: (input) => invoke('createOAuthClient', input),
  getOAuthClient: (input) => invoke('getOAuthClient', input),
  updateOAuthClient: (input) => invoke('updateOAuthClient', input),
  deleteOAuthClient: (input) => invoke('deleteOAuthClient', input),
  getOAuthServer: (input) => invoke('getOAuthServer', input),
  updateOAuthServer: (input) => invoke('updateOAuthServer', input),
  expireOAuthTokens: (input) => invoke('expireOAuthTokens', input),
  listOAuthTokenRequests: (input) => invoke('listOAuthTokenRequests', input),
  listQuicklySignClients: (input) => invoke('listQuicklySignClients', input),
  createQuicklySignClient: (input) => invoke('createQuicklySignClient', input),
  getQuicklySignClient: (input) => invoke('getQuicklySignClient', input),
  updateQuicklySignClient: (input) => invoke('updateQuicklySignClient', input),
  deleteQuicklySignClient: (input) => invoke('deleteQuicklySignClient', input),
}

contextBridge.exposeInMainWorld(API_KEY, api)

// Menu actions and deep links from main. Listening starts now, before any page script runs, so an
// action sent while the UI is still starting (a deep link that launched the app) is kept until the
// page subscribes. Only the payload crosses the bridge, never the IPC event.
const MENU_CHANNEL: typeof MENU_ACTION_CHANNEL = 'hookbench:menu'
const DESKTOP_KEY: DesktopBridgeKey = 'desktop'
const MAX_PENDING_ACTIONS = 20
const pendingActions: MenuAction[] = []
const menuListeners = new Set<(action: MenuAction) => void>()

ipcRenderer.on(MENU_CHANNEL, (_event, action: MenuAction) => {
  if (menuListeners.size === 0) {
    if (pendingActions.length < MAX_PENDING_ACTIONS) pendingActions.push(action)
    return
  }
  for (const listener of menuListeners) listener(action)
})

// Live events from core (issue 5): delivered to current subscribers only, never kept.
const STREAM_CHANNEL: typeof STREAM_EVENT_CHANNEL = 'hookbench:stream'
const streamListeners = new Set<(event: StreamEvent) => void>()

ipcRenderer.on(STREAM_CHANNEL, (_event, streamEvent: StreamEvent) => {
  for (const listener of streamListeners) listener(streamEvent)
})

const desktop: DesktopBridge = {
  onMenuAction(callback) {
    menuListeners.add(callback)
    for (const action of pendingActions.splice(0)) callback(action)
    return () => {
      menuListeners.delete(callback)
    }
  },
  onStreamEvent(callback) {
    streamListeners.add(callback)
    return () => {
      streamListeners.delete(callback)
    }
  },
}

contextBridge.exposeInMainWorld(DESKTOP_KEY, desktop)
