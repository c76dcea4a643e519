import type { MessageRecord } from '../../shared/domain/message.ts'
import { Fifo } from './fifo.ts'
import { MinHeap } from './min-heap.ts'
import type { Scheduler } from './scheduler.ts'

export interface DeliveryQueueDeps {
  scheduler: Scheduler
  /** How many messages of a subscription may run at once (read when one comes due). */
  concurrencyOf: (subscriptionId: string) => number
  /** One delivery step of a due message; the queue frees its slot once it settles. */
  run: (message: MessageRecord) => Promise<void>
}

/**
 * The pending messages in memory: they wait in a heap ordered by when they are due, then run
 * within their subscription's concurrency limit; due messages of a subscription at its limit
 * wait their turn in order. It knows nothing of the disk: the engine saves each version before
 * handing it here.
 */
export class DeliveryQueue {
  private readonly deps: DeliveryQueueDeps
  private readonly waiting = new MinHeap<MessageRecord>((m) => m.next_attempt_at ?? 0)
  /** Due messages of a subscription that is at its concurrency limit, in order. */
  private readonly blocked = new Map<string, Fifo<MessageRecord>>()
  private readonly runningPerSubscription = new Map<string, number>()
  private readonly inFlight = new Map<string, Promise<void>>()
  /** A version that came due while its message's previous step still ran: it starts once that ends. */
  private readonly afterRun = new Map<string, MessageRecord>()
  /**
   * The current version of every pending message (waiting, blocked or in flight). A heap or queue
   * entry that is not the current version was superseded (a same-id replay brought it forward, or
   * its subscription went away) and is skipped when it comes up.
   */
  private readonly pending = new Map<string, MessageRecord>()
  private cancelWake: (() => void) | null = null
  private wakeAt: number | null = null
  private stopped = false

  constructor(deps: DeliveryQueueDeps) {
    this.deps = deps
  }

  get size(): number {
    return this.pending.size
  }

  has(messageId: string): boolean {
    return this.pending.has(messageId)
  }

  /** The current version of a pending message. */
  current(messageId: string): MessageRecord | undefined {
    return this.pending.get(messageId)
  }

  isCurrent(message: MessageRecord): boolean {
    return this.pending.get(message.message_id) === message
  }

  isRunning(messageId: string): boolean {
    return this.inFlight.has(messageId)
  }

  /** A new pending message: current from now on, and waiting for its `next_attempt_at`. */
  add(message: MessageRecord): void {
    this.pending.set(message.message_id, message)
    this.waiting.push(message)
  }

  /**
   * Makes this version current, or forgets the message once it is no longer pending; an older
   * version still in the heap or a queue is skipped when it comes up. Does not schedule it.
   */
  update(message: MessageRecord): void {
    if (message.status === 'pending') this.pending.set(message.message_id, message)
    else this.pending.delete(message.message_id)
  }

  /** Puts back the version `update` replaced (undefined: the message was not pending). */
  restore(messageId: string, previous: MessageRecord | undefined): void {
    if (previous) this.pending.set(messageId, previous)
    else this.pending.delete(messageId)
  }

  forget(messageId: string): void {
    this.pending.delete(messageId)
  }

  /** Waits for its `next_attempt_at` a version already current; a superseded one is dropped. */
  schedule(message: MessageRecord): void {
    if (this.isCurrent(message)) this.waiting.push(message)
  }

  /** The pending messages not running right now. */
  *idle(): Generator<MessageRecord> {
    for (const message of this.pending.values()) if (!this.inFlight.has(message.message_id)) yield message
  }

  /** Starts every message that is due, then sleeps until the next one is. */
  pump(): void {
    if (this.stopped) return
    const now = this.deps.scheduler.now()
    for (
      let next = this.waiting.peek();
      next && (next.next_attempt_at ?? 0) <= now;
      next = this.waiting.peek()
    ) {
      this.waiting.pop()
      if (this.isCurrent(next)) this.startOrBlock(next)
    }
    this.armWake()
  }

  /** Starts nothing more and waits for the steps in flight. */
  async stop(): Promise<void> {
    this.stopped = true
    this.cancelWake?.()
    await Promise.allSettled([...this.inFlight.values()])
  }

  private startOrBlock(message: MessageRecord): void {
    // One step of a message at a time, so its attempts are made (and recorded) in order.
    if (this.inFlight.has(message.message_id)) {
      this.afterRun.set(message.message_id, message)
      return
    }
    const limit = this.deps.concurrencyOf(message.subscription_id)
    const running = this.runningPerSubscription.get(message.subscription_id) ?? 0
    if (running >= limit) {
      let queue = this.blocked.get(message.subscription_id)
      if (!queue) {
        queue = new Fifo()
        this.blocked.set(message.subscription_id, queue)
      }
      queue.push(message)
      return
    }
    this.runningPerSubscription.set(message.subscription_id, running + 1)
    const run = this.deps
      .run(message)
      .catch((error: unknown) => console.error('[hookbench] delivery failed unexpectedly:', error))
      .finally(() => {
        this.inFlight.delete(message.message_id)
        this.runningPerSubscription.set(
          message.subscription_id,
          (this.runningPerSubscription.get(message.subscription_id) ?? 1) - 1,
        )
        const next = this.afterRun.get(message.message_id)
        this.afterRun.delete(message.message_id)
        if (next && this.isCurrent(next) && !this.stopped) this.startOrBlock(next)
        const queued = this.blocked.get(message.subscription_id)
        let unblocked = queued?.shift()
        while (unblocked && !this.isCurrent(unblocked)) unblocked = queued?.shift()
        if (queued && queued.size === 0) this.blocked.delete(message.subscription_id)
        if (unblocked && !this.stopped) this.startOrBlock(unblocked)
        this.pump()
      })
    this.inFlight.set(message.message_id, run)
  }

  private armWake(): void {
    const next = this.waiting.peek()?.next_attempt_at ?? null
    if (next === this.wakeAt) return
    this.cancelWake?.()
    this.wakeAt = next
    this.cancelWake =
      next === null
        ? null
        : this.deps.scheduler.at(next, () => {
            this.wakeAt = null
            this.cancelWake = null
            this.pump()
          })
  }
}
