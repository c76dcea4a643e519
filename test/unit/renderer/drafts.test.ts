import { describe, expect, it } from 'vitest'
import {
  authDraftOf,
  authPayloadOf,
  keepsSecret,
  newAuthDraft,
} from '../../../src/renderer/src/features/auth-configs/auth-draft.ts'
import {
  draftOf as binDraftOf,
  payloadOf as binPayloadOf,
  fieldError,
  formError,
  newBinDraft,
} from '../../../src/renderer/src/features/inbox/bin-draft.ts'
import { draftOf, newDraft, payloadOf } from '../../../src/renderer/src/features/subscriptions/draft.ts'
import { AuthConfigInputSchema } from '../../../src/shared/domain/auth-config.ts'
import { CreateSubscriptionInputSchema, type Subscription } from '../../../src/shared/domain/subscription.ts'
import { type Bin, CreateBinInputSchema } from '../../../src/shared/receiver/bin.ts'
import { refusalBody } from '../../helpers/refusal-body.ts'

describe('the subscription form', () => {
  it('turns a filled-in new form into a body the contract accepts', () => {
    const draft = {
      ...newDraft(),
      profile: 'iam' as const,
      name: { localized: false, text: 'IAM users', rows: [] },
      url: '  https://example.test/hooks/{/id}  ',
      topics: ['user.created'],
      headers: [
        { id: 1, name: 'X-Api-Key', value: 'k3y', secret: true, stored: false },
        { id: 2, name: '', value: '', secret: false, stored: false },
      ],
      signingMode: 'generate' as const,
    }
    const { payload, errors } = payloadOf(draft, false)
    expect(errors).toEqual({})
    expect(payload).toMatchObject({
      url: 'https://example.test/hooks/{/id}',
      headers: { 'X-Api-Key': { value: 'k3y', secret: true } },
      signing: {},
      entity_key: null,
    })
    expect(payload).not.toHaveProperty('description')
    expect(CreateSubscriptionInputSchema.safeParse(payload).success).toBe(true)
  })

  it('names each box that holds no number, by the contract path', () => {
    const draft = { ...newDraft(), retry: ['0', 'soon', '300'], timeout_ms: '' }
    const { errors } = payloadOf(draft, false)
    expect(errors).toEqual({ 'retry_schedule.1': 'Enter a number.', timeout_ms: 'Enter a number.' })
  })

  it('says a repeated locale or header once, where it belongs', () => {
    const draft = {
      ...newDraft(),
      name: {
        localized: true,
        text: '',
        rows: [
          { id: 1, locale: 'en-GB', text: 'Users' },
          { id: 2, locale: 'en-GB', text: 'Members' },
        ],
      },
      headers: [
        { id: 3, name: 'X-A', value: '1', secret: false, stored: false },
        { id: 4, name: 'X-A', value: '2', secret: false, stored: false },
      ],
    }
    const { errors } = payloadOf(draft, false)
    expect(errors).toEqual({ name: 'Locale en-GB appears twice.', 'headers.X-A': 'X-A appears twice.' })
  })

  it('reopened, keeps a stored secret header and the signing secret unless they are retyped', () => {
    const saved: Subscription = {
      id: 'sub-1',
      name: { 'en-GB': 'News', 'fr-FR': 'Actualités' },
      description: '',
      url: 'https://example.test/{/resource/sys/id}',
      enabled: true,
      profile: 'contensis',
      topics: ['entry.published'],
      entity_key: null,
      tenant_id: null,
      headers: { 'X-Secret': { secret: true }, Accept: { value: 'application/json' } },
      templates: { entry: { id: '{/resource/sys/id}' } },
      auth_config_id: null,
      signing: { secret: '••••', previous: [] },
      retry_schedule: [0, 5],
      timeout_ms: 15_000,
      concurrency: 4,
      disable_after_failing_ms: 5 * 86_400_000,
      time_scale: 1,
      disabled_reason: null,
      version: {
        created: '2026-11-24T12:00:00.000Z',
        createdBy: 'local',
        modified: '2026-11-24T12:00:00.000Z',
        modifiedBy: 'local',
        versionNo: '1.0',
      },
    } as Subscription
    const { payload, errors } = payloadOf(draftOf(saved), true)
    expect(errors).toEqual({})
    expect(payload.headers).toEqual({ 'X-Secret': { secret: true }, Accept: { value: 'application/json' } })
    expect(payload).not.toHaveProperty('signing')
    expect(payload.name).toEqual({ 'en-GB': 'News', 'fr-FR': 'Actualités' })
    expect(payload.templates).toEqual({ entry: { id: '{/resource/sys/id}' } })
    expect(payload.description).toBe('')
    expect(payload.disable_after_failing_ms).toBe(5 * 86_400_000)
  })
})

