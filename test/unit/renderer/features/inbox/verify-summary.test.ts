import { describe, expect, it } from 'vitest'
import { verifySummary } from '../../../../../src/renderer/src/features/inbox/verify-summary.ts'

describe('what a bin card says it checks', () => {
  it('says nothing for a bin that checks nothing, even with enforce on', () => {
    expect(verifySummary({ enforce: false })).toBeNull()
    expect(verifySummary({ enforce: true })).toBeNull()
  })

  it('names each check, the mock OAuth choice apart from a fixed token, and "enforced" last', () => {
    expect(verifySummary({ basic: { username: 'ada', password: '••••' }, enforce: true })).toBe(
      'Checks Basic · enforced',
    )
    expect(verifySummary({ bearer: { token: '••••' }, enforce: false })).toBe('Checks Bearer')
    expect(
      verifySummary({
        bearer: { mock_oauth: true },
        standard_webhooks: { secret: '••••', tolerance_seconds: 300 },
        enforce: false,
      }),
    ).toBe('Checks any mock OAuth token · Standard Webhooks')
  })
})
