import { describe, expect, it } from 'vitest'
import { fillFromSubscription } from '../../../../../src/renderer/src/features/checks/subscription-fill.ts'
import type { AuthConfig } from '../../../../../src/shared/domain/auth-config.ts'
import type { Subscription } from '../../../../../src/shared/domain/subscription.ts'

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'

function subscription(fields: Partial<Subscription>): Subscription {
  return {
    id: 'sub_1',
    url: 'http://127.0.0.1:3000/hook',
    profile: 'rustici',
    signing: { secret: SECRET, previous: [] },
    auth_config_id: null,
    ...fields,
  } as Subscription
}

function auth(fields: Partial<AuthConfig>): AuthConfig {
  return {
    id: 'auth_1',
    auth_type: 'BASIC_AUTH',
    key: 'ops',
    secret: 'hunter2',
    scope: null,
    token_url: null,
    created_at: '2026-12-02T09:00:00.000Z',
    modified_at: '2026-12-02T09:00:00.000Z',
    ...fields,
  }
}

describe('"Check this endpoint" fills the form from a subscription', () => {
  it('takes the URL, profile, revealed secret and Basic credentials, and links the run', () => {
    const { draft, notes } = fillFromSubscription(subscription({}), auth({}))
    expect(draft).toMatchObject({
      url: 'http://127.0.0.1:3000/hook',
      profile: 'rustici',
      secret: SECRET,
      credentials: 'basic',
      basicUser: 'ops',
      basicPassword: 'hunter2',
      subscriptionId: 'sub_1',
    })
    expect(notes).toEqual([])
  })

  it('says OAuth cannot become a static credential, and sends none', () => {
    const { draft, notes } = fillFromSubscription(
      subscription({ signing: null }),
      auth({ auth_type: 'OAUTH_2_CLIENT_CREDENTIALS', scope: 's', token_url: 'http://t' }),
    )
    expect(draft.credentials).toBe('none')
    expect(draft.secret).toBe('')
    expect(notes.join(' ')).toMatch(/OAuth client credentials.*give a bearer token to test credentials/)
  })

  it('keeps a templated URL as stored and says the templates are not expanded', () => {
    const url = 'https://api.example.com/hooks{/resource/sys/id}'
    const { draft, notes } = fillFromSubscription(subscription({ url }), null)
    expect(draft.url).toBe(url)
    expect(notes.join(' ')).toMatch(/not expanded/)
  })
})
