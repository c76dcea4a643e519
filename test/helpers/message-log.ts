import { afterEach } from 'vitest'
import { z } from 'zod'
import { RecordLog } from '../../src/core/store/log/record-log.ts'

/** A small record kind for the record log's own tests: a status, and a body to fill segments with. */
export const MessageSchema = z.object({
  status: z.enum(['pending', 'delivered', 'failed']),
  body: z.string(),
})
export type Message = z.infer<typeof MessageSchema>

/** A clock that stands still until told to move. */
export function fakeClock(start = 1_700_000_000_000) {
  let now = start
  return { now: () => now, advance: (ms: number) => (now += ms) }
}

export interface MessageLogOptions {
  maxSegmentBytes?: number
  clock?: { now(): number }
}

/**
 * Opens `messages` record logs that are closed after each test, on a still clock unless given one.
 * `warnings` holds what the logs told (stderr in the product), emptied after each test.
 */
export function messageLogsPerTest() {
  const open: Array<RecordLog<Message>> = []
  const warnings: string[] = []
  afterEach(async () => {
    for (const log of open.splice(0)) await log.close().catch(() => {})
    warnings.splice(0)
  })
  async function openLog(dir: string, options: MessageLogOptions = {}): Promise<RecordLog<Message>> {
    const log = await RecordLog.open({
      dir,
      kind: 'messages',
      schema: MessageSchema,
      clock: options.clock ?? fakeClock(),
      warn: (line) => warnings.push(line),
      ...(options.maxSegmentBytes ? { maxSegmentBytes: options.maxSegmentBytes } : {}),
    })
    open.push(log)
    return log
  }
  return { openLog, warnings }
}
