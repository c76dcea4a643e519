import type { Clock } from '../../shared/clock.ts'
import { type CapturedRequest, type Exchange, summaryOf } from '../../shared/receiver/captured-request.ts'
import type { EventBus } from '../events/event-bus.ts'
import { decodeBody } from './body.ts'
import type { CapturedCredentials } from './captured-credentials.ts'
import { exchange } from './http-exchange.ts'
import type { RequestStore } from './request-store.ts'

/**
 * How forwarding to the user's app retries while the app is down (as data, not buried constants).
 * "Down" means no answer, or 408/429/502/503/504 (a dev proxy in front of a restarting app); any
 * other answer, a 500 included, is the app's own and is recorded as delivered.
 */
export interface ForwardPolicy {
  /** Waits before each retry; the last one repeats. */
  retryDelaysMs: readonly number[]
  /** After this long since the capture, stop retrying and mark the forward failed. */
  giveUpAfterMs: number
  timeoutMs: number
  /** Forwards in flight at once, so an app coming back is not hit by every pending capture at once. */
  concurrency: number
}

export const DEFAULT_FORWARD_POLICY: ForwardPolicy = {
  retryDelaysMs: [1_000, 2_000, 5_000, 10_000, 30_000],
  giveUpAfterMs: 24 * 3_600_000,
  timeoutMs: 30_000,
  concurrency: 8,
}

const RETRY_STATUSES = new Set([408, 429, 502, 503, 504])

export interface Forwarder {
  /** Forwards a capture whose `forward` is pending: now, then on the retry schedule. */
  enqueue(id: string): void
  close(): Promise<void>
}

export function createForwarder(deps: {
  store: RequestStore
  /** Opens the credentials sealed in a capture: the app gets the request as it came. */
  credentials: CapturedCredentials
  events: EventBus
  clock: Clock
  policy?: ForwardPolicy
}): Forwarder {
  const policy = deps.policy ?? DEFAULT_FORWARD_POLICY
  const due = new Map<string, number>()
  /** Tries so far, including those not written to the log (see below). */
  const tries = new Map<string, number>()
  const running = new Set<Promise<void>>()
  const abort = new AbortController()
  let timer: NodeJS.Timeout | null = null
  let closed = false

  function schedule(id: string, atMs: number): void {
    if (closed) return
    due.set(id, atMs)
    pump()
  }

  function pump(): void {
    if (timer) clearTimeout(timer)
    timer = null
    if (closed) return
    const now = deps.clock.now()
    let next = Number.POSITIVE_INFINITY
    for (const [id, at] of due) {
      if (running.size >= policy.concurrency) break
      if (at <= now) {
        due.delete(id)
        const run = attempt(id).catch((error: unknown) =>
          console.error(`[hookbench] forwarding request ${id} failed:`, error),
        )
        running.add(run)
        void run.finally(() => {
          running.delete(run)
          pump()
        })
      } else {
        next = Math.min(next, at)
      }
    }
    if (due.size > 0 && running.size < policy.concurrency && Number.isFinite(next)) {
      timer = setTimeout(pump, Math.max(0, next - now))
      timer.unref()
    }
  }

  async function attempt(id: string): Promise<void> {
    const capture = await deps.store.get(id)
    const forward = capture?.forward
    if (!capture || !forward || forward.state !== 'pending') {
      tries.delete(id)
      return
    }
    const result = await exchange(
      {
        url: forward.url,
        method: capture.method,
        headers: [...deps.credentials.open(capture.headers), ['x-hookbench-request-id', capture.id]],
        body: decodeBody(capture.body, capture.body_encoding),
        timeoutMs: policy.timeoutMs,
        signal: abort.signal,
      },
      () => deps.clock.now(),
    )
    if (closed) return // stopping: the capture stays pending and is resumed on the next start
    const attempts = Math.max(tries.get(id) ?? 0, forward.attempts) + 1
    const answered = result.status !== null && !RETRY_STATUSES.has(result.status)
    const expired = deps.clock.now() - Date.parse(capture.received_at) >= policy.giveUpAfterMs
    const state = answered ? 'delivered' : expired ? 'failed' : 'pending'
    const delay = policy.retryDelaysMs[Math.min(attempts - 1, policy.retryDelaysMs.length - 1)] ?? 30_000
    const nextAt = state === 'pending' ? deps.clock.now() + delay : null
    // A capture's body may be megabytes: while the app stays down, write a new version for the first
    // few tries and then every tenth, not for every retry.
    if (state !== 'pending' || attempts <= 3 || attempts % 10 === 0) {
      await persist(capture, { attempts, state, result, nextAt })
    }
    if (nextAt === null) {
      tries.delete(id)
    } else {
      tries.set(id, attempts)
      schedule(id, nextAt)
    }
  }

  async function persist(
    capture: CapturedRequest,
    change: {
      attempts: number
      state: 'pending' | 'delivered' | 'failed'
      result: Exchange
      nextAt: number | null
    },
  ): Promise<void> {
    const updated = await deps.store.update(capture.id, (current) => ({
      ...current,
      forward: current.forward && {
        ...current.forward,
        state: change.state,
        attempts: change.attempts,
        last: deps.credentials.sealExchange(change.result),
        next_attempt_at: change.nextAt === null ? null : new Date(change.nextAt).toISOString(),
      },
    }))
    if (updated) deps.events.emit({ type: 'request.updated', data: summaryOf(updated) })
  }

  return {
    enqueue(id) {
      schedule(id, deps.clock.now())
    },
    async close() {
      closed = true
      if (timer) clearTimeout(timer)
      abort.abort()
      await Promise.allSettled([...running])
    },
  }
}
