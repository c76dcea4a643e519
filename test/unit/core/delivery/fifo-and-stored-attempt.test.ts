import { describe, expect, it } from 'vitest'
import { Fifo } from '../../../../src/core/delivery/fifo.ts'
import { fromStoredAttempt, toStoredAttempt } from '../../../../src/core/delivery/stored-attempt.ts'
import type { AttemptRecord } from '../../../../src/shared/domain/message.ts'

describe('Fifo', () => {
  it('hands items back in the order they came, across its reclaiming of the consumed front', () => {
    const queue = new Fifo<number>()
    const out: number[] = []
    for (let i = 0; i < 5000; i++) {
      queue.push(i)
      if (i % 3 === 0) out.push(queue.shift() as number)
    }
    while (queue.size > 0) out.push(queue.shift() as number)
    expect(out).toEqual(Array.from({ length: 5000 }, (_, i) => i))
    expect(queue.shift()).toBeUndefined()
  })
})

describe('stored attempts', () => {
  const attempt: AttemptRecord = {
    attempt_id: 'a1',
    message_id: 'm1',
    number: 1,
    trigger: 'scheduled',
    request: { method: 'POST', url: 'http://127.0.0.1:1/', headers: [['x', 'y']], body: '{"a":1}' },
    response: null,
    error: 'ECONNREFUSED',
    outcome: 'failure',
    started_at: '2026-11-30T00:00:00.000Z',
    duration_ms: 1,
    token: null,
  }

  it('drops the body when stored and takes the message body back when read', () => {
    const stored = toStoredAttempt(attempt)
    expect(stored.request).not.toHaveProperty('body')
    expect(fromStoredAttempt(stored, { body: '{"a":1}' })).toEqual(attempt)
  })

  it('keeps the body an older record stored with it', () => {
    expect(fromStoredAttempt(attempt, { body: 'something else' }).request.body).toBe('{"a":1}')
  })
})
