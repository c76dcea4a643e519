import type { ErrorBody } from '../errors.ts'

/**
 * What crosses the IPC bridge. Electron flattens thrown errors to a message string, so main never
 * throws across IPC: it answers with this envelope and the renderer client unwraps it.
 */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: ErrorBody }
