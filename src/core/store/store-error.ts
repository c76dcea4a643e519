export type StoreErrorCode = 'store_corrupt' | 'store_too_new' | 'store_locked'

/**
 * Why the data dir cannot be opened (or a value in it cannot be read). These stop startup rather
 * than cross the API, so each message names the file and tells the user what they can do; none of
 * them is ever answered by starting empty over the user's data.
 */
export class StoreError extends Error {
  readonly code: StoreErrorCode
  /** The file (or, for a lock, the lock file) the message is about. */
  readonly file: string

  constructor(code: StoreErrorCode, file: string, message: string) {
    super(message)
    this.name = 'StoreError'
    this.code = code
    this.file = file
  }

  static corrupt(file: string, detail: string): StoreError {
    return new StoreError(
      'store_corrupt',
      file,
      `${file} is corrupt: ${detail}. Hookbench did not touch it: fix or restore the file, ` +
        'move it aside to start fresh, or point --data-dir at another folder.',
    )
  }

  static tooNew(file: string, found: number, supported: number): StoreError {
    return new StoreError(
      'store_too_new',
      file,
      `${file} was written by a newer Hookbench (schema version ${found}; this build reads up to ` +
        `version ${supported}). Hookbench did not touch it: upgrade Hookbench, or point --data-dir elsewhere.`,
    )
  }

  static locked(lockFile: string, dataDir: string, holder: { pid: number; hostname: string }): StoreError {
    return new StoreError(
      'store_locked',
      lockFile,
      `Another Hookbench (desktop or \`hookbench serve\`, pid ${holder.pid} on ${holder.hostname}) is using ` +
        `the data folder ${dataDir}: stop it or use --data-dir. If no Hookbench is running there, delete ${lockFile}.`,
    )
  }
}
