import type { OperationInput, OperationName, OperationOutput } from './index.ts'
import { IPC_PREFIX, operationNames } from './index.ts'
import type { IpcResult } from './ipc.ts'
import { type LiveEventOf, type LiveFamilyName, liveEvents, liveFamilyNames } from './live-events.ts'

/**
 * What the preload exposes as `window.api`: one named function per contract operation, each
 * answering an IpcResult envelope (main never throws across IPC). The renderer imports this type
 * only; the preload builds it from the BridgeManifest.
 */
export type PreloadApi = {
  [K in OperationName]: (input: OperationInput<K>) => Promise<IpcResult<OperationOutput<K>>>
}

/** The function of `window.desktop` that subscribes to a live family: `menuAction` → `onMenuAction`. */
export type SubscriptionName<K extends LiveFamilyName = LiveFamilyName> = `on${Capitalize<K>}`

/**
 * What the preload exposes as `window.desktop` (absent in web mode): one function per live family
 * of the contract, each returning the function that unsubscribes. A family that keeps undelivered
 * events hands them to the first subscriber.
 */
export type DesktopBridge = {
  [K in LiveFamilyName as SubscriptionName<K>]: (callback: (event: LiveEventOf<K>) => void) => () => void
}

/** The IPC channel of an operation, or of a live family. */
export function ipcChannel(name: OperationName): string {
  return IPC_PREFIX + name
}
export function liveChannel(name: LiveFamilyName): string {
  return IPC_PREFIX + liveEvents[name].ipc.channel
}
export function subscriptionName<K extends LiveFamilyName>(name: K): SubscriptionName<K> {
  return `on${name[0]?.toUpperCase() ?? ''}${name.slice(1)}` as SubscriptionName<K>
}

/**
 * Everything the preload needs to know about the contract, as plain data. The sandboxed preload
 * may import only types from src/shared (lint/preload-imports.grit), so electron.vite.config.ts
 * builds this from the contract and injects it as the constant HOOKBENCH_BRIDGE: no channel name
 * is written twice.
 */
export interface BridgeManifest {
  /** `window.api`: the IPC channel of each operation. */
  readonly api: { readonly key: 'api'; readonly channels: Readonly<Record<OperationName, string>> }
  /** `window.desktop`: each live family's subscription, channel and how many events wait for it. */
  readonly desktop: {
    readonly key: 'desktop'
    readonly subscriptions: ReadonlyArray<{
      readonly name: SubscriptionName
      readonly channel: string
      readonly keepUndelivered: number
    }>
  }
}

export function bridgeManifest(): BridgeManifest {
  return {
    api: {
      key: 'api',
      channels: Object.fromEntries(operationNames.map((name) => [name, ipcChannel(name)])) as Record<
        OperationName,
        string
      >,
    },
    desktop: {
      key: 'desktop',
      subscriptions: liveFamilyNames.map((name) => ({
        name: subscriptionName(name),
        channel: liveChannel(name),
        keepUndelivered: liveEvents[name].ipc.keepUndelivered,
      })),
    },
  }
}
