import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { createInterface } from 'node:readline'
import { describe, expect, it } from 'vitest'
import { openKillTestLog } from '../fixtures/kill-test-log.ts'
import { tempDirsPerTest } from '../helpers/temp-dir.ts'

const tempDir = tempDirsPerTest()

/** Runs the writer child until it has acknowledged `acks` records, then SIGKILLs it mid-stream. */
async function writeThenKill(dir: string, prefix: string, acks: number): Promise<string[]> {
  const child = spawn(process.execPath, ['test/fixtures/log-writer.ts', dir, prefix], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const acknowledged: string[] = []
  const lines = createInterface({ input: child.stdout })
  const exited = once(child, 'exit')
  for await (const line of lines) {
    if (!line.startsWith('ack ')) continue
    acknowledged.push(line.slice(4))
    if (acknowledged.length === acks) {
      child.kill('SIGKILL')
      break
    }
  }
  const [code, signal] = (await exited) as [number | null, string | null]
  expect({ code, signal }).toEqual({ code: null, signal: 'SIGKILL' })
  return acknowledged
}

describe('record log under kill -9', () => {
  it('opens after every kill and never loses an acknowledged record', async () => {
    const dir = tempDir()
    const allAcknowledged: string[] = []
    // Different stop points land the kill in different places: mid-group, mid-rotation, …
    for (const [round, acks] of [97, 1_013, 2_531].entries()) {
      allAcknowledged.push(...(await writeThenKill(dir, `r${round}`, acks)))
      const log = await openKillTestLog(dir)
      const missing = allAcknowledged.filter((id) => !log.has(id))
      expect(missing).toEqual([])
      // Unacknowledged writes may have landed too (the kill came after the disk, before the ack).
      expect(log.size).toBeGreaterThanOrEqual(allAcknowledged.length)
      const sample = allAcknowledged[Math.floor(allAcknowledged.length / 2)] as string
      expect((await log.get(sample))?.value.body).toHaveLength(1_400)
      await log.close()
    }
  }, 60_000)
})
