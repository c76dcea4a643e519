import { timingSafeEqual } from 'node:crypto'
import type { HeaderPairs, Verification } from '../../shared/receiver/captured-request.ts'
import { verify as verifyStandardWebhooks } from '../signing/standard-webhooks.ts'
import type { OpenedVerify } from './bins.ts'
import { diagnoseSignature } from './signature-diagnosis.ts'

type Check = Verification['checks'][number]

/** The first value of each header, by lower-case name (what a verifier library would see). */
export function firstValues(headers: HeaderPairs): Record<string, string> {
  const values: Record<string, string> = {}
  for (const [name, value] of headers) {
    const key = name.toLowerCase()
    if (!(key in values)) values[key] = value
  }
  return values
}

/**
 * Runs every check the bin configures and says, for each failure, why — in terms the sender's
 * developer can act on. No check configured: `not_configured`.
 */
export function verifyRequest(
  expected: OpenedVerify,
  headers: HeaderPairs,
  body: Buffer,
  nowMs: number,
  /** The mock OAuth2 server's check, for bins that accept any token it issued. */
  isIssuedToken: (token: string) => boolean = () => false,
): Verification {
  // Most bins check nothing: skip indexing the headers then.
  if (!expected.basic && !expected.bearer && !expected.standard_webhooks) {
    return { verdict: 'not_configured', checks: [] }
  }
  const values = firstValues(headers)
  const checks: Check[] = []
  if (expected.basic) checks.push(checkBasic(expected.basic, values.authorization))
  if (expected.bearer) checks.push(checkBearer(expected.bearer, values.authorization, isIssuedToken))
  if (expected.standard_webhooks) {
    checks.push(checkStandardWebhooks(expected.standard_webhooks, values, body, nowMs))
  }
  return { verdict: checks.every((check) => check.ok) ? 'verified' : 'failed', checks }
}

function checkBasic(
  expected: { username: string; password: string },
  authorization: string | undefined,
): Check {
  const fail = (reason: string): Check => ({ kind: 'basic', ok: false, reason })
  if (expected.password === '') return fail('the bin has no password stored (enter it again in the bin)')
  if (authorization === undefined) return fail('no Authorization header')
  const match = /^Basic\s+(\S+)$/i.exec(authorization.trim())
  if (!match?.[1]) return fail(`Authorization is not Basic (it starts "${scheme(authorization)}")`)
  const decoded = Buffer.from(match[1], 'base64').toString('utf8')
  const colon = decoded.indexOf(':')
  if (colon === -1) return fail('the Basic credentials are not base64 of "username:password"')
  const username = decoded.slice(0, colon)
  const password = decoded.slice(colon + 1)
  if (!safeEqual(username, expected.username)) return fail(`wrong username "${username}"`)
  if (!safeEqual(password, expected.password)) return fail(`wrong password for "${username}"`)
  return { kind: 'basic', ok: true, reason: `Basic credentials of "${username}" match` }
}

function checkBearer(
  expected: NonNullable<OpenedVerify['bearer']>,
  authorization: string | undefined,
  isIssuedToken: (token: string) => boolean,
): Check {
  const fail = (reason: string): Check => ({ kind: 'bearer', ok: false, reason })
  const token = 'token' in expected ? expected.token : null
  if (token === '') return fail('the bin has no token stored (enter it again in the bin)')
  if (authorization === undefined) return fail('no Authorization header')
  const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim())
  if (!match?.[1]) return fail(`Authorization is not Bearer (it starts "${scheme(authorization)}")`)
  if (token === null) {
    return isIssuedToken(match[1])
      ? { kind: 'bearer', ok: true, reason: 'token issued by the mock OAuth server' }
      : fail('not a token issued by the mock OAuth server, or it expired')
  }
  if (!safeEqual(match[1], token)) return fail('wrong bearer token')
  return { kind: 'bearer', ok: true, reason: 'bearer token matches' }
}

function checkStandardWebhooks(
  expected: { secret: string; tolerance_seconds: number },
  values: Record<string, string>,
  body: Buffer,
  nowMs: number,
): Check {
  if (expected.secret === '') {
    return { kind: 'standard_webhooks', ok: false, reason: 'the bin has no secret stored (enter it again)' }
  }
  const nowSeconds = Math.floor(nowMs / 1000)
  const { secret, tolerance_seconds } = expected
  const result = verifyStandardWebhooks(secret, values, body, nowSeconds, tolerance_seconds)
  if (result.ok)
    return { kind: 'standard_webhooks', ok: true, reason: 'webhook-signature matches the secret' }
  // Only a failure pays for trying the sender's usual mistakes.
  const received = { secret, headers: values, body, nowSeconds, toleranceSeconds: tolerance_seconds }
  const diagnosis = diagnoseSignature(received, result.reason)
  return { kind: 'standard_webhooks', ok: false, reason: diagnosis ?? result.message }
}

/** The scheme word only: the rest of a wrong Authorization header may itself be a secret. */
function scheme(authorization: string): string {
  return authorization.trim().split(/\s+/)[0]?.slice(0, 20) ?? ''
}

function safeEqual(given: string, expected: string): boolean {
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}
