import { randomBytes } from 'node:crypto'
import { type FileHandle, link, mkdir, open, readFile, rename, rm } from 'node:fs/promises'
import { hostname } from 'node:os'
import { dirname, join } from 'node:path'
import { z } from 'zod'
import { fsyncDirectory, readFileIfPresent } from './atomic-write.ts'
import { StoreError } from './store-error.ts'

export const LOCK_FILE_NAME = 'hookbench.lock'

export interface DataDirLock {
  /** Removes the lock file if it is still ours. Safe to call more than once. */
  release(): Promise<void>
}

const LockFileSchema = z.object({
  // A pid of 0 or below would address a process group in process.kill: never "a process".
  pid: z.number().int().positive(),
  hostname: z.string(),
  started_at: z.string(),
})
type LockHolder = z.output<typeof LockFileSchema>

/** Bounds the take-over loop if several processes race for a stale lock; each retry is cheap. */
const MAX_ATTEMPTS = 5

/**
 * One Hookbench (desktop or `hookbench serve`) per data dir: two writers would interleave log
 * segments and overwrite each other's config. A lock left by a crash or kill -9 is taken over.
 */
export async function acquireDataDirLock(dataDir: string): Promise<DataDirLock> {
  await mkdir(dataDir, { recursive: true, mode: 0o700 })
  const lockPath = join(dataDir, LOCK_FILE_NAME)
  const contents = JSON.stringify({
    pid: process.pid,
    hostname: hostname(),
    started_at: new Date().toISOString(),
  })

  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    if (await tryCreate(lockPath, contents)) return ownedLock(lockPath, contents)
    const existing = await readFileIfPresent(lockPath)
    if (existing === null) continue // released between our create and our read: try again
    const holder = parseHolder(existing)
    if (holder && !isStale(holder)) throw StoreError.locked(lockPath, dataDir, holder)
    await removeStaleLock(lockPath, existing)
  }
  throw new StoreError(
    'store_locked',
    lockPath,
    `Could not take the data folder ${dataDir}: several processes are competing for ${lockPath}. Try again.`,
  )
}

async function tryCreate(lockPath: string, contents: string): Promise<boolean> {
  let handle: FileHandle
  try {
    handle = await open(lockPath, 'wx', 0o600)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false
    throw error
  }
  try {
    await handle.writeFile(contents)
    await handle.sync()
  } finally {
    await handle.close()
  }
  await fsyncDirectory(dirname(lockPath))
  return true
}

function ownedLock(lockPath: string, contents: string): DataDirLock {
  let released = false
  return {
    async release() {
      if (released) return
      released = true
      // Only remove our own lock: if it was (wrongly) taken over, the new holder keeps theirs.
      if ((await readFileIfPresent(lockPath)) === contents) await rm(lockPath, { force: true })
    },
  }
}

/** null when the file is not a lock we can read — e.g. torn by a crash while it was written. */
function parseHolder(text: string): LockHolder | null {
  try {
    const parsed = LockFileSchema.safeParse(JSON.parse(text))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

/**
 * Only a process on this host can be checked. A lock from another host (a shared folder) is
 * treated as held: its owner may well be running, and the message tells the user how to clear it.
 */
function isStale(holder: LockHolder): boolean {
  return holder.hostname === hostname() && !processIsAlive(holder.pid)
}

/** Whether a process with this pid runs on this machine (EPERM: it does, as another user). */
export function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH'
  }
}

/**
 * Moves the stale lock aside rather than deleting it by name, so that when two processes race
 * for the same stale lock, the loser can tell it grabbed the winner's fresh lock and put it back.
 */
async function removeStaleLock(lockPath: string, staleContents: string): Promise<void> {
  const aside = `${lockPath}.${randomBytes(6).toString('hex')}.stale`
  try {
    await rename(lockPath, aside)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return // someone else moved it
    throw error
  }
  if ((await readFile(aside, 'utf8')) !== staleContents) {
    // link fails if a lock exists again; either way a live holder keeps (or has) the lock.
    await link(aside, lockPath).catch(() => {})
  }
  await rm(aside, { force: true })
}
