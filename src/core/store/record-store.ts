import { join } from 'node:path'
import type { z } from 'zod'
import type { Clock } from '../../shared/clock.ts'
import type { Retention, RetentionKind } from './config/schema.ts'
import { RecordLog } from './log/record-log.ts'
import { SegmentCache } from './log/segment-cache.ts'

export const recordKinds = [
  'events',
  'messages',
  'attempts',
  'requests',
  'check_runs',
] as const satisfies readonly RetentionKind[]
export type RecordKind = (typeof recordKinds)[number]

export type RecordSchemas = { [K in RecordKind]: z.ZodType }
export type RecordLogs<S extends RecordSchemas> = { [K in RecordKind]: RecordLog<z.output<S[K]>> }

export interface RecordStore<S extends RecordSchemas> {
  readonly logs: RecordLogs<S>
  /** Applies retention limits, then compacts; runs in the background on a timer too. */
  maintain(retention: Retention): Promise<void>
  close(): Promise<void>
}

export interface RecordStoreOptions<S extends RecordSchemas> {
  dataDir: string
  clock: Clock
  schemas: S
  /** Retention limits as they are now (settings can change while running). */
  retention: () => Retention
  maintenanceIntervalMs?: number
  maxSegmentBytes?: number
}

const DAY_MS = 86_400_000

/**
 * The high-volume history: one append-only log per kind under `<dataDir>/records/`, sharing one
 * bounded cache of segment buffers, with retention and compaction in the background. The files are
 * described in docs/architecture.md, "The store on disk".
 */
export async function openRecordStore<S extends RecordSchemas>(
  options: RecordStoreOptions<S>,
): Promise<RecordStore<S>> {
  const cache = new SegmentCache(64 * 1024 * 1024)
  const opened: Array<RecordLog<unknown>> = []
  const logs = {} as Record<RecordKind, RecordLog<unknown>>
  try {
    for (const kind of recordKinds) {
      logs[kind] = await RecordLog.open({
        dir: join(options.dataDir, 'records', kind),
        kind,
        schema: options.schemas[kind],
        clock: options.clock,
        cache,
        ...(options.maxSegmentBytes ? { maxSegmentBytes: options.maxSegmentBytes } : {}),
      })
      opened.push(logs[kind])
    }
  } catch (error) {
    for (const log of opened) await log.close()
    throw error
  }

  let running: Promise<void> = Promise.resolve()
  async function maintain(retention: Retention): Promise<void> {
    for (const kind of recordKinds) {
      const limit = retention[kind]
      await logs[kind].applyRetention({
        maxAgeMs: limit.max_age_days === null ? null : limit.max_age_days * DAY_MS,
        maxCount: limit.max_count,
      })
      await logs[kind].compact()
    }
  }
  const timer = setInterval(() => {
    running = running
      .then(() => maintain(options.retention()))
      .catch((error: unknown) => console.error('[hookbench] store maintenance failed:', error))
  }, options.maintenanceIntervalMs ?? 60_000)
  timer.unref()

  return {
    logs: logs as RecordLogs<S>,
    maintain: (retention) => {
      running = running.then(() => maintain(retention))
      return running
    },
    async close() {
      clearInterval(timer)
      await running.catch(() => {})
      for (const log of opened) await log.close()
    },
  }
}
