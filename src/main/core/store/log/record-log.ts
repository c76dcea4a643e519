import { constants } from 'node:fs'
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { z } from 'zod'
import type { Clock } from '../../../../shared/clock.ts'
import { fsyncDirectory } from '../atomic-write.ts'
import { StoreError } from '../store-error.ts'
import { idAt, lineStarts, Segment } from './segment.ts'
import { SegmentCache } from './segment-cache.ts'
import {
  encodeHeader,
  encodeLine,
  indexFileName,
  packLocation,
  parseSegmentNumber,
  RecordLineSchema,
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

  /** What the Settings page shows: live records, segment files and bytes on disk. */
  storageStats(): { records: number; segments: number; bytes: number } {
    let bytes = 0
    for (const segment of this.segments.values()) bytes += segment.bytes
    return { records: this.index.size, segments: this.segments.size, bytes }
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

  async get(id: string): Promise<StoredRecord<T> | null> {
    const location = this.index.get(id)
    if (location === undefined) return null
    const { segment: no, offset } = unpackLocation(location)
    const segment = this.segments.get(no)
    if (!segment) return null
    return this.decode(await segment.readLineAt(offset), segment.path)
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
      const live = lineStarts(buffer).filter((start) => {
        const id = idAt(buffer, start)
        return id !== null && this.index.get(id) === packLocation(no, start)
      })
      if (order === 'newest') live.reverse()
      for (const start of live) {
        const end = buffer.indexOf(0x0a, start)
        yield this.decode(buffer.subarray(start, end === -1 ? buffer.length : end), segment.path)
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
    const numbers = (await readdir(this.dir))
      .map(parseSegmentNumber)
      .filter((n): n is number => n !== null)
      .sort((a, b) => a - b)
    const last = numbers.at(-1)
    for (const no of numbers) {
      if (no === last) await this.loadActive(no)
      else await this.loadSealed(no)
    }
    if (last === undefined) this.active = await this.createSegment(1)
    this.tallyLive()
  }

  /** Each segment's live count, from the index as loaded (cheaper than tracking it line by line). */
  private tallyLive(): void {
    for (const segment of this.segments.values()) segment.live = 0
    for (const location of this.index.values()) {
      const segment = this.segments.get(segmentOf(location))
      if (segment) segment.live++
    }
  }

  private async loadSealed(no: number): Promise<void> {
    const path = join(this.dir, segmentFileName(no))
    const bytes = (await stat(path)).size
    const segment = new Segment(no, path, await open(path, 'r'), bytes, true)
    this.segments.set(no, segment)
    let index = await readSegmentIndex(join(this.dir, indexFileName(no)), no, bytes)
    if (!index) {
      // Crash before the sidecar was written, or a sidecar from before a compaction: rebuild it.
      const { buffer } = await segment.readAll()
      index = this.indexFromBuffer(no, buffer, path, false)
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

  private async loadActive(no: number): Promise<void> {
    const path = join(this.dir, segmentFileName(no))
    const handle = await open(path, OPEN_ACTIVE)
    const segment = new Segment(no, path, handle, (await stat(path)).size, false)
    this.segments.set(no, segment)
    this.active = segment
    const { buffer } = await segment.readAll()
    const index = this.indexFromBuffer(no, buffer, path, true)
    if (index.bytes === 0) {
      // Crashed while creating this segment: not even its header is complete. Write it again.
      const header = this.header(no)
      await handle.truncate(0)
      await handle.write(header, 0, 'utf8')
      await handle.datasync()
      segment.bytes = Buffer.byteLength(header)
    } else if (index.bytes < buffer.length) {
      // A torn last line was never acknowledged (its fdatasync never returned): cut it off.
      await handle.truncate(index.bytes)
      await handle.datasync()
      segment.bytes = index.bytes
    }
    segment.ids = index.ids
    segment.offsets = Array.from(index.offsets)
    segment.count = index.ids.length
    segment.minAt = index.min_at
    segment.maxAt = index.max_at
    for (let i = 0; i < index.ids.length; i++) {
      this.index.set(index.ids[i] as string, packLocation(no, index.offsets[i] as number))
    }
  }

  /**
   * Parses a segment's lines. Only the active segment may end in a torn line (`allowTornTail`);
   * anything else that does not parse is corruption, reported with the file name.
   */
  private indexFromBuffer(no: number, buffer: Buffer, path: string, allowTornTail: boolean): SegmentIndex {
    const headerEnd = buffer.indexOf(0x0a)
    if (headerEnd === -1) {
      if (allowTornTail) return { segment: no, bytes: 0, min_at: null, max_at: null, ids: [], offsets: [] }
      throw StoreError.corrupt(path, 'the segment has no header line')
    }
    this.checkHeader(buffer.subarray(0, headerEnd), path, no)
    const offsets: number[] = []
    const index: SegmentIndex & { offsets: number[] } = {
      segment: no,
      bytes: headerEnd + 1,
      min_at: null,
      max_at: null,
      ids: [],
      offsets,
    }
    let start = headerEnd + 1
    while (start < buffer.length) {
      const end = buffer.indexOf(0x0a, start)
      const parsed = end === -1 ? null : this.tryParseLine(buffer.subarray(start, end))
      if (!parsed) {
        const isTail = end === -1 || end === buffer.length - 1
        if (allowTornTail && isTail) break
        throw StoreError.corrupt(path, `line at byte ${start} is not a valid record`)
      }
      index.ids.push(parsed.id)
      index.offsets.push(start)
      index.min_at = index.min_at === null ? parsed.at : Math.min(index.min_at, parsed.at)
      index.max_at = index.max_at === null ? parsed.at : Math.max(index.max_at, parsed.at)
      index.bytes = end + 1
      start = end + 1
    }
    return index
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

  /** Checks a line is a complete record; the value itself is validated when it is read. */
  private tryParseLine(line: Buffer): { id: string; at: number } | null {
    try {
      const parsed = JSON.parse(line.toString('utf8')) as { id?: unknown; at?: unknown; v?: unknown }
      const valid = typeof parsed.id === 'string' && typeof parsed.at === 'number' && 'v' in parsed
      return valid ? { id: parsed.id as string, at: parsed.at as number } : null
    } catch {
      return null
    }
  }

  private decode(line: Buffer, path: string): StoredRecord<T> {
    const raw = RecordLineSchema.parse(JSON.parse(line.toString('utf8')))
    const value = this.schema.safeParse(raw.v)
    if (!value.success) {
      throw StoreError.corrupt(
        path,
        `record ${raw.id} does not match the ${this.kind} schema: ${value.error.message}`,
      )
    }
    return { id: raw.id, at: raw.at, value: value.data }
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

  private async dropSegment(segment: Segment): Promise<number> {
    const entries =
      (await readSegmentIndex(join(this.dir, indexFileName(segment.no)), segment.no, segment.bytes)) ??
      this.indexFromBuffer(segment.no, (await segment.readAll()).buffer, segment.path, false)
    let removed = 0
    for (let i = 0; i < entries.ids.length; i++) {
      const id = entries.ids[i] as string
      if (this.index.get(id) === packLocation(segment.no, entries.offsets[i] as number)) {
        this.index.delete(id)
        removed++
      }
    }
    this.segments.delete(segment.no)
    this.cache.delete(segment)
    await segment.close()
    await rm(segment.path, { force: true })
    await rm(join(this.dir, indexFileName(segment.no)), { force: true })
    await fsyncDirectory(this.dir)
    return removed
  }

  private async compactSegment(segment: Segment): Promise<void> {
    const { buffer } = await segment.readAll()
    const headerEnd = buffer.indexOf(0x0a) + 1
    const kept: Array<{ id: string; from: number; to: number }> = []
    for (const start of lineStarts(buffer)) {
      const id = idAt(buffer, start)
      if (id === null || this.index.get(id) !== packLocation(segment.no, start)) continue
      const end = buffer.indexOf(0x0a, start) + 1
      kept.push({ id, from: start, to: end })
    }
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
    this.cache.delete(segment)
    await segment.replaceHandle(handle, compacted.length)
  }
}
