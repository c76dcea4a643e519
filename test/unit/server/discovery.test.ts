import { spawnSync } from 'node:child_process'
import { readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { processIsAlive } from '../../../src/core/store/data-dir-lock.ts'
import { discoveryPath, publishDiscovery, readDiscovery } from '../../../src/server/discovery.ts'
import { tempDirsPerTest } from '../../helpers/temp-dir.ts'

const tempDir = tempDirsPerTest()
const entry = {
  api: 'http://127.0.0.1:8788',
  receiver: 'http://127.0.0.1:8787',
  token: 'hb_x',
  pid: process.pid,
}

describe('the discovery file <data dir>/api.json', () => {
  it('is written 0600 with the API, receiver, token and pid, and removed again', async () => {
    const dir = tempDir()
    const remove = await publishDiscovery(dir, entry)
    const path = join(dir, 'api.json')
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual(entry)
    if (process.platform !== 'win32') expect(statSync(path).mode & 0o777).toBe(0o600)
    expect(await readDiscovery(dir)).toEqual({ kind: 'found', path, discovery: entry })
    await remove()
    expect(await readDiscovery(dir)).toEqual({ kind: 'missing', path })
  })

  it('is not removed when another Hookbench has written its own since', async () => {
    const dir = tempDir()
    const remove = await publishDiscovery(dir, entry)
    const theirs = `${JSON.stringify({ ...entry, api: 'http://127.0.0.1:9999' })}\n`
    writeFileSync(discoveryPath(dir), theirs)
    await remove()
    expect(readFileSync(discoveryPath(dir), 'utf8')).toBe(theirs)
  })

  it('naming a process that is gone is stale; anything but a discovery file is unreadable', async () => {
    const dir = tempDir()
    await publishDiscovery(dir, { ...entry, pid: 4242 })
    expect(await readDiscovery(dir, () => false)).toEqual({
      kind: 'stale',
      path: discoveryPath(dir),
      pid: 4242,
    })
    writeFileSync(discoveryPath(dir), '{"api": ')
    expect(await readDiscovery(dir)).toMatchObject({ kind: 'unreadable', reason: 'it is not valid JSON' })
    writeFileSync(discoveryPath(dir), '{"api": "x"}')
    expect(await readDiscovery(dir)).toMatchObject({
      kind: 'unreadable',
      reason: 'it is not a Hookbench discovery file',
    })
  })

  it('tells a live process from one that has exited', () => {
    expect(processIsAlive(process.pid)).toBe(true)
    const exited = spawnSync(process.execPath, ['-e', ''])
    expect(exited.pid).toBeGreaterThan(0)
    expect(processIsAlive(exited.pid as number)).toBe(false)
  })
})
