import { constants } from 'node:fs'
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises'
import { basename, join } from 'node:path'
import type { z } from 'zod'
import type { Clock } from '../../../shared/clock.ts'
import { issuesOf } from '../../../shared/errors.ts'
import { fsyncDirectory, writeFileAtomic } from '../atomic-write.ts'
import { StoreError } from '../store-error.ts'
import { DamagedLines, type DamagedReport } from './damaged-lines.ts'
import { idAt, lineStarts, Segment } from './segment.ts'
import { SegmentCache } from './segment-cache.ts'
import {
  encodeHeader,
  encodeLine,
  indexFileName,
  packLocation,
  parseSegmentNumber,
  SEGMENT_FORMAT_VERSION,
  SegmentHeaderSchema,
  segmentFileName,
  segmentOf,
  unpackLocation,
} from './segment-format.ts'
import { readSegmentIndex, type SegmentIndex, writeSegmentIndex } from './segment-index-file.ts'

/**
 * The active segment is opened for synchronized data writes where the platform has them (Linux,
 * macOS): each write returns once its data is on disk, as write + fdatasync would, in one trip to
 * the I/O thread pool instead of two. Elsewhere (Windows) every write is followed by fdatasync.
 */
const SYNCED_WRITES = constants.O_DSYNC ?? 0
const OPEN_ACTIVE = constants.O_RDWR | SYNCED_WRITES
const CREATE_ACTIVE = constants.O_RDWR | constants.O_CREAT | constants.O_EXCL | SYNCED_WRITES

/** Ids are GUIDs or similar; no quotes or backslashes, so a line's id can be read without parsing it. */
const ID_PATTERN = /^[A-Za-z0-9_.:-]{1,128}$/

const NEWLINE = Buffer.from('\n')

/** What opening a log found and told once at the end: lines set aside, or a torn tail cut off. */
interface DamageFound {
  kind: 'damaged' | 'torn'
  lines: number
  file: string | null
  detail: string
}

function lines(count: number): string {
  return count === 1 ? '1 damaged line' : `${count} damaged lines`
}

function tornDetail(segmentName: string, bytes: number): string {
  return (
    `cut off the unfinished last line of ${segmentName} (${bytes} bytes), left by a crash mid-write; ` +
    'it had never been acknowledged'
  )
}

/** A damaged line's bytes as kept aside: exactly as in the segment, with a newline if it had none. */
function lineWithNewline(buffer: Buffer, damage: { start: number; end: number }): Buffer {
  const bytes = buffer.subarray(damage.start, damage.end)
  return bytes.at(-1) === 0x0a ? Buffer.from(bytes) : Buffer.concat([bytes, NEWLINE])
}

export interface StoredRecord<T> {
  id: string
  at: number
  value: T
}

export interface RecordLogOptions<T> {
  dir: string
  kind: string
  schema: z.ZodType<T>
  clock: Clock
  /** Segments are sealed and a new one started past this size. */
  maxSegmentBytes?: number
  cache?: SegmentCache
  /** Where a damaged line set aside (or a torn tail cut off) is told, one line each; stderr by default. */
  warn?: (line: string) => void
}

/** A line of a segment file that does not hold a valid record: its bytes are start…end (newline included). */
interface LineDamage {
  start: number
  end: number
  /** Completes "the line …": why it was set aside. */
  reason: string
  /** Set when the index pointed at this line: the id then reads as not found. */
  id: string | null
}

interface SegmentLines {
  index: SegmentIndex & { offsets: number[] }
  damage: LineDamage[]
  /** Bytes of an unfinished last line (the active segment only). */
  torn: number
  /** Not even the header line is complete (a crash while the segment was created). */
  headerTorn: boolean
}

export interface RetentionLimits {
  maxAgeMs: number | null
  maxCount: number | null
}

interface PendingAppend {
  /** Encoded once, when appended: the flush only copies bytes. */
  lines: Array<{ id: string; at: number; bytes: Buffer }>
  resolve: () => void
  reject: (error: unknown) => void
}

