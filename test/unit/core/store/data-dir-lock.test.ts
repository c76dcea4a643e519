import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { acquireDataDirLock, LOCK_FILE_NAME } from '../../../../src/core/store/data-dir-lock.ts'
import { StoreError } from '../../../../src/core/store/store-error.ts'
import { tempDirsPerTest } from '../../../helpers/temp-dir.ts'

const tempDir = tempDirsPerTest()

function writeLock(dataDir: string, holder: { pid: number; hostname?: string }): void {
  const contents = { hostname: hostname(), started_at: '2024-01-01T00:00:00.000Z', ...holder }
  writeFileSync(join(dataDir, LOCK_FILE_NAME), JSON.stringify(contents))
}

function readLock(dataDir: string): { pid: number; hostname: string; started_at: string } {
  return JSON.parse(readFileSync(join(dataDir, LOCK_FILE_NAME), 'utf8'))
}

async function lockFailure(dataDir: string): Promise<StoreError> {
  const error = await acquireDataDirLock(dataDir).then(
    () => null,
    (caught: unknown) => caught,
  )
  if (!(error instanceof StoreError)) throw new Error(`expected a StoreError, got ${String(error)}`)
  return error
}

/** The pid of a process that has certainly exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' })
  const pid = child.pid
  await once(child, 'exit')
  if (pid === undefined) throw new Error('the child process did not start')
  return pid
}

describe('data dir lock', () => {
  it('writes who holds the lock, and removes it on release', async () => {
    const dataDir = tempDir()

    const lock = await acquireDataDirLock(dataDir)

    const holder = readLock(dataDir)
    expect(holder).toMatchObject({ pid: process.pid, hostname: hostname() })
    expect(Number.isNaN(Date.parse(holder.started_at))).toBe(false)
    await lock.release()
    await lock.release()
    expect(existsSync(join(dataDir, LOCK_FILE_NAME))).toBe(false)
  })

  it('refuses while another holder is alive, naming the pid and the folder', async () => {
    const dataDir = tempDir()
    writeLock(dataDir, { pid: process.pid }) // the test's own pid: certainly alive

    const error = await lockFailure(dataDir)

    expect(error.code).toBe('store_locked')
    expect(error.message).toContain(`pid ${process.pid}`)
    expect(error.message).toContain(dataDir)
    expect(error.message).toMatch(/another Hookbench \(desktop or `hookbench serve`/i)
    expect(error.message).toMatch(/stop it or use --data-dir/)
    expect(readLock(dataDir).started_at).toBe('2024-01-01T00:00:00.000Z')
  })

  it('refuses a second acquire of a folder it already holds, and allows it after release', async () => {
    const dataDir = tempDir()
    const lock = await acquireDataDirLock(dataDir)

    expect((await lockFailure(dataDir)).code).toBe('store_locked')

    await lock.release()
    const again = await acquireDataDirLock(dataDir)
    await again.release()
  })

  it('takes over a lock left by a process that died (crash, kill -9)', async () => {
    const dataDir = tempDir()
    const pid = await deadPid()
    writeLock(dataDir, { pid })

    const lock = await acquireDataDirLock(dataDir)

    expect(readLock(dataDir).pid).toBe(process.pid)
    expect(readdirSync(dataDir)).toEqual([LOCK_FILE_NAME])
    await lock.release()
  })

  it('takes over a lock file that does not parse (torn by a crash)', async () => {
    const dataDir = tempDir()
    writeFileSync(join(dataDir, LOCK_FILE_NAME), '{"pid": 12')

    const lock = await acquireDataDirLock(dataDir)

    expect(readLock(dataDir).pid).toBe(process.pid)
    await lock.release()
  })

  it('treats a lock from another host as held, since its process cannot be checked', async () => {
    const dataDir = tempDir()
    writeLock(dataDir, { pid: await deadPid(), hostname: 'some-other-machine' })

    const error = await lockFailure(dataDir)

    expect(error.code).toBe('store_locked')
    expect(error.message).toContain('some-other-machine')
  })

  it('does not remove a lock that is no longer its own on release', async () => {
    const dataDir = tempDir()
    const lock = await acquireDataDirLock(dataDir)
    writeLock(dataDir, { pid: 424242 })

    await lock.release()

    expect(readLock(dataDir).pid).toBe(424242)
  })
})
