import { z } from 'zod'
import type { RecordSchemas } from './record-store.ts'

/**
 * The schema every stored record of each kind is validated against, on write and on read.
 * Records are JSON objects; the delivery issue (events, messages, attempts) and the receiver
 * issue (captured requests) replace these with their full domain schemas.
 */
export const recordSchemas = {
  events: z.looseObject({}),
  messages: z.looseObject({}),
  attempts: z.looseObject({}),
  requests: z.looseObject({}),
} satisfies RecordSchemas
