import { Webhook } from 'standardwebhooks'
import { describe, expect, it } from 'vitest'
import {
  generateSecret,
  isValidSecret,
  signHeaders,
  verify,
} from '../../../../src/core/signing/standard-webhooks.ts'

const body = JSON.stringify({ type: 'user.created', data: { id: 'u1' } })
const now = Math.floor(Date.now() / 1000)

describe('Standard Webhooks signing', () => {
  it('produces headers the official standardwebhooks verifier accepts', () => {
    const secret = generateSecret()
    expect(isValidSecret(secret)).toBe(true)
    const headers = signHeaders([secret], 'msg_2a', now, body)
    expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body))
  })

  it('signs with every active secret during rotation; the official verifier accepts either', () => {
    const [newer, older] = [generateSecret(), generateSecret()]
    const headers = signHeaders([newer, older], 'msg_rot', now, body)
    expect(headers['webhook-signature'].split(' ')).toHaveLength(2)
    expect(() => new Webhook(newer).verify(body, headers)).not.toThrow()
    expect(() => new Webhook(older).verify(body, headers)).not.toThrow()
    expect(() => new Webhook(generateSecret()).verify(body, headers)).toThrow()
  })

  it('verifies what the official library signs', () => {
    const secret = generateSecret()
    const signature = new Webhook(secret).sign('msg_x', new Date(now * 1000), body)
    const headers = {
      'webhook-id': 'msg_x',
      'webhook-timestamp': String(now),
      'webhook-signature': signature,
    }
    expect(verify(secret, headers, body, now)).toEqual({ ok: true })
  })

  it('says why verification failed', () => {
    const secret = generateSecret()
    const headers = signHeaders([secret], 'msg_1', now, body)
    expect(verify(generateSecret(), headers, body, now)).toMatchObject({
      ok: false,
      reason: 'no_matching_signature',
    })
    const reserialised = JSON.stringify(JSON.parse(body), null, 2)
    expect(verify(secret, headers, reserialised, now)).toMatchObject({
      ok: false,
      reason: 'no_matching_signature',
    })
    expect(verify(secret, headers, body, now + 301)).toMatchObject({ ok: false, reason: 'timestamp_too_old' })
    expect(verify(secret, headers, body, now - 301)).toMatchObject({ ok: false, reason: 'timestamp_too_new' })
    expect(verify(secret, { ...headers, 'webhook-id': undefined }, body, now)).toMatchObject({
      ok: false,
      reason: 'missing_headers',
      message: 'missing header webhook-id',
    })
    expect(verify(secret, { ...headers, 'webhook-timestamp': '12.5' }, body, now)).toMatchObject({
      reason: 'invalid_timestamp',
    })
  })
})
