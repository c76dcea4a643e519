import { z } from 'zod'
import { type CapturedRequest, CapturedRequestSchema } from '../../shared/receiver/captured-request.ts'

/**
 * Deleting captures appends a tombstone under the same id (the log is append-only): the index
 * then points at the tombstone, `get` answers 404, and compaction drops the old lines with the
 * bodies. Chosen over a per-bin "cleared before" time so a deletion frees the disk space and
 * cannot hide a capture that arrived in the same millisecond.
 */
export const RequestTombstoneSchema = z.object({
  deleted: z.literal(true),
  bin_id: z.string(),
  deleted_at: z.iso.datetime(),
})
export type RequestTombstone = z.output<typeof RequestTombstoneSchema>

export const RequestRecordSchema = z.union([RequestTombstoneSchema, CapturedRequestSchema])
export type RequestRecord = z.output<typeof RequestRecordSchema>

export function isTombstone(record: RequestRecord): record is RequestTombstone {
  return 'deleted' in record
}

export function isCapture(record: RequestRecord): record is CapturedRequest {
  return !isTombstone(record)
}
