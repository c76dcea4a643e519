import { describe, expect, it } from 'vitest'
import type { Exchange } from '../../../../src/core/checks/probe.ts'
import { accepted, notCrashed, rejected } from '../../../../src/core/checks/verdicts.ts'

function answered(status: number): Exchange {
  return {
    request: { method: 'POST', url: 'http://x/', headers: [], body: '' },
    response: { status, headers: [], body: '', ms: 4 },
    error: null,
  }
}
const silent: Exchange = { ...answered(0), response: null, error: 'ECONNREFUSED: connect ECONNREFUSED' }

describe('verdicts', () => {
  it('a rejection is a 4xx; a 2xx accepted it; a 5xx crashed on it', () => {
    expect(rejected(answered(401), 'a tampered body')).toEqual({
      ok: true,
      expected: '4xx',
      observed: 'rejected: 401 Unauthorized in 4 ms',
    })
    expect(rejected(answered(204), 'a tampered body').observed).toBe(
      'accepted a tampered body: 204 No Content in 4 ms',
    )
    expect(rejected(answered(503), 'a tampered body')).toMatchObject({
      ok: false,
      observed: 'crashed on a tampered body: 503 Service Unavailable in 4 ms',
    })
    expect(rejected(answered(302), 'x').observed).toBe('answered 302 Found in 4 ms, not a rejection')
    expect(rejected(silent, 'x')).toMatchObject({
      ok: false,
      observed: 'no answer: ECONNREFUSED: connect ECONNREFUSED',
    })
  })

  it('accepted is any 2xx, or exactly 200 where the system says so', () => {
    expect(accepted(answered(204)).ok).toBe(true)
    expect(accepted(answered(204), 'exactly-200')).toMatchObject({ ok: false, expected: 'exactly 200' })
    expect(accepted(answered(200), 'exactly-200').ok).toBe(true)
    expect(accepted(answered(400)).ok).toBe(false)
  })

  it('not crashed: any answer below 500', () => {
    expect(notCrashed(answered(404), 'x').ok).toBe(true)
    expect(notCrashed(answered(500), 'an unknown event').observed).toBe(
      'crashed on an unknown event: 500 Internal Server Error in 4 ms',
    )
    expect(notCrashed(silent, 'x').ok).toBe(false)
  })
})