describe('the bin form', () => {
  it('sends a new bin the contract accepts, with its default answer', () => {
    const payload = binPayloadOf({ ...newBinDraft(), name: ' orders ' })
    expect(payload).toMatchObject({
      name: 'orders',
      response: { status: 200, headers: {}, body: '{"ok":true}', delay_ms: 0 },
      verify: { enforce: false },
      forward_to: null,
    })
    expect(CreateBinInputSchema.safeParse(payload).success).toBe(true)
  })

  it('sends a scripted sequence with its headers, and the checks that are on', () => {
    const draft = {
      ...newBinDraft(),
      name: 'flaky',
      mode: 'sequence' as const,
      steps: [
        { status: '500', headers: 'Retry-After: 2\nX-Note:  a: b ', body: '', delay: '' },
        { status: '200', headers: '', body: 'ok', delay: '10' },
      ],
      bearer: { on: true, token: 'ignored', mockOAuth: true },
      basic: { on: false, username: 'a', password: 'b' },
      forwardTo: 'http://127.0.0.1:3000/in',
    }
    const payload = binPayloadOf(draft)
    expect(payload.response).toEqual({
      sequence: [
        { status: 500, headers: { 'Retry-After': '2', 'X-Note': 'a: b' }, delay_ms: 0 },
        { status: 200, headers: {}, body: 'ok', delay_ms: 10 },
      ],
    })
    expect(payload.verify).toEqual({ enforce: false, bearer: { mock_oauth: true } })
    expect(CreateBinInputSchema.safeParse(payload).success).toBe(true)
  })

  it('round-trips a stored bin through the form', () => {
    const bin = {
      id: 'b1',
      name: 'orders',
      description: 'shop',
      response: { status: 201, headers: { 'X-A': '1' }, body: { ok: true }, delay_ms: 5 },
      verify: { basic: { username: 'alice', password: '••••' }, enforce: true },
      forward_to: null,
      auto_created: false,
      created_at: '2026-11-24T12:00:00.000Z',
      modified_at: '2026-11-24T12:00:00.000Z',
      url: null,
    } as Bin
    expect(binPayloadOf(binDraftOf(bin))).toEqual({
      name: 'orders',
      description: 'shop',
      response: { status: 201, headers: { 'X-A': '1' }, body: '{"ok":true}', delay_ms: 5 },
      verify: { enforce: true, basic: { username: 'alice', password: '••••' } },
      forward_to: null,
    })
  })

  it('puts a refusal under the field it names, or above the buttons when none claims it', () => {
    const refusal = refusalBody('Invalid bin', [['verify.bearer.token', 'Too short']])
    expect(fieldError(refusal, 'verify.bearer')).toBe('Too short')
    expect(fieldError(refusal, 'verify.basic')).toBeNull()
    expect(formError(refusal, ['verify'])).toBeNull()
    expect(formError(refusal, ['name'])).toBe('Invalid bin')
    expect(
      formError({ code: 'conflict', message: 'Taken', details: { issues: [{ path: 'name' }] } }, ['name']),
    ).toBe('Taken')
  })

  it('hides no issue: one no field shows is said above the buttons, next to those under fields', () => {
    const refusal = refusalBody('Invalid input at "name": must not be empty', [
      ['name', 'must not be empty'],
      ['names', 'unknown field "names"'],
    ])
    expect(fieldError(refusal, 'name')).toBe('must not be empty')
    expect(formError(refusal, ['name', 'response'])).toBe('names: unknown field "names"')
  })
})

describe('the auth config form', () => {
  it('sends null for every field the type does not use, as Rustici Generator requires', () => {
    const basic = { ...newAuthDraft(), key: ' alice ', secret: 's3cret', scope: 'ignored' }
    expect(authPayloadOf(basic)).toEqual({
      auth_type: 'BASIC_AUTH',
      key: 'alice',
      secret: 's3cret',
      scope: null,
      token_url: null,
    })
    const none = authPayloadOf({ ...basic, auth_type: 'NO_AUTH' })
    expect(AuthConfigInputSchema.safeParse(none).success).toBe(true)
    const oauth = authPayloadOf({
      ...basic,
      auth_type: 'OAUTH_2_CLIENT_CREDENTIALS',
      scope: 'hooks',
      token_url: 'http://127.0.0.1:8787/oauth2/token',
    })
    expect(AuthConfigInputSchema.safeParse(oauth).success).toBe(true)
  })

  it('keeps the stored secret when the box is left empty, unless the type has none', () => {
    const saved = {
      id: 'a1',
      auth_type: 'BASIC_AUTH' as const,
      key: 'alice',
      secret: '••••',
      scope: null,
      token_url: null,
      created_at: '2026-11-24T12:00:00.000Z',
      modified_at: '2026-11-24T12:00:00.000Z',
    }
    const draft = authDraftOf(saved)
    expect(draft).toMatchObject({ key: 'alice', secret: '' })
    expect(keepsSecret(draft, saved)).toBe(true)
    expect(keepsSecret({ ...draft, secret: 'new' }, saved)).toBe(false)
    expect(keepsSecret({ ...draft, auth_type: 'NO_AUTH' }, saved)).toBe(false)
    expect(keepsSecret(draft, null)).toBe(false)
  })
})
