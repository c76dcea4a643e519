import type { FileHandle } from 'node:fs/promises'

const NEWLINE = 0x0a
const READ_CHUNK = 8 * 1024

/**
 * One segment file and what is known about it in memory. Reads are positional and pin the file
 * handle they started on, so a compaction that swaps the file underneath never closes a handle
 * that a read still uses (POSIX keeps the old inode readable until it is closed).
 */
export class Segment {
  readonly no: number
  readonly path: string
  handle: FileHandle
  bytes: number
  /** Record lines in the file (the header line not counted). */
  count = 0
  /** Lines that are still the newest version of their id. */
  live = 0
  minAt: number | null = null
  maxAt: number | null = null
  sealed: boolean
  /** For the active segment only: its lines' ids and offsets, written to the sidecar on seal. */
  ids: string[] = []
  offsets: number[] = []
  /** Bumped when compaction replaces the file; cached buffers of another generation are stale. */
  generation = 0
  private pins = new Map<FileHandle, number>()
  private retired: FileHandle[] = []

  constructor(no: number, path: string, handle: FileHandle, bytes: number, sealed: boolean) {
    this.no = no
    this.path = path
    this.handle = handle
    this.bytes = bytes
    this.sealed = sealed
  }

  noteLine(id: string, offset: number, at: number, keepOffsets: boolean): void {
    this.count++
    this.minAt = this.minAt === null ? at : Math.min(this.minAt, at)
    this.maxAt = this.maxAt === null ? at : Math.max(this.maxAt, at)
    if (keepOffsets) {
      this.ids.push(id)
      this.offsets.push(offset)
    }
  }

  /** Reads the line that starts at `offset` (without its newline). */
  async readLineAt(offset: number): Promise<Buffer> {
    const handle = this.handle
    this.pin(handle)
    try {
      const parts: Buffer[] = []
      let position = offset
      for (;;) {
        const chunk = Buffer.allocUnsafe(READ_CHUNK)
        const { bytesRead } = await handle.read(chunk, 0, READ_CHUNK, position)
        if (bytesRead === 0) throw new Error(`unexpected end of ${this.path} at byte ${position}`)
        const end = chunk.subarray(0, bytesRead).indexOf(NEWLINE)
        if (end !== -1) {
          parts.push(chunk.subarray(0, end))
          return parts.length === 1 ? (parts[0] as Buffer) : Buffer.concat(parts)
        }
        parts.push(chunk.subarray(0, bytesRead))
        position += bytesRead
      }
    } finally {
      await this.unpin(handle)
    }
  }

  /** Reads the whole file as it is now, pinned like a line read. */
  async readAll(): Promise<{ buffer: Buffer; generation: number }> {
    const handle = this.handle
    const generation = this.generation
    const bytes = this.bytes
    this.pin(handle)
    try {
      const buffer = Buffer.allocUnsafe(bytes)
      let filled = 0
      while (filled < bytes) {
        const { bytesRead } = await handle.read(buffer, filled, bytes - filled, filled)
        if (bytesRead === 0) break
        filled += bytesRead
      }
      return { buffer: buffer.subarray(0, filled), generation }
    } finally {
      await this.unpin(handle)
    }
  }

  /** Swaps in a new file handle (after compaction); the old one closes when its last read ends. */
  async replaceHandle(handle: FileHandle, bytes: number): Promise<void> {
    const old = this.handle
    this.handle = handle
    this.bytes = bytes
    this.generation++
    this.retired.push(old)
    if (!this.pins.has(old)) await this.closeRetired(old)
  }

  async close(): Promise<void> {
    for (const handle of [this.handle, ...this.retired]) await handle.close().catch(() => {})
    this.retired = []
  }

  private pin(handle: FileHandle): void {
    this.pins.set(handle, (this.pins.get(handle) ?? 0) + 1)
  }

  private async unpin(handle: FileHandle): Promise<void> {
    const left = (this.pins.get(handle) ?? 1) - 1
    if (left > 0) {
      this.pins.set(handle, left)
      return
    }
    this.pins.delete(handle)
    if (this.retired.includes(handle)) await this.closeRetired(handle)
  }

  private async closeRetired(handle: FileHandle): Promise<void> {
    this.retired = this.retired.filter((h) => h !== handle)
    await handle.close().catch(() => {})
  }
}

/** Offsets of every line start in `buffer` after the header line. */
export function lineStarts(buffer: Buffer): number[] {
  const starts: number[] = []
  let position = buffer.indexOf(NEWLINE)
  while (position !== -1 && position + 1 < buffer.length) {
    starts.push(position + 1)
    position = buffer.indexOf(NEWLINE, position + 1)
  }
  return starts
}

/**
 * Reads the id of a record line without parsing the whole JSON. Lines are written by
 * `encodeLine` and always begin `{"id":"…"`, and ids never contain quotes or backslashes.
 */
export function idAt(buffer: Buffer, start: number): string | null {
  const prefix = '{"id":"'
  if (buffer.toString('latin1', start, start + prefix.length) !== prefix) return null
  const from = start + prefix.length
  const end = buffer.indexOf(0x22, from)
  return end === -1 ? null : buffer.toString('utf8', from, end)
}
