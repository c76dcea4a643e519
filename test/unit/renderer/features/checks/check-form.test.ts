import { describe, expect, it } from 'vitest'
import {
  type CheckFormDraft,
  checkInputOf,
  newCheckDraft,
  rerunExtras,
} from '../../../../../src/renderer/src/features/checks/check-form.ts'
import { definition } from './fixtures.ts'

const checks = [
  definition('accepts-valid-delivery'),
  definition('rejects-wrong-secret', { needs: ['secret'] }),
]

function draft(fields: Partial<CheckFormDraft>): CheckFormDraft {
  return { ...newCheckDraft(), url: 'http://127.0.0.1:3000/hook', ...fields }
}

describe("the Check form as the API's input", () => {
  it('sends every check of the profile without naming them, and no credentials by default', () => {
    expect(checkInputOf(draft({}), checks)).toEqual({
      input: { url: 'http://127.0.0.1:3000/hook', profile: 'standard', timeout_ms: 15_000 },
      errors: {},
    })
  })

  it('names the checks only when some were unticked, in the usual order', () => {
    const { input } = checkInputOf(draft({ excluded: ['accepts-valid-delivery'] }), checks)
    expect(input?.only).toEqual(['rejects-wrong-secret'])
    const none = checkInputOf(draft({ excluded: checks.map((check) => check.id) }), checks)
    expect(none.errors.only).toBe('Choose at least one check.')
  })

  it('sends the secret, Basic as user:password or the bearer token, and the subscription', () => {
    const basic = checkInputOf(
      draft({
        secret: ' whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw ',
        credentials: 'basic',
        basicUser: 'ops',
        basicPassword: 'p:w',
        bearer: 'ignored',
        subscriptionId: 'sub_1',
      }),
      checks,
    ).input
    expect(basic).toMatchObject({
      secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
      basic: 'ops:p:w',
      subscription_id: 'sub_1',
    })
    expect(basic).not.toHaveProperty('bearer')
    const bearer = checkInputOf(draft({ credentials: 'bearer', bearer: 'tok' }), checks).input
    expect(bearer).toMatchObject({ bearer: 'tok' })
    expect(bearer).not.toHaveProperty('basic')
  })

  it('says by each field what is wrong', () => {
    const { input, errors } = checkInputOf(
      draft({
        url: 'ftp://x',
        secret: 'not-a-secret',
        credentials: 'basic',
        basicUser: 'a:b',
        timeoutMs: '0',
      }),
      checks,
    )
    expect(input).toBeNull()
    expect(Object.keys(errors).sort()).toEqual(['basic', 'secret', 'timeout_ms', 'url'])
    expect(checkInputOf(draft({ url: ' ' }), checks).errors.url).toBe("Give the endpoint's URL.")
    expect(checkInputOf(draft({ credentials: 'bearer' }), checks).errors.bearer).toBe('Give the token.')
    expect(checkInputOf(draft({ timeoutMs: '1.5' }), checks).errors.timeout_ms).toMatch(/whole number/)
  })
})

describe('what a rerun takes from the form', () => {
  const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'
  const draft = { ...newCheckDraft(), secret: SECRET, credentials: 'bearer' as const, bearer: 'tok' }

  it("gives a run without a secret or credentials of its own (imported without secrets) the form's", () => {
    expect(rerunExtras(draft, { has_secret: false, credentials: null })).toEqual({
      secret: SECRET,
      bearer: 'tok',
    })
  })

  it("never replaces a run's own, and gives nothing the form does not validly have", () => {
    expect(rerunExtras(draft, { has_secret: true, credentials: 'basic' })).toEqual({})
    const empty = { ...newCheckDraft(), secret: 'not-a-secret', credentials: 'basic' as const, basicUser: '' }
    expect(rerunExtras(empty, { has_secret: false, credentials: null })).toEqual({})
  })
})
