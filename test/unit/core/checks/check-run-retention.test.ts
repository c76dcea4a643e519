import { describe, expect, it } from 'vitest'
import { CheckRunIndex } from '../../../../src/core/checks/check-run-index.ts'
import type { StoredCheckRun } from '../../../../src/core/checks/check-run-record.ts'
import { recordSchemas } from '../../../../src/core/store/record-schemas.ts'
import { openRecordStore } from '../../../../src/core/store/record-store.ts'
import { RetentionSchema } from '../../../../src/shared/settings.ts'
import { tempDirsPerTest } from '../../../helpers/temp-dir.ts'

const tempDir = tempDirsPerTest()

function storedRun(n: number): StoredCheckRun {
  return {
    check_run_id: `run-${String(n).padStart(3, '0')}`,
    url: 'http://127.0.0.1:3000/webhooks',
    profile: 'standard',
    status: 'finished',
    started_at: new Date(Date.UTC(2026, 0, 1, 0, n)).toISOString(),
    finished_at: new Date(Date.UTC(2026, 0, 1, 0, n, 30)).toISOString(),
    passed: 0,
    failed: 0,
    skipped: 0,
    total: 0,
    must_passed: true,
    running_check_id: null,
    subscription_id: null,
    error: null,
    planned: [],
    checks: [],
    timeout_ms: 15_000,
    secret: null,
    credentials: null,
  }
}

describe('check runs under retention', () => {
  it('drops old check runs past their max_count, and the list leaves them out', async () => {
    const store = await openRecordStore({
      dataDir: tempDir(),
      clock: { now: () => Date.now() },
      schemas: recordSchemas,
      retention: () => RetentionSchema.parse({}),
      maxSegmentBytes: 2_048,
    })
    try {
      const log = store.logs.check_runs
      const index = new CheckRunIndex(log)
      for (let n = 0; n < 40; n++) {
        await log.append([{ id: storedRun(n).check_run_id, value: storedRun(n) }])
      }
      await index.load()
      expect(index.list({ limit: 500 }).total).toBe(40)

      await store.maintain(RetentionSchema.parse({ check_runs: { max_age_days: null, max_count: 10 } }))

      expect(log.size).toBeLessThan(40)
      expect(log.size).toBeGreaterThanOrEqual(10)
      const listed = index.list({ limit: 500 })
      expect(listed.total).toBe(log.size)
      // The newest stay.
      expect(listed.items[0]?.check_run_id).toBe('run-039')
      expect(await log.get('run-000')).toBeNull()
    } finally {
      await store.close()
    }
  })
})
