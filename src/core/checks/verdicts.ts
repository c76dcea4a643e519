import { STATUS_CODES } from 'node:http'
import type { Exchange } from './probe.ts'

/** What a check concluded, said so that the line reads without the report. */
export interface Verdict {
  ok: boolean
  expected: string
  observed: string
}

export function statusText(status: number): string {
  const reason = STATUS_CODES[status]
  return reason ? `${status} ${reason}` : String(status)
}

/** "200 OK in 12 ms", or why nothing came back. */
export function answerOf(exchange: Exchange): string {
  const { response } = exchange
  if (!response) return `no answer: ${exchange.error ?? 'unknown error'}`
  return `${statusText(response.status)} in ${Math.round(response.ms)} ms`
}

/** The endpoint took the delivery: any 2xx, or exactly 200 where the system counts only that. */
export function accepted(exchange: Exchange, rule: '2xx' | 'exactly-200' = '2xx'): Verdict {
  const status = exchange.response?.status
  const ok = rule === '2xx' ? status !== undefined && status >= 200 && status < 300 : status === 200
  return { ok, expected: rule === '2xx' ? '2xx' : 'exactly 200', observed: answerOf(exchange) }
}

/**
 * The endpoint refused what it should refuse, with a 4xx. A 2xx took it in; a 5xx did not take
 * it but crashed on it (the sender retries it, and nothing said it was refused on purpose).
 */
export function rejected(exchange: Exchange, what: string): Verdict {
  const expected = '4xx'
  const { response } = exchange
  if (!response) return { ok: false, expected, observed: answerOf(exchange) }
  const { status } = response
  if (status >= 400 && status < 500)
    return { ok: true, expected, observed: `rejected: ${answerOf(exchange)}` }
  if (status >= 500) return { ok: false, expected, observed: `crashed on ${what}: ${answerOf(exchange)}` }
  if (status >= 200 && status < 300) {
    return { ok: false, expected, observed: `accepted ${what}: ${answerOf(exchange)}` }
  }
  return { ok: false, expected, observed: `answered ${answerOf(exchange)}, not a rejection` }
}

/** Answered at all, and not with a crash (5xx). */
export function notCrashed(exchange: Exchange, what: string): Verdict {
  const expected = 'not 5xx'
  const { response } = exchange
  if (!response) return { ok: false, expected, observed: answerOf(exchange) }
  if (response.status >= 500) {
    return { ok: false, expected, observed: `crashed on ${what}: ${answerOf(exchange)}` }
  }
  return { ok: true, expected, observed: answerOf(exchange) }
}

/** Both of two deliveries accepted (a duplicate, an older event after a newer one). */
export function bothAccepted(first: Exchange, second: Exchange, names: [string, string]): Verdict {
  const [one, two] = [accepted(first), accepted(second)]
  return {
    ok: one.ok && two.ok,
    expected: '2xx both times',
    observed: `${names[0]}: ${one.observed}; ${names[1]}: ${two.observed}`,
  }
}
