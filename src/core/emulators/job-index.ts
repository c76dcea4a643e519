import type { EventRecord } from '../../shared/domain/message.ts'
import type { RecordLog } from '../store/log/record-log.ts'

const TOPIC = 'JOB_PROCESSED'

/**
 * Rustici Generator's job read, `GET /api/v1/jobs/{job_id}`, answers the JobRead of the newest
 * JOB_PROCESSED event for that job. Scanning the events log for it took a quarter of a second at
 * 20k events (and held up everything else the process was doing); this keeps job id → newest
 * such event's id in memory, so a read is one map lookup and one record read.
 *
 * Built once when Hookbench starts, by one scan, then kept current from every append to the
 * events log, whoever makes it (a sent event, a workspace import).
 */
export class JobIndex {
  private readonly newest = new Map<string, string>()
  private readonly events: RecordLog<EventRecord>

  private constructor(events: RecordLog<EventRecord>) {
    this.events = events
  }

  static async open(events: RecordLog<EventRecord>): Promise<JobIndex> {
    const index = new JobIndex(events)
    // Watch first, then scan newest first keeping only the first event seen per job: an append
    // that lands during the scan is newer than anything the scan finds, and is never overwritten.
    index.watchAppends()
    for await (const { id, value } of events.scan('newest')) {
      const jobId = jobIdOf(value)
      if (jobId !== null && !index.newest.has(jobId)) index.newest.set(jobId, id)
    }
    return index
  }

  /** The `data` (a JobRead) of the newest JOB_PROCESSED event for `jobId`, or undefined. */
  async read(jobId: string): Promise<unknown> {
    const eventId = this.newest.get(jobId)
    if (eventId === undefined) return undefined
    const event = (await this.events.get(eventId))?.value
    // Gone with retention (which drops the oldest events first, so no older one is left either).
    if (!event || jobIdOf(event) !== jobId) {
      if (this.newest.get(jobId) === eventId) this.newest.delete(jobId)
      return undefined
    }
    return event.data
  }

  /**
   * The events log has no append notification of its own, so its `append` is wrapped: the index
   * learns of records once they are on disk, before the appender is told they are.
   */
  private watchAppends(): void {
    const append = this.events.append.bind(this.events)
    this.events.append = (records) =>
      append(records).then(() => {
        for (const { id, value } of records) {
          const jobId = jobIdOf(value)
          if (jobId !== null) this.newest.set(jobId, id)
        }
      })
  }
}

/** The job an event is about when it is a JOB_PROCESSED whose data is a JobRead with an id. */
function jobIdOf(event: EventRecord): string | null {
  if (event.topic !== TOPIC) return null
  const data = event.data
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return null
  const id = (data as { id?: unknown }).id
  return typeof id === 'string' ? id : null
}