/**
 * Append-only log of one kind of record (events, messages, attempts, requests) in JSON-lines
 * segments. A write is acknowledged only once its data is on disk, and writes that arrive while
 * one is in flight are grouped into the next (group commit). A record's state change is a new
 * line with the same id; the in-memory index points at the newest line of every id.
 */
export class RecordLog<T> {
  readonly kind: string
  private readonly dir: string
  private readonly schema: z.ZodType<T>
  private readonly clock: Clock
  private readonly maxSegmentBytes: number
  private readonly cache: SegmentCache
  private readonly warn: (line: string) => void
  private damaged!: DamagedLines
  /** Locations of damaged lines already copied aside while running (their segment still holds them). */
  private readonly setAside = new Set<number>()
  private readonly index = new Map<string, number>()
  private readonly segments = new Map<number, Segment>()
  private active!: Segment
  private queue: PendingAppend[] = []
  private flushing: Promise<void> | null = null
  private maintenance: Promise<unknown> = Promise.resolve()
  private closed = false
  private flushes = 0
  private linesWritten = 0

  private constructor(options: RecordLogOptions<T>) {
    this.kind = options.kind
    this.dir = options.dir
    this.schema = options.schema
    this.clock = options.clock
    // Sidecar offsets are 32-bit: keep segments well below 4 GB.
    this.maxSegmentBytes = Math.min(options.maxSegmentBytes ?? 16 * 1024 * 1024, 1024 * 1024 * 1024)
    this.cache = options.cache ?? new SegmentCache(64 * 1024 * 1024)
    this.warn = options.warn ?? ((line) => console.error(line))
  }

  static async open<T>(options: RecordLogOptions<T>): Promise<RecordLog<T>> {
    const log = new RecordLog(options)
    try {
      await log.load()
    } catch (error) {
      // A refused store leaves no file handle open behind it.
      for (const segment of log.segments.values()) await segment.close()
      throw error
    }
    return log
  }

  /** Number of distinct live records. */
  get size(): number {
    return this.index.size
  }

  /** How many grouped writes (each one trip to the disk) carried how many lines: proves group commit. */
  get stats(): { flushes: number; lines: number } {
    return { flushes: this.flushes, lines: this.linesWritten }
  }

  /** What the Settings page shows: live records, segment files, bytes on disk, lines kept aside. */
  storageStats(): { records: number; segments: number; bytes: number; damaged: DamagedReport } {
    let bytes = 0
    for (const segment of this.segments.values()) bytes += segment.bytes
    return { records: this.index.size, segments: this.segments.size, bytes, damaged: this.damaged.report() }
  }

  has(id: string): boolean {
    return this.index.has(id)
  }

