import { appendFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { RecordLog } from '../../../../../src/core/store/log/record-log.ts'
import { type Message, messageLogsPerTest } from '../../../../helpers/message-log.ts'
import { tempDirsPerTest } from '../../../../helpers/temp-dir.ts'

const tempDir = tempDirsPerTest()
const logs = messageLogsPerTest()
const { warnings } = logs

const body = 'x'.repeat(200)
const SMALL_SEGMENTS = 2_000

const openLog = (dir: string) => logs.openLog(dir, { maxSegmentBytes: SMALL_SEGMENTS })

async function reopen(log: RecordLog<Message>, dir: string) {
  await log.close()
  warnings.splice(0)
  return openLog(dir)
}

/** A log of `count` pending messages m0…m(count-1) over several sealed segments. */
async function logWith(dir: string, count: number) {
  const log = await openLog(dir)
  for (let i = 0; i < count; i++) await log.append([{ id: `m${i}`, value: { status: 'pending', body } }])
  return log
}

const damagedFiles = (dir: string) =>
  readdirSync(dir)
    .filter((name) => name.startsWith('damaged-'))
    .map((name) => join(dir, name))

/** The segment file and line text of the last line written for `id`. */
function lineOf(dir: string, id: string): { file: string; line: string } {
  let found: { file: string; line: string } | null = null
  for (const name of readdirSync(dir)
    .filter((n) => /^\d{8}\.jsonl$/.test(n))
    .sort()) {
    for (const line of readFileSync(join(dir, name), 'utf8').split('\n')) {
      if (line.startsWith(`{"id":"${id}"`)) found = { file: join(dir, name), line }
    }
  }
  if (!found) throw new Error(`no line for ${id}`)
  return found
}

/** Replaces a line in its file; the same length keeps a sealed segment's sidecar matching. */
function replaceLine(found: { file: string; line: string }, replacement: string): void {
  const text = readFileSync(found.file, 'utf8')
  expect(text.split(found.line)).toHaveLength(2)
  writeFileSync(found.file, text.replace(found.line, replacement))
}

async function ids(log: RecordLog<Message>): Promise<string[]> {
  const seen: string[] = []
  for await (const record of log.scan('oldest')) seen.push(record.id)
  return seen
}

describe('damaged lines in a record log', () => {
  it('moves a line that is not JSON out of a sealed segment at open, byte for byte, and says so once', async () => {
    const dir = tempDir()
    let log = await logWith(dir, 40)
    const damaged = lineOf(dir, 'm3')
    expect(damaged.file).toMatch(/00000001\.jsonl$/)
    // Shorter than the line it replaces: the sidecar no longer matches, so the segment is read.
    replaceLine(damaged, '{"id":"m3","at":17000 this is not JSON')
    log = await reopen(log, dir)

    expect(log.size).toBe(39)
    expect(await log.get('m3')).toBeNull()
    expect((await log.get('m4'))?.value.status).toBe('pending')
    expect(await ids(log)).toHaveLength(39)
    const [file] = damagedFiles(dir)
    expect(readFileSync(file as string, 'utf8')).toBe('{"id":"m3","at":17000 this is not JSON\n')
    expect(readFileSync(damaged.file, 'utf8')).not.toContain('this is not JSON')
    expect(warnings).toEqual([
      `[hookbench] ${dir}: 1 damaged line did not hold a valid record (first: 00000001.jsonl at byte ` +
        `${readFileSync(damaged.file, 'utf8').indexOf('{"id":"m4"')}: the line is not JSON); moved byte ` +
        `for byte to ${file}. Every other record is readable.`,
    ])
    expect(log.storageStats().damaged).toEqual({ lines: 1, files: [file] })

    // The segment and its sidecar were rewritten: the next start finds nothing new, only reminds.
    log = await reopen(log, dir)
    expect(log.size).toBe(39)
    expect(damagedFiles(dir)).toEqual([file])
    expect(warnings).toEqual([
      `[hookbench] ${dir}: 1 damaged line set aside before this start is kept in ${file} ` +
        '(delete the files once you no longer need them).',
    ])
  })

  it('keeps a complete garbage last line of the active segment aside instead of cutting it', async () => {
    const dir = tempDir()
    let log = await logWith(dir, 3)
    await log.close()
    const active = join(dir, '00000001.jsonl')
    appendFileSync(active, 'garbage\n')
    log = await openLog(dir)
    expect(log.size).toBe(3)
    expect(readFileSync(damagedFiles(dir)[0] as string, 'utf8')).toBe('garbage\n')
    expect(readFileSync(active, 'utf8')).not.toContain('garbage')
    expect(warnings[0]).toContain('1 damaged line did not hold a valid record')
    await log.append([{ id: 'm9', value: { status: 'pending', body } }])
    log = await reopen(log, dir)
    expect(log.size).toBe(4)
  })

  it('sets aside a record of the active segment whose value fails its schema', async () => {
    const dir = tempDir()
    let log = await logWith(dir, 2)
    await log.close()
    appendFileSync(join(dir, '00000001.jsonl'), '{"id":"m1","at":1,"v":{"status":"exploded"}}\n')
    log = await openLog(dir)
    // The newest line of m1 was damaged: m1 reads as its last good version.
    expect((await log.get('m1'))?.value.status).toBe('pending')
    expect(readFileSync(damagedFiles(dir)[0] as string, 'utf8')).toBe(
      '{"id":"m1","at":1,"v":{"status":"exploded"}}\n',
    )
    expect(warnings[0]).toContain('does not match the messages schema at "status"')
  })

  it('sets aside a record found damaged when read, answers not found, and rewrites its sealed segment', async () => {
    const dir = tempDir()
    let log = await logWith(dir, 40)
    const damaged = lineOf(dir, 'm5')
    const bad = damaged.line.replace('"pending"', '"pendinX"')
    replaceLine(damaged, bad)
    // Same length: the sidecar still matches, so opening does not read the segment.
    log = await reopen(log, dir)
    expect(warnings).toEqual([])
    expect(log.size).toBe(40)

    expect(await log.get('m5')).toBeNull()
    expect(log.size).toBe(39)
    expect(await ids(log)).toHaveLength(39)
    const [file] = damagedFiles(dir)
    expect(readFileSync(file as string, 'utf8')).toBe(`${bad}\n`)
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toContain(`record m5 in 00000001.jsonl at byte`)
    expect(warnings[0]).toContain(`moved byte for byte to ${file}, it now reads as not found`)

    // The background rewrite runs before the next maintenance; then the next start meets nothing.
    await log.compact()
    expect(readFileSync(damaged.file, 'utf8')).not.toContain('pendinX')
    log = await reopen(log, dir)
    expect(log.size).toBe(39)
    expect(await log.get('m5')).toBeNull()
    expect(damagedFiles(dir)).toEqual([file])
    expect(log.storageStats().damaged.lines).toBe(1)
  })

  it('skips and sets aside a damaged record met by a scan', async () => {
    const dir = tempDir()
    let log = await logWith(dir, 40)
    const damaged = lineOf(dir, 'm2')
    replaceLine(damaged, damaged.line.replace('"pending"', '"pendinX"'))
    log = await reopen(log, dir)
    const seen = await ids(log)
    expect(seen).toHaveLength(39)
    expect(seen).not.toContain('m2')
    expect(log.storageStats()).toMatchObject({ records: 39, damaged: { lines: 1 } })
  })

  it('compaction keeps a damaged line aside instead of dropping it with the superseded ones', async () => {
    const dir = tempDir()
    let log = await logWith(dir, 7)
    for (let i = 0; i < 7; i++) await log.append([{ id: `m${i}`, value: { status: 'delivered', body } }])
    const superseded = readFileSync(join(dir, '00000001.jsonl'), 'utf8').split('\n')[3] as string
    expect(superseded).toContain('"pending"')
    const garbage = '#'.repeat(superseded.length)
    replaceLine({ file: join(dir, '00000001.jsonl'), line: superseded }, garbage)
    log = await reopen(log, dir)
    expect(await log.compact()).toBeGreaterThan(0)
    expect(readFileSync(damagedFiles(dir)[0] as string, 'utf8')).toBe(`${garbage}\n`)
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toContain('1 damaged line in 00000001.jsonl')
    expect(warnings[0]).toContain('while compacting the segment')
    expect(log.size).toBe(7)
  })

  it('retention keeps a damaged line aside before it drops the segment', async () => {
    const dir = tempDir()
    let log = await logWith(dir, 30)
    const damaged = lineOf(dir, 'm1')
    const garbage = '#'.repeat(damaged.line.length)
    replaceLine(damaged, garbage)
    log = await reopen(log, dir)
    const dropped = await log.applyRetention({ maxAgeMs: null, maxCount: 10 })
    expect(dropped.segments).toBeGreaterThan(0)
    expect(readFileSync(damagedFiles(dir)[0] as string, 'utf8')).toBe(`${garbage}\n`)
    expect(warnings[0]).toContain('before retention dropped the segment')
  })
})
