import { afterEach, describe, expect, it } from 'vitest'
import { JobIndex } from '../../../../src/core/emulators/job-index.ts'
import { RecordLog } from '../../../../src/core/store/log/record-log.ts'
import { type EventRecord, EventRecordSchema } from '../../../../src/shared/domain/message.ts'
import { tempDirsPerTest } from '../../../helpers/temp-dir.ts'

const tempDir = tempDirsPerTest()
const open: Array<RecordLog<EventRecord>> = []
afterEach(async () => {
  for (const log of open.splice(0)) await log.close()
})

async function openEvents(dir: string): Promise<RecordLog<EventRecord>> {
  const log = await RecordLog.open({
    dir,
    kind: 'events',
    schema: EventRecordSchema,
    clock: { now: () => 0 },
  })
  open.push(log)
  return log
}

let counter = 0
function event(topic: string, data: unknown): { id: string; value: EventRecord } {
  const id = `event-${++counter}`
  const value = {
    event_id: id,
    topic,
    data,
    tenant_id: null,
    entity_key: null,
    resource_id: null,
    created_at: '2025-01-01T00:00:00.000Z',
  } as EventRecord
  return { id, value }
}

/** Reads that must come from the index: the log refuses to be scanned once the index is open. */
function forbidScans(log: RecordLog<EventRecord>): void {
  log.scan = () => {
    throw new Error('a job read scanned the events log')
  }
}

describe('JobIndex', () => {
  it('answers the newest JOB_PROCESSED data per job without scanning, also for events appended later', async () => {
    const log = await openEvents(tempDir())
    await log.append([
      event('JOB_PROCESSED', { id: 'job_1', status: 'RUNNING' }),
      event('JOB_PROCESSED', { id: 'job_1', status: 'COMPLETED' }),
      event('JOB_PROCESSED', { id: 'job_2', status: 'RUNNING' }),
      event('user.created', { id: 'job_1' }),
      event('JOB_PROCESSED', ['not', 'a', 'JobRead']),
    ])
    const jobs = await JobIndex.open(log)
    forbidScans(log)

    expect(await jobs.read('job_1')).toEqual({ id: 'job_1', status: 'COMPLETED' })
    expect(await jobs.read('job_2')).toEqual({ id: 'job_2', status: 'RUNNING' })
    expect(await jobs.read('job_3')).toBeUndefined()

    await log.append([event('JOB_PROCESSED', { id: 'job_2', status: 'FAILED' })])
    await log.append([event('user.created', { id: 'job_2' })])
    expect(await jobs.read('job_2')).toEqual({ id: 'job_2', status: 'FAILED' })
  })

  it('is built again from the log after a restart', async () => {
    const dir = tempDir()
    const before = await openEvents(dir)
    await JobIndex.open(before)
    await before.append([event('JOB_PROCESSED', { id: 'job_1', status: 'RUNNING' })])
    await before.append([event('JOB_PROCESSED', { id: 'job_1', status: 'COMPLETED' })])
    await before.close()
    open.splice(0)

    const after = await openEvents(dir)
    const jobs = await JobIndex.open(after)
    forbidScans(after)
    expect(await jobs.read('job_1')).toEqual({ id: 'job_1', status: 'COMPLETED' })
  })
})
