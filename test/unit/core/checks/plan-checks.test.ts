import { describe, expect, it } from 'vitest'
import { checkIds, planChecks } from '../../../../src/core/checks/run-checks.ts'

const url = 'http://127.0.0.1:3000/webhooks'
const ids = (profile: Parameters<typeof planChecks>[0]['profile']) =>
  planChecks({ url, profile }).map((check) => check.id)

describe('planChecks', () => {
  it('gives each profile the common checks and its vendor’s own', () => {
    const common = checkIds.slice(0, 13)
    expect(ids('standard')).toEqual(common)
    expect(ids('iam')).toEqual(common)
    expect(ids('contensis')).toEqual(common)
    expect(ids('rustici')).toEqual([...common, 'rejects-missing-credentials', 'rejects-wrong-credentials'])
    expect(ids('quicklysign')).toEqual([
      ...common.filter((id) => id !== 'accepts-large-payload'),
      'answers-exactly-200',
    ])
  })

  it('levels: forged, replayed, lost or vendor-refused deliveries are must; the rest should', () => {
    const should = planChecks({ url, profile: 'rustici' }).filter((check) => check.level === 'should')
    expect(should.map((check) => check.id)).toEqual([
      'rejects-future-timestamp',
      'accepts-charset-content-type',
      'accepts-large-payload',
      'survives-out-of-order',
    ])
  })

  it('narrows to --only in the usual order, and refuses ids it cannot run', () => {
    expect(
      planChecks({ url, profile: 'standard', only: ['answers-in-time', 'accepts-valid-delivery'] }),
    ).toEqual([
      { id: 'accepts-valid-delivery', title: 'Accepts a fresh, correctly signed delivery', level: 'must' },
      { id: 'answers-in-time', title: 'Answers within the timeout', level: 'must' },
    ])
    expect(() => planChecks({ url, profile: 'standard', only: ['nope'] })).toThrow('Unknown check "nope".')
    expect(() => planChecks({ url, profile: 'iam', only: ['rejects-wrong-credentials'] })).toThrow(
      '"rejects-wrong-credentials" is not a check of the iam profile.',
    )
  })

  it('refuses a URL, secret or timeout it cannot use', () => {
    expect(() => planChecks({ url: 'ftp://x/', profile: 'standard' })).toThrow(
      'not an http:// or https:// URL',
    )
    expect(() => planChecks({ url, profile: 'standard', secret: 'whsec_c2hvcnQ=' })).toThrow(
      'not a Standard Webhooks secret',
    )
    expect(() => planChecks({ url, profile: 'standard', timeoutMs: 0 })).toThrow(
      'whole number of milliseconds',
    )
  })
})
