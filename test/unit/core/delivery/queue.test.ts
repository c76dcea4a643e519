import { describe, expect, it } from 'vitest'
import { DeliveryQueue } from '../../../../src/core/delivery/queue.ts'
import { ManualScheduler } from '../../../../src/core/delivery/scheduler.ts'
import type { MessageRecord } from '../../../../src/shared/domain/message.ts'

function message(id: string, subscriptionId: string, dueAt: number): MessageRecord {
  return {
    message_id: id,
    subscription_id: subscriptionId,
    status: 'pending',
    next_attempt_at: dueAt,
  } as MessageRecord
}

/** A queue whose steps stay running until `finish(id)`. */
function queueWith(limits: Record<string, number>) {
  const scheduler = new ManualScheduler()
  const started: string[] = []
  const finishers = new Map<string, () => void>()
  const queue = new DeliveryQueue({
    scheduler,
    concurrencyOf: (id) => limits[id] ?? 1,
    run: (m) => {
      started.push(m.message_id)
      return new Promise<void>((resolve) => finishers.set(m.message_id, resolve))
    },
  })
  const finish = async (id: string) => {
    finishers.get(id)?.()
    await new Promise((resolve) => setTimeout(resolve, 0))
  }
  return { scheduler, queue, started, finish }
}

describe('DeliveryQueue', () => {
  it('starts due messages in due order and sleeps until the next one is due', () => {
    const { scheduler, queue, started } = queueWith({ s: 5 })
    const now = scheduler.now()
    queue.add(message('later', 's', now + 1000))
    queue.add(message('now', 's', now))
    queue.pump()
    expect(started).toEqual(['now'])
    expect(scheduler.nextDue()).toBe(now + 1000)
    scheduler.advanceTo(now + 1000)
    expect(started).toEqual(['now', 'later'])
  })

  it('keeps each subscription within its concurrency limit, the blocked ones in order', async () => {
    const { scheduler, queue, started, finish } = queueWith({ a: 2, b: 1 })
    const now = scheduler.now()
    // Due a millisecond apart: the heap orders by due time only.
    for (const [index, id] of ['a1', 'a2', 'a3', 'a4'].entries())
      queue.add(message(id, 'a', now - 10 + index))
    queue.add(message('b1', 'b', now))
    queue.pump()
    expect(started).toEqual(['a1', 'a2', 'b1'])
    await finish('a2')
    expect(started).toEqual(['a1', 'a2', 'b1', 'a3'])
    await finish('a1')
    expect(started.at(-1)).toBe('a4')
    expect(queue.isRunning('a4')).toBe(true)
  })

  it('skips a superseded version and runs the current one', () => {
    const { scheduler, queue, started } = queueWith({})
    const now = scheduler.now()
    const waiting = message('m', 's', now + 60_000)
    queue.add(waiting)
    const brought = { ...waiting, next_attempt_at: now }
    queue.update(brought)
    queue.schedule(brought)
    queue.pump()
    expect(started).toEqual(['m'])
    scheduler.advanceTo(now + 60_000)
    expect(started).toEqual(['m'])
  })

  it('runs a version that comes due while its message is in flight once that step ends, not beside it', async () => {
    const { scheduler, queue, started, finish } = queueWith({ s: 5 })
    const now = scheduler.now()
    const first = message('m', 's', now)
    queue.add(first)
    queue.pump()
    const again = { ...first, next_attempt_at: now }
    queue.update(again)
    queue.schedule(again)
    queue.pump()
    expect(started).toEqual(['m'])
    await finish('m')
    expect(started).toEqual(['m', 'm'])
    expect(queue.isRunning('m')).toBe(true)
  })

  it('forgets a message that is no longer pending, and lists only the idle ones', async () => {
    const { scheduler, queue, finish } = queueWith({})
    const now = scheduler.now()
    queue.add(message('running', 's', now))
    queue.add(message('waiting', 's', now + 1000))
    queue.pump()
    expect([...queue.idle()].map((m) => m.message_id)).toEqual(['waiting'])
    queue.update({ ...message('waiting', 's', now), status: 'failed' })
    expect(queue.size).toBe(1)
    await finish('running')
    await queue.stop()
  })
})
