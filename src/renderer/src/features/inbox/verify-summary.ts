import type { BinVerify } from '../../../../shared/receiver/bin.ts'

/**
 * What a bin checks of its senders, in the words its card uses ("Checks Basic · enforced"), or
 * null when it checks nothing. "enforced": a request that fails is answered 401.
 */
export function verifySummary(verify: BinVerify): string | null {
  const checks: string[] = []
  if (verify.basic) checks.push('Basic')
  if (verify.bearer) checks.push('mock_oauth' in verify.bearer ? 'any mock OAuth token' : 'Bearer')
  if (verify.standard_webhooks) checks.push('Standard Webhooks')
  if (checks.length === 0) return null
  return `Checks ${checks.join(' · ')}${verify.enforce ? ' · enforced' : ''}`
}
