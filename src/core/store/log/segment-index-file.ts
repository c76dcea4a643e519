import { readFile } from 'node:fs/promises'
import { z } from 'zod'
import { writeFileAtomic } from '../atomic-write.ts'

/**
 * The sidecar written when a segment is sealed: every line's id and offset, so opening a store
 * of a million records reads small index files instead of scanning gigabytes of JSON lines.
 */
export interface SegmentIndex {
  segment: number
  bytes: number
  min_at: number | null
  max_at: number | null
  ids: string[]
  offsets: ArrayLike<number>
}

/**
 * On disk, ids are one newline-joined string and offsets one base64 Uint32Array: parsing that
 * is a split and a copy, where a JSON array of a hundred thousand entries (let alone validating it
 * element by element) would dominate the time to open a large store.
 */
const SidecarSchema = z.object({
  version: z.literal(2),
  segment: z.number().int().positive(),
  bytes: z.number().int().nonnegative(),
  count: z.number().int().nonnegative(),
  min_at: z.number().nullable(),
  max_at: z.number().nullable(),
  ids: z.string(),
  offsets: z.string(),
})

/** Returns null when the sidecar is missing or unusable: the caller rebuilds it from the segment. */
export async function readSegmentIndex(
  path: string,
  segment: number,
  bytes: number,
): Promise<SegmentIndex | null> {
  let raw: string
  try {
    raw = await readFile(path, 'utf8')
  } catch {
    return null
  }
  try {
    const parsed = SidecarSchema.safeParse(JSON.parse(raw))
    if (!parsed.success) return null
    const sidecar = parsed.data
    if (sidecar.segment !== segment || sidecar.bytes !== bytes) return null
    const ids = sidecar.count === 0 ? [] : sidecar.ids.split('\n')
    const packed = Buffer.from(sidecar.offsets, 'base64')
    if (ids.length !== sidecar.count || packed.length !== sidecar.count * 4) return null
    // Copy into an aligned buffer: a Uint32Array view needs a byte offset that is a multiple of 4.
    const offsets = new Uint32Array(packed.buffer.slice(packed.byteOffset, packed.byteOffset + packed.length))
    return { segment, bytes, min_at: sidecar.min_at, max_at: sidecar.max_at, ids, offsets }
  } catch {
    return null
  }
}

export async function writeSegmentIndex(path: string, index: SegmentIndex): Promise<void> {
  const offsets = Buffer.from(Uint32Array.from(index.offsets).buffer)
  const sidecar: z.input<typeof SidecarSchema> = {
    version: 2,
    segment: index.segment,
    bytes: index.bytes,
    count: index.ids.length,
    min_at: index.min_at,
    max_at: index.max_at,
    ids: index.ids.join('\n'),
    offsets: offsets.toString('base64'),
  }
  await writeFileAtomic(path, JSON.stringify(sidecar), 0o600)
}
