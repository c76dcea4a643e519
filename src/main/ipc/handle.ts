import { type BrowserWindow, type IpcMain, type IpcMainInvokeEvent, ipcMain } from 'electron'
import { invokeOperation } from '../../core/index.ts'
import { ipcChannel } from '../../shared/contract/bridge.ts'
import {
  type Handlers,
  type OperationName,
  type OperationOutput,
  operationNames,
} from '../../shared/contract/index.ts'
import type { IpcResult } from '../../shared/contract/ipc.ts'
import { HookbenchError, toErrorBody } from '../../shared/errors.ts'
import type { AppUrlCheck } from '../app/security.ts'

export type SenderCheck = (event: IpcMainInvokeEvent) => boolean
type IpcRegistry = Pick<IpcMain, 'handle' | 'removeHandler'>

/**
 * The one place that talks to ipcMain (raw ipcMain is a lint error elsewhere). Every operation
 * of the contract gets exactly one channel; every call is checked for its sender, validated with
 * the operation's zod schema and answered with an IpcResult, never a thrown error.
 * Returns a function that removes the channels again.
 */
export function registerContractHandlers(
  ipc: IpcRegistry,
  handlers: Handlers,
  isTrustedSender: SenderCheck,
): () => void {
  for (const name of operationNames) {
    ipc.handle(ipcChannel(name), (event, input: unknown) =>
      answer(name, handlers, isTrustedSender, event, input),
    )
  }
  return () => {
    for (const name of operationNames) ipc.removeHandler(ipcChannel(name))
  }
}

/** The desktop app's entry point: the same as above, on Electron's own ipcMain. */
export function registerIpcHandlers(handlers: Handlers, isTrustedSender: SenderCheck): () => void {
  return registerContractHandlers(ipcMain, handlers, isTrustedSender)
}

async function answer<K extends OperationName>(
  name: K,
  handlers: Handlers,
  isTrustedSender: SenderCheck,
  event: IpcMainInvokeEvent,
  input: unknown,
): Promise<IpcResult<OperationOutput<K>>> {
  if (!isTrustedSender(event)) {
    console.warn(`Refused IPC call "${name}" from an untrusted frame.`)
    return { ok: false, error: { code: 'forbidden', message: 'This frame may not call Hookbench.' } }
  }
  try {
    return { ok: true, value: await invokeOperation(handlers, name, input) }
  } catch (error) {
    if (!(error instanceof HookbenchError)) console.error(`IPC operation "${name}" failed:`, error)
    return { ok: false, error: toErrorBody(error) }
  }
}

/**
 * Only the main frame of our main window, showing our own UI, may call main. An iframe, a
 * navigated-away page or any other webContents is refused (Electron security checklist:
 * "validate the sender of all IPC messages").
 */
export function createSenderCheck(
  getMainWindow: () => BrowserWindow | null,
  isAppUrl: AppUrlCheck,
): SenderCheck {
  return (event) => {
    try {
      const frame = event.senderFrame
      const window = getMainWindow()
      if (!frame || !window || window.isDestroyed()) return false
      return event.sender === window.webContents && frame === event.sender.mainFrame && isAppUrl(frame.url)
    } catch {
      // A frame disposed mid-call throws on access: it is certainly not trusted any more.
      return false
    }
  }
}
