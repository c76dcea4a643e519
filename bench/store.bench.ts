// Store benchmarks. Each figure is printed next to a baseline measured in this run.
//  1. ingest: records/s of 1.5 KB records from 50 concurrent writers (group commit, fdatasync per
//     group) into a log pre-filled with 1k and with 100k records; baseline: the same bytes appended
//     with one write + fdatasync per group by a bare loop (the durable ceiling).
//  2. open: a log of 1,000,000 records (200-byte values) — time to ready and RSS; baseline: just
//     reading the segment files' bytes.
//  3. lookup by id in that log: p99 latency; baseline: p99 of a bare positional read of a line.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { open } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { z } from 'zod'
import { RecordLog } from '../src/core/store/log/record-log.ts'
import { groupedAppender } from './grouped-append.ts'
import { median, report } from './report.ts'

const clock = { now: () => Date.now() }
const schema = z.object({ n: z.number(), body: z.string() })
const WRITERS = 50

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'hookbench-bench-store-'))
}

async function fill(log: RecordLog<z.infer<typeof schema>>, count: number, body: string, prefix: string) {
  for (let start = 0; start < count; start += 5_000) {
    const batch = Array.from({ length: Math.min(5_000, count - start) }, (_, i) => ({
      id: `${prefix}-${start + i}`,
      value: { n: start + i, body },
    }))
    await log.append(batch)
  }
}

/** Folders are removed after all rounds: deleting hundreds of MB right before a timed run skews it. */
const toRemove: string[] = []

async function ingestRate(prefilled: number): Promise<number> {
  const dir = tempDir()
  toRemove.push(dir)
  const log = await RecordLog.open({ dir, kind: 'requests', schema, clock })
  const body = 'x'.repeat(1_450)
  await fill(log, prefilled, body, 'pre')
  const total = 20_000
  let next = 0
  const started = performance.now()
  await Promise.all(
    Array.from({ length: WRITERS }, async () => {
      while (next < total) {
        const n = next++
        await log.append([{ id: `new-${n}`, value: { n, body } }])
      }
    }),
  )
  const rate = (total / (performance.now() - started)) * 1000
  await log.close()
  return rate
}

/** The durable ceiling: the same lines appended by 50 writers with one write + fdatasync per group. */
async function rawGroupedAppendRate(): Promise<number> {
  const dir = tempDir()
  toRemove.push(dir)
  const handle = await open(join(dir, 'raw.jsonl'), 'a')
  const line = `${JSON.stringify({ id: 'new-00000', at: Date.now(), v: { n: 0, body: 'x'.repeat(1_450) } })}\n`
  const total = 20_000
  const append = groupedAppender(handle)
  let next = 0
  const started = performance.now()
  await Promise.all(
    Array.from({ length: WRITERS }, async () => {
      while (next < total) {
        next++
        await append(line)
      }
    }),
  )
  const rate = (total / (performance.now() - started)) * 1000
  await handle.close()
  return rate
}

function p99(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length * 0.99)] ?? Number.NaN
}

/** Phase 2 and 3 run in a fresh process so RSS shows the open log, not the data generated for it. */
async function openAndLookup(dir: string): Promise<void> {
  const files = readdirSync(dir).filter((f) => f.endsWith('.jsonl'))
  const bytesOnDisk = files.reduce((sum, f) => sum + statSync(join(dir, f)).size, 0)
  let started = performance.now()
  for (const file of files) readFileSync(join(dir, file))
  const readAllMs = performance.now() - started

  started = performance.now()
  const big = await RecordLog.open({ dir, kind: 'messages', schema, clock })
  const openMs = performance.now() - started
  const rss = process.memoryUsage().rss / 1e6
  report({
    name: `open 1,000,000 records (${Math.round(bytesOnDisk / 1e6)} MB, ${files.length} segments): time to ready`,
    unit: 'ms',
    value: openMs,
    baseline: { name: 'reading the segment bytes alone', value: readAllMs },
    target: 'under 2,000 ms',
  })
  report({
    name: 'open 1,000,000 records: process RSS',
    unit: 'MB',
    value: rss,
    baseline: { name: 'bytes on disk', value: bytesOnDisk / 1e6 },
    target: 'under 400 MB',
  })

  const samples: number[] = []
  for (let i = 0; i < 10_000; i++) {
    const id = `m-${Math.floor(Math.random() * 1_000_000)}`
    const t = performance.now()
    const record = await big.get(id)
    samples.push(performance.now() - t)
    if (!record) throw new Error(`lost ${id}`)
  }
  const rawSamples: number[] = []
  const handle = await open(join(dir, files[0] as string), 'r')
  for (let i = 0; i < 10_000; i++) {
    const buffer = Buffer.allocUnsafe(512)
    const t = performance.now()
    await handle.read(buffer, 0, 512, Math.floor(Math.random() * 1_000_000))
    rawSamples.push(performance.now() - t)
  }
  await handle.close()
  report({
    name: 'lookup by id in the 1M-record log: p99',
    unit: 'ms',
    value: p99(samples),
    baseline: { name: 'p99 of a bare 512-byte positional read', value: p99(rawSamples) },
    target: 'under 5 ms',
  })
  await big.close()
}

const openDir = process.argv[2] === '--open' ? process.argv[3] : undefined
if (openDir) {
  await openAndLookup(openDir)
} else {
  // ---- 1. ingest: three interleaved rounds, medians (this disk's fsync latency is noisy) ------
  const ceiling: number[] = []
  const at1k: number[] = []
  const at100k: number[] = []
  for (let round = 0; round < 5; round++) {
    ceiling.push(await rawGroupedAppendRate())
    at1k.push(await ingestRate(1_000))
    at100k.push(await ingestRate(100_000))
  }
  for (const dir of toRemove) rmSync(dir, { recursive: true, force: true })
  report({
    name: 'ingest, 1.5 KB records, 50 writers, log holding 1k (median of 5)',
    unit: 'rec/s',
    value: median(at1k),
    baseline: { name: 'bare grouped append + fdatasync', value: median(ceiling) },
  })
  report({
    name: 'ingest, 1.5 KB records, 50 writers, log holding 100k (median of 5)',
    unit: 'rec/s',
    value: median(at100k),
    baseline: { name: 'the same ingest into a log holding 1k', value: median(at1k) },
    target: 'ratio ≥ 0.9',
  })

  // ---- 2 + 3. open a 1M-record log and look records up, in a fresh process ----------------------
  const bigDir = tempDir()
  const log = await RecordLog.open({ dir: bigDir, kind: 'messages', schema, clock })
  await fill(log, 1_000_000, 'y'.repeat(200), 'm')
  await log.close()
  const child = spawnSync(process.execPath, [import.meta.filename, '--open', bigDir], {
    stdio: ['ignore', 'inherit', 'inherit'],
  })
  if (child.status !== 0) console.error(`[store bench] open phase exited with ${child.status}`)
  rmSync(bigDir, { recursive: true, force: true })
}
