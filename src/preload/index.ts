import { contextBridge, ipcRenderer } from 'electron'
import type { BridgeManifest, DesktopBridge, PreloadApi } from '../shared/contract/bridge.ts'

/**
 * The contract as data, injected when the preload is built (electron.vite.config.ts, from
 * bridgeManifest()): the preload may import only types from src/shared, so no code of the app
 * runs in this privileged context and no channel name is restated here.
 */
declare const HOOKBENCH_BRIDGE: BridgeManifest

const { api: apiManifest, desktop: desktopManifest } = HOOKBENCH_BRIDGE

/**
 * One named function per operation, never ipcRenderer or a generic invoke, so the page can reach
 * exactly the contract and nothing else.
 */
const api = Object.fromEntries(
  Object.entries(apiManifest.channels).map(([name, channel]) => [
    name,
    (input: unknown) => ipcRenderer.invoke(channel, input),
  ]),
) as PreloadApi

contextBridge.exposeInMainWorld(apiManifest.key, api)

type Subscribe = (callback: (event: unknown) => void) => () => void

/**
 * Listening starts now, before any page script runs, so a family that keeps undelivered events
 * (a deep link that launched the app) holds them until the page subscribes; the others deliver to
 * current subscribers only. Only the payload crosses the bridge, never the IPC event.
 */
function listen(channel: string, keepUndelivered: number): Subscribe {
  const pending: unknown[] = []
  const listeners = new Set<(event: unknown) => void>()
  ipcRenderer.on(channel, (_event, payload: unknown) => {
    if (listeners.size === 0) {
      if (pending.length < keepUndelivered) pending.push(payload)
      return
    }
    for (const listener of listeners) listener(payload)
  })
  return (callback) => {
    listeners.add(callback)
    for (const payload of pending.splice(0)) callback(payload)
    return () => {
      listeners.delete(callback)
    }
  }
}

const desktop = Object.fromEntries(
  desktopManifest.subscriptions.map(({ name, channel, keepUndelivered }) => [
    name,
    listen(channel, keepUndelivered),
  ]),
) as DesktopBridge

contextBridge.exposeInMainWorld(desktopManifest.key, desktop)
