import { EventRecordSchema, MessageRecordSchema, StoredAttemptSchema } from '../../shared/domain/message.ts'
import { StoredCheckRunSchema } from '../checks/check-run-record.ts'
import { RequestRecordSchema } from '../receiver/request-record.ts'
import type { RecordSchemas } from './record-store.ts'

/**
 * The schema every stored record of each kind is validated against when it is read from disk
 * (and when a workspace import brings it in).
 * Changing one in a way old records do not satisfy needs a migration of the record log.
 */
export const recordSchemas = {
  events: EventRecordSchema,
  messages: MessageRecordSchema,
  attempts: StoredAttemptSchema,
  // Captured requests and their tombstones.
  requests: RequestRecordSchema,
  // Check runs, their secret and credentials sealed.
  check_runs: StoredCheckRunSchema,
} satisfies RecordSchemas
