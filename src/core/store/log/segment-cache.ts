import type { Segment } from './segment.ts'

/**
 * Whole-segment buffers for scans, least recently used evicted first, bounded in bytes, so
 * old segments load lazily and a long history does not stay in memory.
 */
export class SegmentCache {
  private readonly entries = new Map<Segment, Buffer>()
  private bytes = 0
  private readonly maxBytes: number

  constructor(maxBytes: number) {
    this.maxBytes = maxBytes
  }

  get(segment: Segment): Buffer | undefined {
    const buffer = this.entries.get(segment)
    if (buffer) {
      this.entries.delete(segment)
      this.entries.set(segment, buffer)
    }
    return buffer
  }

  set(segment: Segment, buffer: Buffer): void {
    this.delete(segment)
    if (buffer.length > this.maxBytes) return
    this.entries.set(segment, buffer)
    this.bytes += buffer.length
    for (const [oldest, oldBuffer] of this.entries) {
      if (this.bytes <= this.maxBytes) break
      this.entries.delete(oldest)
      this.bytes -= oldBuffer.length
    }
  }

  delete(segment: Segment): void {
    const buffer = this.entries.get(segment)
    if (!buffer) return
    this.entries.delete(segment)
    this.bytes -= buffer.length
  }
}
