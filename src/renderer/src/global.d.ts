import type { DesktopBridge, PreloadApi } from '../../shared/contract/bridge.ts'

declare global {
  interface Window {
    /** The preload bridge; present in the desktop app, absent in a browser (web mode). */
    readonly api?: PreloadApi
    /** Desktop-only messages from main (menu actions, live events); absent in a browser. */
    readonly desktop?: DesktopBridge
  }
}
