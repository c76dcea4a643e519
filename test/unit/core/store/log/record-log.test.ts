import { appendFileSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { RecordLog } from '../../../../../src/core/store/log/record-log.ts'
import { StoreError } from '../../../../../src/core/store/store-error.ts'
import {
  fakeClock,
  type Message,
  type MessageLogOptions,
  messageLogsPerTest,
} from '../../../../helpers/message-log.ts'
import { tempDirsPerTest } from '../../../../helpers/temp-dir.ts'

const tempDir = tempDirsPerTest()
const { openLog, warnings } = messageLogsPerTest()

async function reopen(log: RecordLog<Message>, dir: string, options: MessageLogOptions = {}) {
  await log.close()
  return openLog(dir, options)
}

const body = 'x'.repeat(200)
const segments = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()

describe('record log', () => {
  it('stores records durably and finds them by id after a reopen', async () => {
    const dir = tempDir()
    let log = await openLog(dir)
    await log.append([{ id: 'm1', value: { status: 'pending', body } }])
    await log.append([{ id: 'm2', value: { status: 'pending', body: 'two' } }])
    log = await reopen(log, dir)
    expect(log.size).toBe(2)
    expect((await log.get('m2'))?.value).toEqual({ status: 'pending', body: 'two' })
    expect(await log.get('nope')).toBeNull()
  })

  it('records a state change as a new line and answers with the newest version', async () => {
    const dir = tempDir()
    let log = await openLog(dir)
    await log.append([{ id: 'm1', value: { status: 'pending', body } }])
    await log.append([{ id: 'm1', value: { status: 'delivered', body } }])
    expect((await log.get('m1'))?.value.status).toBe('delivered')
    log = await reopen(log, dir)
    expect(log.size).toBe(1)
    expect((await log.get('m1'))?.value.status).toBe('delivered')
    const lines = readFileSync(join(dir, segments(dir)[0] as string), 'utf8')
      .trim()
      .split('\n')
    expect(lines).toHaveLength(3) // header + two versions: nothing is rewritten in place
  })

  it('groups writes that arrive while one is in flight (group commit) and acknowledges all', async () => {
    const log = await openLog(tempDir())
    const writes = Array.from({ length: 200 }, (_, i) =>
      log.append([{ id: `m${i}`, value: { status: 'pending', body } }]),
    )
    await Promise.all(writes)
    expect(log.size).toBe(200)
    expect(log.stats.flushes).toBeLessThan(200)
    expect(log.stats.lines).toBe(200)
  })

  it('refuses an invalid id before writing', async () => {
    const dir = tempDir()
    const log = await openLog(dir)
    expect(() => log.append([{ id: 'has"quote', value: { status: 'pending', body } }])).toThrow(
      /invalid messages id/,
    )
    expect(log.size).toBe(0)
  })

  it('seals segments past their size, writes sidecar indexes, and rebuilds a missing sidecar', async () => {
    const dir = tempDir()
    let log = await openLog(dir, { maxSegmentBytes: 2_000 })
    for (let i = 0; i < 40; i++) await log.append([{ id: `m${i}`, value: { status: 'pending', body } }])
    const files = segments(dir)
    expect(files.length).toBeGreaterThan(3)
    expect(readdirSync(dir).filter((f) => f.endsWith('.idx.json'))).toHaveLength(files.length - 1)
    rmSync(join(dir, '00000001.idx.json'))
    log = await reopen(log, dir, { maxSegmentBytes: 2_000 })
    expect(log.size).toBe(40)
    expect((await log.get('m0'))?.value.body).toBe(body)
    expect(readdirSync(dir)).toContain('00000001.idx.json')
  })

  it('cuts off a torn last line on open, says so once, and keeps every complete record', async () => {
    const dir = tempDir()
    let log = await openLog(dir)
    await log.append([{ id: 'm1', value: { status: 'pending', body } }])
    await log.close()
    const file = join(dir, segments(dir)[0] as string)
    const sizeBefore = statSync(file).size
    appendFileSync(file, '{"id":"m2","at":1,"v":{"status":"pend')
    log = await openLog(dir)
    expect(log.size).toBe(1)
    expect(statSync(file).size).toBe(sizeBefore)
    expect(warnings).toEqual([
      `[hookbench] ${dir}: cut off the unfinished last line of 00000001.jsonl (37 bytes), left by a crash ` +
        'mid-write; it had never been acknowledged.',
    ])
    expect(log.storageStats().damaged).toEqual({ lines: 0, files: [] })
    await log.append([{ id: 'm3', value: { status: 'pending', body } }])
    log = await reopen(log, dir)
    expect(log.size).toBe(2)
  })

  it('refuses to open a segment whose header is corrupt, naming the file and leaving it alone', async () => {
    const dir = tempDir()
    const log = await openLog(dir)
    await log.append([{ id: 'm1', value: { status: 'pending', body } }])
    await log.append([{ id: 'm2', value: { status: 'pending', body } }])
    await log.close()
    const file = join(dir, segments(dir)[0] as string)
    const lines = readFileSync(file, 'utf8').split('\n')
    lines[0] = 'garbage'
    writeFileSync(file, lines.join('\n'))
    const error = await openLog(dir).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(StoreError)
    expect((error as StoreError).code).toBe('store_corrupt')
    expect((error as Error).message).toContain(file)
    expect(readFileSync(file, 'utf8')).toBe(lines.join('\n'))
  })

  it('refuses a segment written by a newer Hookbench', async () => {
    const dir = tempDir()
    const log = await openLog(dir)
    await log.close()
    const file = join(dir, segments(dir)[0] as string)
    writeFileSync(file, readFileSync(file, 'utf8').replace('"version":1', '"version":99'))
    const error = await openLog(dir).catch((e: unknown) => e)
    expect((error as StoreError).code).toBe('store_too_new')
    expect((error as Error).message).toContain(file)
  })

  it('scans the newest version of every record, newest first or oldest first', async () => {
    const log = await openLog(tempDir(), { maxSegmentBytes: 1_500 })
    for (let i = 0; i < 12; i++) await log.append([{ id: `m${i}`, value: { status: 'pending', body } }])
    await log.append([{ id: 'm3', value: { status: 'delivered', body } }])
    const newest: string[] = []
    for await (const record of log.scan('newest')) newest.push(`${record.id}:${record.value.status}`)
    expect(newest[0]).toBe('m3:delivered')
    expect(newest).toHaveLength(12)
    expect(newest.filter((r) => r.startsWith('m3:'))).toEqual(['m3:delivered'])
    const oldest: string[] = []
    for await (const record of log.scan('oldest')) oldest.push(record.id)
    expect(oldest.slice(0, 3)).toEqual(['m0', 'm1', 'm2'])
  })

  it('drops whole sealed segments past the count limit, oldest first', async () => {
    const dir = tempDir()
    const log = await openLog(dir, { maxSegmentBytes: 1_500 })
    for (let i = 0; i < 30; i++) await log.append([{ id: `m${i}`, value: { status: 'pending', body } }])
    const before = segments(dir).length
    const dropped = await log.applyRetention({ maxAgeMs: null, maxCount: 10 })
    expect(dropped.segments).toBeGreaterThan(0)
    expect(log.size).toBeGreaterThanOrEqual(10)
    expect(log.size).toBe(30 - dropped.records)
    expect(segments(dir).length).toBe(before - dropped.segments)
    expect(await log.get('m0')).toBeNull()
    expect(await log.get('m29')).not.toBeNull()
  })

  it('drops sealed segments older than the age limit and never the active one', async () => {
    const clock = fakeClock()
    const log = await openLog(tempDir(), { maxSegmentBytes: 1_500, clock })
    for (let i = 0; i < 10; i++) await log.append([{ id: `old${i}`, value: { status: 'pending', body } }])
    clock.advance(10 * 86_400_000)
    for (let i = 0; i < 10; i++) await log.append([{ id: `new${i}`, value: { status: 'pending', body } }])
    await log.applyRetention({ maxAgeMs: 7 * 86_400_000, maxCount: null })
    expect(await log.get('old0')).toBeNull()
    expect(await log.get('new9')).not.toBeNull()
    clock.advance(30 * 86_400_000)
    await log.applyRetention({ maxAgeMs: 7 * 86_400_000, maxCount: null })
    expect(await log.get('new9')).not.toBeNull()
  })

  it('compacts sealed segments whose lines are mostly superseded, losing nothing', async () => {
    const dir = tempDir()
    let log = await openLog(dir, { maxSegmentBytes: 3_000 })
    for (let i = 0; i < 10; i++) await log.append([{ id: `m${i}`, value: { status: 'pending', body } }])
    for (let i = 0; i < 8; i++) await log.append([{ id: `m${i}`, value: { status: 'delivered', body } }])
    const first = join(dir, '00000001.jsonl')
    const sizeBefore = statSync(first).size
    const pending = log.append([{ id: 'm9', value: { status: 'failed', body } }])
    expect(await log.compact()).toBeGreaterThan(0)
    await pending
    expect(statSync(first).size).toBeLessThan(sizeBefore)
    const statuses = async () => {
      const result: Record<string, string> = {}
      for (let i = 0; i < 10; i++) result[`m${i}`] = (await log.get(`m${i}`))?.value.status ?? 'missing'
      return result
    }
    const expected = { m0: 'delivered', m7: 'delivered', m8: 'pending', m9: 'failed' }
    expect(await statuses()).toMatchObject(expected)
    log = await reopen(log, dir, { maxSegmentBytes: 3_000 })
    expect(log.size).toBe(10)
    expect(await statuses()).toMatchObject(expected)
  })
})

describe('record log crash at segment creation', () => {
  it('rewrites a torn header of the newest segment and goes on appending', async () => {
    const dir = tempDir()
    const log = await openLog(dir)
    await log.close()
    const file = join(dir, segments(dir)[0] as string)
    writeFileSync(file, '{"hookbench":"seg')
    const reopened = await openLog(dir)
    await reopened.append([{ id: 'm1', value: { status: 'pending', body } }])
    const again = await reopen(reopened, dir)
    expect((await again.get('m1'))?.value.status).toBe('pending')
  })
})
