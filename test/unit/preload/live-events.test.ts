import { EventEmitter } from 'node:events'
import type { WebContents } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import { createDesktopStream } from '../../../src/renderer/src/api/stream.ts'
import {
  bridgeManifest,
  type DesktopBridge,
  liveChannel,
  subscriptionName,
} from '../../../src/shared/contract/bridge.ts'
import { liveEventName } from '../../../src/shared/contract/define.ts'
import { liveEvents, liveFamilyNames } from '../../../src/shared/contract/live-events.ts'
import { liveEventExamples } from '../../helpers/live-event-examples.ts'

/** Electron's IPC, reduced to what main → preload needs: webContents.send reaches ipcRenderer.on. */
const electron = vi.hoisted(() => {
  const preloadListeners = new Map<string, (event: unknown, payload: unknown) => void>()
  return {
    preloadListeners,
    contextBridge: { exposeInMainWorld: vi.fn() },
    ipcRenderer: {
      invoke: vi.fn(),
      on: vi.fn((channel: string, listener: (event: unknown, payload: unknown) => void) => {
        preloadListeners.set(channel, listener)
      }),
    },
  }
})
vi.mock('electron', () => electron)
vi.stubGlobal('HOOKBENCH_BRIDGE', bridgeManifest())

await import('../../../src/preload/index.ts')
const { createLiveEventSender } = await import('../../../src/main/app/live-events.ts')
const desktop = electron.contextBridge.exposeInMainWorld.mock.calls.find(
  ([key]) => key === 'desktop',
)?.[1] as DesktopBridge

/** A loaded page whose preload is the one imported above. */
class LoadedPage extends EventEmitter {
  readonly isDestroyed = () => false
  send(channel: string, payload: unknown): void {
    const listener = electron.preloadListeners.get(channel)
    if (!listener) throw new Error(`the preload does not listen on ${channel}`)
    // Electron copies what crosses processes: nothing shared survives but the data.
    listener({ sender: 'the IPC event' }, structuredClone(payload))
  }
}

describe('the contract as the built preload sees it', () => {
  it('is injected by electron.vite.config.ts from bridgeManifest()', async () => {
    const { default: config } = await import('../../../electron.vite.config.ts')
    const define = (config as { preload?: { define?: Record<string, string> } }).preload?.define
    expect(JSON.parse(define?.HOOKBENCH_BRIDGE ?? 'null')).toEqual(bridgeManifest())
  })
})

describe('the live events of the contract, over IPC', () => {
  it('has an example of every declared event (test/helpers/live-event-examples.ts), each valid', () => {
    for (const name of liveFamilyNames) {
      const family = liveEvents[name]
      const examples = liveEventExamples[name]
      expect(examples.map((event) => liveEventName(family, event))).toEqual(Object.keys(family.events))
      for (const event of examples) expect(family.schema.parse(event)).toEqual(event)
    }
  })

  it('the preload listens on each family’s channel and exposes one subscription per family, nothing else', () => {
    expect([...electron.preloadListeners.keys()]).toEqual(liveFamilyNames.map(liveChannel))
    expect(Object.keys(desktop)).toEqual(liveFamilyNames.map(subscriptionName))
  })

  it.each(liveFamilyNames)('every %s travels main → preload → renderer unchanged', (name) => {
    const sender = createLiveEventSender(name)
    const page = new LoadedPage()
    sender.attach(page as unknown as WebContents)
    page.emit('did-finish-load')
    const received: unknown[] = []
    const stop = createDesktopStream(desktop, name).subscribe((event) => received.push(event))
    for (const event of liveEventExamples[name]) sender.send(event as never)
    stop()
    expect(received).toEqual(liveEventExamples[name])
  })
})
