import { readFile } from 'node:fs/promises'
import { z } from 'zod'
import { writeFileAtomic } from '../atomic-write.ts'

/**
 * The sidecar written when a segment is sealed: every line's id and offset, so opening a store
 * of a million records reads small index files instead of scanning gigabytes of JSON lines.
 */
export const SegmentIndexSchema = z.object({
  version: z.literal(1),
  segment: z.number().int().positive(),
  bytes: z.number().int().nonnegative(),
  min_at: z.number().nullable(),
  max_at: z.number().nullable(),
  ids: z.array(z.string()),
  offsets: z.array(z.number().int().nonnegative()),
})
export type SegmentIndex = z.infer<typeof SegmentIndexSchema>

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
    const parsed = SegmentIndexSchema.safeParse(JSON.parse(raw))
    if (!parsed.success) return null
    const index = parsed.data
    const consistent =
      index.segment === segment && index.bytes === bytes && index.ids.length === index.offsets.length
    return consistent ? index : null
  } catch {
    return null
  }
}

export async function writeSegmentIndex(path: string, index: SegmentIndex): Promise<void> {
  await writeFileAtomic(path, JSON.stringify(index), 0o600)
}