  /**
   * Appends records (new ones or new versions); resolves once they are on disk. Values are not
   * parsed again here: they are `T`, built by typed code from input already validated where it
   * entered (the contract, the receiver, a workspace import). The schema guards the other way in:
   * every line read back from a file. Parsing each append copied every record a second time —
   * a quarter of what a delivery allocated.
   */
  append(records: Array<{ id: string; value: T; at?: number }>): Promise<void> {
    if (this.closed) return Promise.reject(new Error(`the ${this.kind} log is closed`))
    const lines: PendingAppend['lines'] = []
    for (const record of records) {
      if (!ID_PATTERN.test(record.id)) throw new Error(`invalid ${this.kind} id ${JSON.stringify(record.id)}`)
      const at = record.at ?? this.clock.now()
      lines.push({
        id: record.id,
        at,
        bytes: encodeLine({ id: record.id, at, v: record.value }),
      })
    }
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ lines, resolve, reject })
      this.flushing ??= this.flush()
    })
  }

  /** The newest version of a record; null when there is none or its line turned out damaged (set aside). */
  async get(id: string): Promise<StoredRecord<T> | null> {
    const location = this.index.get(id)
    if (location === undefined) return null
    const { segment: no, offset } = unpackLocation(location)
    const segment = this.segments.get(no)
    if (!segment) return null
    const line = await segment.readLineAt(offset)
    const decoded = this.decode(line, id)
    if (typeof decoded !== 'string') return decoded
    await this.setAsideOnRead(id, location, segment, line, decoded)
    return null
  }

  /**
   * Newest first (or oldest first), the newest version of every live record. Each segment is
   * read whole (old ones through an LRU cache that evicts), and the set of live lines is fixed
   * synchronously per segment so a concurrent compaction cannot make the scan skip records.
   */
  async *scan(order: 'newest' | 'oldest' = 'newest'): AsyncGenerator<StoredRecord<T>> {
    const numbers = [...this.segments.keys()].sort((a, b) => (order === 'newest' ? b - a : a - b))
    for (const no of numbers) {
      const segment = this.segments.get(no)
      if (!segment) continue
      const buffer = await this.currentBuffer(segment)
      const live: Array<{ id: string; start: number }> = []
      for (const start of lineStarts(buffer)) {
        const id = idAt(buffer, start)
        if (id !== null && this.index.get(id) === packLocation(no, start)) live.push({ id, start })
      }
      if (order === 'newest') live.reverse()
      for (const { id, start } of live) {
        const end = buffer.indexOf(0x0a, start)
        const line = buffer.subarray(start, end === -1 ? buffer.length : end)
        const decoded = this.decode(line, id)
        if (typeof decoded !== 'string') yield decoded
        else await this.setAsideOnRead(id, packLocation(no, start), segment, line, decoded)
      }
    }
  }

  /** Drops whole sealed segments, oldest first, past the age or count limit. */
  async applyRetention(limits: RetentionLimits): Promise<{ segments: number; records: number }> {
    return this.exclusive(async () => {
      const now = this.clock.now()
      let dropped = { segments: 0, records: 0 }
      const sealed = [...this.segments.values()].filter((s) => s.sealed).sort((a, b) => a.no - b.no)
      for (const segment of sealed) {
        const tooOld =
          limits.maxAgeMs !== null && segment.maxAt !== null && segment.maxAt < now - limits.maxAgeMs
        const tooMany = limits.maxCount !== null && this.index.size - segment.live >= limits.maxCount
        if (!tooOld && !tooMany) break
        const records = await this.dropSegment(segment)
        dropped = { segments: dropped.segments + 1, records: dropped.records + records }
      }
      return dropped
    })
  }

  /** Rewrites sealed segments whose lines are mostly superseded, keeping only live lines. */
  async compact(minDeadRatio = 0.5): Promise<number> {
    return this.exclusive(async () => {
      let compacted = 0
      for (const segment of [...this.segments.values()]) {
        if (!segment.sealed || segment.count === 0) continue
        if (1 - segment.live / segment.count < minDeadRatio) continue
        await this.compactSegment(segment)
        compacted++
      }
      return compacted
    })
  }

  /** Waits for queued writes, then closes every file. */
  async close(): Promise<void> {
    this.closed = true
    while (this.flushing) await this.flushing
    await this.maintenance
    for (const segment of this.segments.values()) await segment.close()
  }

  // ---- loading -------------------------------------------------------------------------------

  private async load(): Promise<void> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 })
    this.damaged = await DamagedLines.open(this.dir, this.clock)
    const earlier = this.damaged.report()
    const numbers = (await readdir(this.dir))
      .map(parseSegmentNumber)
      .filter((n): n is number => n !== null)
      .sort((a, b) => a - b)
    const last = numbers.at(-1)
    const found: DamageFound[] = []
    for (const no of numbers) {
      if (no === last) await this.loadActive(no, found)
      else await this.loadSealed(no, found)
    }
    if (last === undefined) this.active = await this.createSegment(1)
    this.tallyLive()
    if (earlier.lines > 0) {
      this.warn(
        `[hookbench] ${this.dir}: ${lines(earlier.lines)} set aside before this start ` +
          `${earlier.lines === 1 ? 'is' : 'are'} kept in ${earlier.files.join(', ')} ` +
          '(delete the files once you no longer need them).',
      )
    }
    const damaged = found.filter((f) => f.kind === 'damaged')
    if (damaged.length > 0) {
      const count = damaged.reduce((sum, f) => sum + f.lines, 0)
      const first = damaged[0] as DamageFound
      this.warn(
        `[hookbench] ${this.dir}: ${lines(count)} did not hold a valid record (first: ${first.detail}); ` +
          `moved byte for byte to ${first.file}. Every other record is readable.`,
      )
    }
    for (const torn of found.filter((f) => f.kind === 'torn')) {
      this.warn(`[hookbench] ${this.dir}: ${torn.detail}.`)
    }
  }

  /** Each segment's live count, from the index as loaded (cheaper than tracking it line by line). */
  private tallyLive(): void {
    for (const segment of this.segments.values()) segment.live = 0
    for (const location of this.index.values()) {
      const segment = this.segments.get(segmentOf(location))
      if (segment) segment.live++
    }
  }

  /**
   * A sealed segment with a sidecar that matches it is not read (opening a large store stays
   * fast): a damaged line in it is found, and set aside, when it is read, compacted or dropped.
   */
  private async loadSealed(no: number, found: DamageFound[]): Promise<void> {
    const path = join(this.dir, segmentFileName(no))
    const bytes = (await stat(path)).size
    const segment = new Segment(no, path, await open(path, 'r'), bytes, true)
    this.segments.set(no, segment)
    let index: SegmentIndex | null = await readSegmentIndex(join(this.dir, indexFileName(no)), no, bytes)
    if (!index) {
      // Crash before the sidecar was written, or a sidecar from before a compaction: rebuild it.
      const { buffer } = await segment.readAll()
      index = (await this.readCleanLines(segment, buffer, false, 'r', found)).index
      await writeSegmentIndex(join(this.dir, indexFileName(no)), index)
    }
    segment.minAt = index.min_at
    segment.maxAt = index.max_at
    segment.count = index.ids.length
    // Later segments overwrite earlier entries; live counts are tallied once at the end of load().
    for (let i = 0; i < index.ids.length; i++) {
      this.index.set(index.ids[i] as string, packLocation(no, index.offsets[i] as number))
    }
  }

  /** The active segment is read whole, every value checked against the schema. */
  private async loadActive(no: number, found: DamageFound[]): Promise<void> {
    const path = join(this.dir, segmentFileName(no))
    const handle = await open(path, OPEN_ACTIVE)
    const segment = new Segment(no, path, handle, (await stat(path)).size, false)
    this.segments.set(no, segment)
    this.active = segment
    const { buffer } = await segment.readAll()
    const { index, headerTorn } = await this.readCleanLines(segment, buffer, true, OPEN_ACTIVE, found)
    if (headerTorn) {
      // Crashed while creating this segment: not even its header is complete. Write it again.
      const header = this.header(no)
      await segment.handle.truncate(0)
      await segment.handle.write(header, 0, 'utf8')
      await segment.handle.datasync()
      segment.bytes = Buffer.byteLength(header)
    }
    segment.ids = index.ids
    segment.offsets = index.offsets
    segment.count = index.ids.length
    segment.minAt = index.min_at
    segment.maxAt = index.max_at
    for (let i = 0; i < index.ids.length; i++) {
      this.index.set(index.ids[i] as string, packLocation(no, index.offsets[i] as number))
    }
  }

  /**
   * Reads a segment's lines at open. Damaged complete lines are first copied byte for byte to the
   * damaged-lines file (durably), then the segment is rewritten without them; an unfinished last
   * line of the active segment (`allowTornTail`) was never acknowledged and is cut off. Either is
   * told once, at the end of load().
   */
  private async readCleanLines(
    segment: Segment,
    buffer: Buffer,
    allowTornTail: boolean,
    reopenFlags: number | string,
    found: DamageFound[],
  ): Promise<SegmentLines> {
    const read = this.readLines(segment.no, buffer, segment.path, allowTornTail)
    const name = basename(segment.path)
    if (read.damage.length === 0) {
      if (read.torn > 0 && !read.headerTorn) {
        await segment.handle.truncate(read.index.bytes)
        await segment.handle.datasync()
        segment.bytes = read.index.bytes
        found.push({ kind: 'torn', lines: 1, file: null, detail: tornDetail(name, read.torn) })
      }
      return read
    }
    const first = read.damage[0] as LineDamage
    const file = await this.damaged.keep(read.damage.map((d) => lineWithNewline(buffer, d)))
    const detail = `${name} at byte ${first.start}: the line ${first.reason}`
    found.push({ kind: 'damaged', lines: read.damage.length, file, detail })
    if (read.torn > 0) found.push({ kind: 'torn', lines: 1, file: null, detail: tornDetail(name, read.torn) })
    const parts: Buffer[] = []
    let from = 0
    for (const d of read.damage) {
      parts.push(buffer.subarray(from, d.start))
      from = d.end
    }
    parts.push(buffer.subarray(from, buffer.length - read.torn))
    const cleaned = Buffer.concat(parts)
    await writeFileAtomic(segment.path, cleaned)
    await segment.replaceHandle(await open(segment.path, reopenFlags), cleaned.length)
    const again = this.readLines(segment.no, cleaned, segment.path, false)
    if (again.damage.length > 0) throw StoreError.corrupt(segment.path, 'it still holds damaged lines')
    return again
  }

  /**
   * Parses a segment's lines and checks every value. Only the active segment may end in an
   * unfinished line (`allowTornTail`); a header that does not describe this segment is refused.
   */
  private readLines(no: number, buffer: Buffer, path: string, allowTornTail: boolean): SegmentLines {
    const offsets: number[] = []
    const index = {
      segment: no,
      bytes: 0,
      min_at: null as number | null,
      max_at: null as number | null,
      ids: [] as string[],
      offsets,
    }
    const damage: LineDamage[] = []
    const headerEnd = buffer.indexOf(0x0a)
    if (headerEnd === -1) {
      if (allowTornTail) return { index, damage, torn: buffer.length, headerTorn: true }
      throw StoreError.corrupt(path, 'the segment has no header line')
    }
    this.checkHeader(buffer.subarray(0, headerEnd), path, no)
    let torn = 0
    let start = headerEnd + 1
    while (start < buffer.length) {
      const newline = buffer.indexOf(0x0a, start)
      if (newline === -1 && allowTornTail) {
        torn = buffer.length - start
        break
      }
      const end = newline === -1 ? buffer.length : newline + 1
      const checked =
        newline === -1 ? 'does not end in a newline' : this.checkLine(buffer, start, newline, true)
      if (typeof checked === 'string') {
        damage.push({ start, end, reason: checked, id: null })
      } else {
        index.ids.push(checked.id)
        offsets.push(start)
        index.min_at = index.min_at === null ? checked.at : Math.min(index.min_at, checked.at)
        index.max_at = index.max_at === null ? checked.at : Math.max(index.max_at, checked.at)
      }
      start = end
    }
    index.bytes = buffer.length - torn
    return { index, damage, torn, headerTorn: false }
  }

  private checkHeader(line: Buffer, path: string, no: number): void {
    let header: unknown
    try {
      header = JSON.parse(line.toString('utf8'))
    } catch {
      throw StoreError.corrupt(path, 'the header line is not JSON')
    }
    const parsed = SegmentHeaderSchema.safeParse(header)
    if (!parsed.success || parsed.data.kind !== this.kind || parsed.data.segment !== no) {
      throw StoreError.corrupt(path, `the header does not describe ${this.kind} segment ${no}`)
    }
    if (parsed.data.version > SEGMENT_FORMAT_VERSION) {
      throw StoreError.tooNew(path, parsed.data.version, SEGMENT_FORMAT_VERSION)
    }
  }

  /**
   * Checks the line start…newline is a record as `encodeLine` writes it (its id first, where
   * scans read it), and with `checkValue` that its value matches the schema. Answers why not.
   */
  private checkLine(
    buffer: Buffer,
    start: number,
    newline: number,
    checkValue: boolean,
  ): { id: string; at: number } | string {
    const line = buffer.subarray(start, newline)
    const decoded = checkValue ? this.decode(line, null) : this.parseLine(line)
    if (typeof decoded === 'string') return decoded
    if (!ID_PATTERN.test(decoded.id) || idAt(buffer, start) !== decoded.id) {
      return 'does not begin with its id as Hookbench writes it'
    }
    return { id: decoded.id, at: decoded.at }
  }

  /** The line as `{id, at, v}`, its value not yet checked; or why it is not a record line. */
  private parseLine(line: Buffer): { id: string; at: number; v: unknown } | string {
    let parsed: unknown
    try {
      parsed = JSON.parse(line.toString('utf8'))
    } catch {
      return 'is not JSON'
    }
    const fields = parsed as { id?: unknown; at?: unknown; v?: unknown } | null
    if (
      typeof fields !== 'object' ||
      fields === null ||
      typeof fields.id !== 'string' ||
      typeof fields.at !== 'number' ||
      !('v' in fields)
    ) {
      return 'is not a record line ({"id", "at", "v"})'
    }
    return { id: fields.id, at: fields.at, v: fields.v }
  }

  /** The record on a line, its value checked; or why the line is damaged (not thrown: see setAsideOnRead). */
  private decode(line: Buffer, expectedId: string | null): StoredRecord<T> | string {
    const raw = this.parseLine(line)
    if (typeof raw === 'string') return raw
    if (expectedId !== null && raw.id !== expectedId)
      return `holds record ${raw.id} where ${expectedId} was indexed`
    const value = this.schema.safeParse(raw.v)
    if (!value.success) {
      const issue = issuesOf(value.error)[0]
      const where = issue?.path ? ` at "${issue.path}"` : ''
      return `does not match the ${this.kind} schema${where}: ${issue?.message ?? 'invalid'}`
    }
    return { id: raw.id, at: raw.at, value: value.data }
  }

  /**
   * A line found damaged while running (in a sealed segment opened from its sidecar, or changed
   * on disk): copied aside byte for byte and told, its id then reads as not found. A sealed
   * segment is rewritten without it in the background, so the next start does not meet it again.
   */
  private async setAsideOnRead(
    id: string,
    location: number,
    segment: Segment,
    line: Buffer,
    reason: string,
  ): Promise<void> {
    if (this.index.get(id) === location) {
      this.index.delete(id)
      segment.live--
    }
    if (this.setAside.has(location)) return
    this.setAside.add(location)
    const file = await this.damaged.keep([Buffer.concat([line, NEWLINE])])
    this.warn(
      `[hookbench] ${this.dir}: record ${id} in ${basename(segment.path)} at byte ` +
        `${unpackLocation(location).offset} ${reason}; moved byte for byte to ${file}, it now reads as not found.`,
    )
    if (!segment.sealed) return
    this.exclusive(async () => {
      if (this.segments.get(segment.no) === segment) await this.compactSegment(segment)
    }).catch((error: unknown) =>
      this.warn(`[hookbench] ${this.dir}: could not rewrite ${segment.path}: ${error}`),
    )
  }

  // ---- writing -------------------------------------------------------------------------------

  private async flush(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0)
        try {
          await this.writeBatch(batch.flatMap((pending) => pending.lines))
          for (const pending of batch) pending.resolve()
        } catch (error) {
          for (const pending of batch) pending.reject(error)
        }
      }
    } finally {
      this.flushing = null
    }
  }

  private async writeBatch(lines: PendingAppend['lines']): Promise<void> {
    const buffer = Buffer.concat(lines.map((line) => line.bytes))
    if (this.active.count > 0 && this.active.bytes + buffer.length > this.maxSegmentBytes) await this.rotate()
    const segment = this.active
    const start = segment.bytes
    try {
      let written = 0
      while (written < buffer.length) {
        const result = await segment.handle.write(buffer, written, buffer.length - written, start + written)
        written += result.bytesWritten
      }
      if (SYNCED_WRITES === 0) await segment.handle.datasync()
    } catch (error) {
      // Leave no half-written tail behind a failed write (disk full, I/O error).
      await segment.handle.truncate(start).catch(() => {})
      throw error
    }
    segment.bytes = start + buffer.length
    this.flushes++
    this.linesWritten += lines.length
    this.cache.delete(segment)
    let offset = start
    for (const line of lines) {
      segment.noteLine(line.id, offset, line.at, true)
      this.point(line.id, packLocation(segment.no, offset), segment)
      offset += line.bytes.length
    }
  }

  /** Seals the active segment (its sidecar index written durably) and starts the next one. */
  private async rotate(): Promise<void> {
    const sealed = this.active
    await writeSegmentIndex(join(this.dir, indexFileName(sealed.no)), {
      segment: sealed.no,
      bytes: sealed.bytes,
      min_at: sealed.minAt,
      max_at: sealed.maxAt,
      ids: sealed.ids,
      offsets: sealed.offsets,
    })
    sealed.sealed = true
    sealed.ids = []
    sealed.offsets = []
    this.active = await this.createSegment(sealed.no + 1)
  }

  private async createSegment(no: number): Promise<Segment> {
    const path = join(this.dir, segmentFileName(no))
    const header = this.header(no)
    const handle = await open(path, CREATE_ACTIVE, 0o600)
    await handle.write(header, 0, 'utf8')
    await handle.datasync()
    await fsyncDirectory(this.dir)
    const segment = new Segment(no, path, handle, Buffer.byteLength(header), false)
    this.segments.set(no, segment)
    return segment
  }

  private header(no: number): string {
    return encodeHeader({
      hookbench: 'segment',
      version: SEGMENT_FORMAT_VERSION,
      kind: this.kind,
      segment: no,
      created_at: this.clock.now(),
    })
  }

  /** Moves an id's index entry, keeping every segment's live count right. */
  private point(id: string, location: number, segment: Segment): void {
    const previous = this.index.get(id)
    if (previous !== undefined) {
      const old = this.segments.get(segmentOf(previous))
      if (old) old.live--
    }
    this.index.set(id, location)
    segment.live++
  }

  // ---- maintenance ---------------------------------------------------------------------------

  /** Retention and compaction never run at the same time as each other. */
  private exclusive<R>(work: () => Promise<R>): Promise<R> {
    const run = this.maintenance.then(work)
    this.maintenance = run.catch(() => {})
    return run
  }

  /**
   * The segment's bytes as of the current generation: a read that raced with a compaction is
   * retried, so offsets in the buffer always agree with the index when the caller uses them.
   */
  private async currentBuffer(segment: Segment): Promise<Buffer> {
    for (;;) {
      const cached = this.cache.get(segment)
      if (cached) return cached
      const { buffer, generation } = await segment.readAll()
      if (generation !== segment.generation) continue
      if (segment.sealed) this.cache.set(segment, buffer)
      return buffer
    }
  }

  /**
   * Drops a sealed segment whole. Its records are past the retention limits, but a damaged line in
   * it is not a record anyone chose to drop: it is kept aside first, like everywhere else.
   */
  private async dropSegment(segment: Segment): Promise<number> {
    const { buffer } = await segment.readAll()
    const { live } = await this.sortLines(segment, buffer, 'before retention dropped the segment')
    let removed = 0
    for (const { id, from } of live) {
      if (this.index.get(id) === packLocation(segment.no, from)) {
        this.index.delete(id)
        removed++
      }
    }
    for (const location of this.setAside)
      if (segmentOf(location) === segment.no) this.setAside.delete(location)
    this.segments.delete(segment.no)
    this.cache.delete(segment)
    await segment.close()
    await rm(segment.path, { force: true })
    await rm(join(this.dir, indexFileName(segment.no)), { force: true })
    await fsyncDirectory(this.dir)
    return removed
  }

  /**
   * A sealed segment's live lines (the newest version of their id, value checked), after any line
   * that is damaged (live and failing the schema, or not a record line at all) was copied aside
   * and told. Superseded record lines are neither: dropping them is what compaction is for.
   */
  private async sortLines(
    segment: Segment,
    buffer: Buffer,
    when: string,
  ): Promise<{ live: Array<{ id: string; from: number; to: number }> }> {
    const live: Array<{ id: string; from: number; to: number }> = []
    const damage: LineDamage[] = []
    for (const start of lineStarts(buffer)) {
      const location = packLocation(segment.no, start)
      const newline = buffer.indexOf(0x0a, start)
      const end = newline === -1 ? buffer.length : newline + 1
      if (this.setAside.has(location)) continue
      const id = idAt(buffer, start)
      const isLive = id !== null && this.index.get(id) === location
      const checked =
        newline === -1 ? 'does not end in a newline' : this.checkLine(buffer, start, newline, isLive)
      if (typeof checked === 'string') damage.push({ start, end, reason: checked, id: isLive ? id : null })
      else if (isLive) live.push({ id: checked.id, from: start, to: end })
    }
    if (damage.length === 0) return { live }
    const file = await this.damaged.keep(damage.map((d) => lineWithNewline(buffer, d)))
    for (const d of damage) {
      const location = packLocation(segment.no, d.start)
      this.setAside.add(location)
      if (d.id !== null && this.index.get(d.id) === location) {
        this.index.delete(d.id)
        segment.live--
      }
    }
    const first = damage[0] as LineDamage
    this.warn(
      `[hookbench] ${this.dir}: ${lines(damage.length)} in ${basename(segment.path)} (first at byte ` +
        `${first.start}: the line ${first.reason}) moved byte for byte to ${file} ${when}.`,
    )
    return { live }
  }

  private async compactSegment(segment: Segment): Promise<void> {
    const { buffer } = await segment.readAll()
    const headerEnd = buffer.indexOf(0x0a) + 1
    const { live: kept } = await this.sortLines(segment, buffer, 'while compacting the segment')
    const parts = [buffer.subarray(0, headerEnd), ...kept.map((k) => buffer.subarray(k.from, k.to))]
    const compacted = Buffer.concat(parts)
    const temp = `${segment.path}.compact`
    const handle = await open(temp, 'w+', 0o600)
    try {
      await handle.writeFile(compacted)
      await handle.sync()
    } catch (error) {
      await handle.close()
      await rm(temp, { force: true })
      throw error
    }
    const offsets: number[] = []
    let offset = headerEnd
    for (const k of kept) {
      offsets.push(offset)
      offset += k.to - k.from
    }
    // Sidecar first: if we crash after the rename, its byte count no longer matches and it is rebuilt.
    await rename(temp, segment.path)
    await fsyncDirectory(this.dir)
    await writeSegmentIndex(join(this.dir, indexFileName(segment.no)), {
      segment: segment.no,
      bytes: compacted.length,
      min_at: segment.minAt,
      max_at: segment.maxAt,
      ids: kept.map((k) => k.id),
      offsets,
    })
    // Swap index entries and handle in one synchronous step. Ids superseded while we were writing
    // (their newest line is now elsewhere) stay pointed where they are: they are dead lines here.
    let live = 0
    kept.forEach((k, i) => {
      if (this.index.get(k.id) !== packLocation(segment.no, k.from)) return
      this.index.set(k.id, packLocation(segment.no, offsets[i] as number))
      live++
    })
    segment.count = kept.length
    segment.live = live
    // The lines set aside are no longer in the file, and the offsets of the others moved.
    for (const location of this.setAside)
      if (segmentOf(location) === segment.no) this.setAside.delete(location)
    this.cache.delete(segment)
    await segment.replaceHandle(handle, compacted.length)
  }
}
