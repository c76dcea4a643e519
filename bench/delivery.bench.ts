// Delivery throughput: 20,000 signed messages to a local sink, every attempt and the
// message's new state persisted, next to raw undici POSTing the same signed payload to the same
// sink with the same number of connections (the engine opens at most 50 per endpoint; 256
// messages may be in flight, most of them waiting on the disk rather than the network), measured
// in the same run. The sink runs in a process of its own, as a real subscriber does
// (bench/http-sink.ts), so each side measures its own work rather than sharing a loop with it.
//
// Two figures: delivery alone — 20,000 messages already queued (accepted before the engine
// started, as after a restart or a burst), timed from the moment Hookbench is open again (the
// queue read back from disk) to the last message delivered — and end to end, where the 20,000
// events also go through the API, are each written with their message, then delivered.
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Pool } from 'undici'
import type { Scheduler } from '../src/core/delivery/scheduler.ts'
import { type Core, openCore } from '../src/core/index.ts'
import { inProcessApi } from '../src/core/invoke.ts'
import { generateSecret, signHeaders } from '../src/core/signing/standard-webhooks.ts'
import type { StreamEvent } from '../src/shared/contract/live-events.ts'
import { median, report } from './report.ts'

const MESSAGES = 20_000
const CONNECTIONS = 50
const data = { id: 'u1', username: 'ada', email: 'ada@example.test', padding: 'x'.repeat(700) }

const sinkProcess = spawn(process.execPath, [join(import.meta.dirname, 'http-sink.ts')], {
  stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
})
const sinkPort = await new Promise<string>((resolve) =>
  sinkProcess.stdout?.once('data', (chunk: Buffer) => resolve(chunk.toString().trim())),
)
const sinkUrl = `http://127.0.0.1:${sinkPort}`

async function rawUndici(): Promise<number> {
  const pool = new Pool(sinkUrl, { connections: CONNECTIONS })
  const secret = generateSecret()
  const body = JSON.stringify({ type: 'user.created', timestamp: new Date().toISOString(), data })
  let next = 0
  const started = performance.now()
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (next < MESSAGES) {
        const id = `msg_${next++}`
        const headers = {
          'content-type': 'application/json',
          ...signHeaders([secret], id, Math.floor(Date.now() / 1000), body),
        }
        const response = await pool.request({ path: '/hook', method: 'POST', headers, body })
        await response.body.text()
      }
    }),
  )
  const rate = (MESSAGES / (performance.now() - started)) * 1000
  await pool.close()
  return rate
}

/**
 * Resolves once `count` messages are delivered, counted from the live stream rather than by
 * polling the message list (which would cost the engine's loop). The engine starts delivering
 * while the core opens, before anyone can listen: those are read from the message index once, in
 * the same tick as the subscription (index and stream change together, synchronously), so every
 * delivery is counted exactly once. Answers how many were delivered before it listened (a few
 * hundred at most), which a rate leaves out. (A once-a-second poll used to catch the ones missed, which
 * rounded the time up to whole seconds: 20,000 in 2 or 3 s read as 9,990 or 6,660 msg/s.)
 */
async function allDelivered(core: Core, count: number): Promise<number> {
  const api = inProcessApi(core.handlers)
  let delivered = 0
  let reached: () => void = () => {}
  const done = new Promise<void>((resolve) => {
    reached = resolve
  })
  const stop = core.events.subscribe((event: StreamEvent) => {
    if (event.type === 'message.updated' && event.data.status === 'delivered' && ++delivered >= count) {
      reached()
    }
  })
  // Called in this tick: the index's count is taken before any later event is emitted.
  const before = api.listMessages({ status: 'delivered', limit: 1 })
  const deliveredBefore = (await before).total
  delivered += deliveredBefore
  if (delivered >= count) reached()
  await done
  stop()
  return deliveredBefore
}

async function openBench(dataDir: string, scheduler?: Scheduler) {
  const core = await openCore({
    dataDir,
    mode: 'headless',
    version: 'bench',
    ...(scheduler ? { scheduler } : {}),
  })
  return { core, api: inProcessApi(core.handlers) }
}

const subscription = (retry_schedule?: number[]) => ({
  name: 'bench',
  url: `${sinkUrl}/hook`,
  profile: 'standard' as const,
  // Listed: with no list a standard subscription gets only the topics no vendor owns, and IAM owns this one.
  topics: ['user.created'],
  signing: {},
  concurrency: 256,
  ...(retry_schedule ? { retry_schedule } : {}),
})

async function sendEvents(api: Awaited<ReturnType<typeof openBench>>['api']): Promise<void> {
  for (let sent = 0; sent < MESSAGES; sent += 500) {
    await Promise.all(Array.from({ length: 500 }, () => api.sendEvent({ topic: 'user.created', data })))
  }
}

/** Messages/s from the engine's start to the last delivery, the messages queued beforehand. */
async function deliveryAlone(): Promise<number> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hookbench-bench-delivery-'))
  // Accept the events on a clock an hour behind, with the first attempt a minute after each:
  // nothing is due yet, so all 20,000 stay queued, on disk, when this Hookbench closes.
  const behind: Scheduler = { now: () => Date.now() - 3_600_000, at: () => () => {} }
  const accepting = await openBench(dataDir, behind)
  await accepting.api.createSubscription(subscription([60]))
  await sendEvents(accepting.api)
  await accepting.core.close()

  // On the real clock every one of them is due: the engine resumes them as it starts.
  const { core } = await openBench(dataDir)
  const started = performance.now()
  const deliveredBefore = await allDelivered(core, MESSAGES)
  const rate = ((MESSAGES - deliveredBefore) / (performance.now() - started)) * 1000
  await core.close()
  rmSync(dataDir, { recursive: true, force: true })
  return rate
}

/** Messages/s from the first event sent through the API to the last message delivered. */
async function endToEnd(): Promise<number> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hookbench-bench-delivery-'))
  const { core, api } = await openBench(dataDir)
  await api.createSubscription(subscription())
  const started = performance.now()
  const done = allDelivered(core, MESSAGES)
  await sendEvents(api)
  await done
  const rate = (MESSAGES / (performance.now() - started)) * 1000
  await core.close()
  rmSync(dataDir, { recursive: true, force: true })
  return rate
}

// Interleaved rounds, medians reported: this machine's load and fsync latency vary from second to second.
const ROUNDS = 5
await rawUndici() // warm-up
const raw: number[] = []
const alone: number[] = []
const whole: number[] = []
for (let round = 0; round < ROUNDS; round++) {
  raw.push(await rawUndici())
  alone.push(await deliveryAlone())
  whole.push(await endToEnd())
}
const baseline = { name: `raw undici, same payload and sink, ${CONNECTIONS} connections`, value: median(raw) }
report({
  name: `deliver ${MESSAGES.toLocaleString('en-US')} queued signed messages, every attempt persisted (median of ${ROUNDS})`,
  unit: 'msg/s',
  value: median(alone),
  baseline,
  target: 'ratio ≥ 0.5',
})
report({
  name: `end to end: ${MESSAGES.toLocaleString('en-US')} events sent through the API, each persisted, then delivered`,
  unit: 'msg/s',
  value: median(whole),
  baseline,
})
sinkProcess.kill()
