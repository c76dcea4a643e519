import type { PreloadApi } from '../../shared/contract/bridge.ts'

declare global {
  interface Window {
    /** The preload bridge; present in the desktop app, absent in a browser (web mode). */
    readonly api?: PreloadApi
  }
}
