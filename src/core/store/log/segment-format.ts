import { z } from 'zod'

/** The version of the segment line format this build writes and reads. */
export const SEGMENT_FORMAT_VERSION = 1

export const SegmentHeaderSchema = z.object({
  hookbench: z.literal('segment'),
  version: z.number().int().positive(),
  kind: z.string(),
  segment: z.number().int().positive(),
  created_at: z.number(),
})
export type SegmentHeader = z.infer<typeof SegmentHeaderSchema>

/** One line of a segment: a record version. A later line with the same id supersedes it. */
export const RecordLineSchema = z.object({
  id: z.string().min(1),
  at: z.number(),
  v: z.unknown(),
})
export type RecordLine = z.infer<typeof RecordLineSchema>

export function segmentFileName(segment: number): string {
  return `${String(segment).padStart(8, '0')}.jsonl`
}

export function indexFileName(segment: number): string {
  return `${String(segment).padStart(8, '0')}.idx.json`
}

export function parseSegmentNumber(fileName: string): number | null {
  const match = /^(\d{8})\.jsonl$/.exec(fileName)
  return match?.[1] ? Number(match[1]) : null
}

export function encodeHeader(header: SegmentHeader): string {
  return `${JSON.stringify(header)}\n`
}

/** A record line as the bytes written: its JSON and a newline, encoded once (no joined copy). */
export function encodeLine(line: RecordLine): Buffer {
  const json = JSON.stringify(line)
  const length = Buffer.byteLength(json)
  const bytes = Buffer.allocUnsafe(length + 1)
  bytes.write(json, 0, length, 'utf8')
  bytes[length] = 0x0a
  return bytes
}

/**
 * Where the newest version of a record lives: segment number and byte offset packed in one
 * number (segment × 2³² + offset, exact below 2⁵³), so the in-memory index of a million
 * records is one Map<string, number> instead of a million small objects.
 */
export function packLocation(segment: number, offset: number): number {
  return segment * 2 ** 32 + offset
}

export function unpackLocation(location: number): { segment: number; offset: number } {
  const segment = segmentOf(location)
  return { segment, offset: location - segment * 2 ** 32 }
}

/** The segment number of a packed location, without building the pair (the append path's hot spot). */
export function segmentOf(location: number): number {
  return Math.floor(location / 2 ** 32)
}
