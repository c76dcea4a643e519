import { describe, expect, it } from 'vitest'
import { StoredCheckRunSchema } from '../../../../src/core/checks/check-run-record.ts'
import { CheckRuns } from '../../../../src/core/checks/check-runs.ts'
import { createEventBus } from '../../../../src/core/events/event-bus.ts'
import { openKeyFileBox } from '../../../../src/core/secrets/key-file-box.ts'
import { RecordLog } from '../../../../src/core/store/log/record-log.ts'
import type { StreamEvent } from '../../../../src/shared/contract/live-events.ts'
import { tempDirsPerTest } from '../../../helpers/temp-dir.ts'
import { receiversPerTest } from '../../../integration/check-receivers.ts'

const tempDir = tempDirsPerTest()
const startReceiver = receiversPerTest()

/** What the file system answers once the disk is full. */
function diskFull(): Error {
  return Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' })
}

describe('a check run whose writes fail (the disk is full)', () => {
  it('stops, and the list and its report say it failed and why, instead of running forever', async () => {
    const dataDir = tempDir()
    const log = await RecordLog.open({
      dir: `${dataDir}/records/check_runs`,
      kind: 'check_runs',
      schema: StoredCheckRunSchema,
      clock: { now: () => Date.now() },
    })
    // The first two writes land (the run, its first check starting), then the disk is full.
    let writes = 0
    const append = log.append.bind(log)
    log.append = (records) => (++writes > 2 ? Promise.reject(diskFull()) : append(records))
    const events = createEventBus()
    const seen: StreamEvent[] = []
    events.subscribe((event) => seen.push(event))
    const runs = new CheckRuns({
      log,
      secrets: await openKeyFileBox(dataDir),
      events,
      clock: { now: () => Date.now() },
      userAgent: 'test',
    })
    const receiver = await startReceiver({})

    const { check_run_id: id } = await runs.start({ url: receiver.url, profile: 'standard' })
    const deadline = Date.now() + 10_000
    while (runs.index.list({ limit: 1 }).items[0]?.status === 'running') {
      if (Date.now() > deadline) throw new Error('the run never ended')
      await new Promise((resolve) => setTimeout(resolve, 20))
    }

    const listed = runs.index.list({ limit: 1 }).items[0]
    expect(listed).toMatchObject({ check_run_id: id, status: 'failed', running_check_id: null })
    expect(listed?.error).toContain("the disk holding Hookbench's data is full")
    // It stopped at the first failed write instead of sending every check.
    expect(receiver.taken.length).toBeLessThan(3)
    const report = await runs.get(id)
    expect(report.status).toBe('failed')
    const last = seen.at(-1)
    expect(last).toMatchObject({ type: 'check_run.updated', data: { check_run_id: id, status: 'failed' } })
    await runs.close()
    await log.close()
  })
})
