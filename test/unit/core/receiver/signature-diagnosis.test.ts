import { createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { verifyRequest } from '../../../../src/core/receiver/verification.ts'
import type { HeaderPairs } from '../../../../src/shared/receiver/captured-request.ts'

// Each test plays a sender that makes one well-known mistake, signing with real HMAC-SHA256, and
// asserts the reason the bin records for it.
const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'
const KEY = Buffer.from(SECRET.slice('whsec_'.length), 'base64')
const NOW_MS = Date.UTC(2026, 11, 2, 9, 0, 0)
const NOW = String(NOW_MS / 1000)
const ID = 'msg_2Lx'
const BODY = '{"type":"user.created","data":{"id":1,"name":"Ada"}}'

const hmac = (key: Buffer | string, content: string) => createHmac('sha256', key).update(content).digest()
const standard = (key: Buffer | string = KEY, content = `${ID}.${NOW}.${BODY}`) =>
  `v1,${hmac(key, content).toString('base64')}`

function reasonFor(headers: Record<string, string>, body = BODY): string | undefined {
  const pairs: HeaderPairs = Object.entries(headers)
  const verification = verifyRequest(
    { standard_webhooks: { secret: SECRET, tolerance_seconds: 300 }, enforce: false },
    pairs,
    Buffer.from(body),
    NOW_MS,
  )
  expect(verification.verdict).toBe('failed')
  return verification.checks[0]?.reason
}

const signed = (signature: string) => ({
  'webhook-id': ID,
  'webhook-timestamp': NOW,
  'webhook-signature': signature,
})

describe('why a Standard Webhooks signature failed', () => {
  it('still says plainly when no known mistake explains it (a genuinely wrong secret)', () => {
    const other = Buffer.from('an entirely different secret key')
    expect(reasonFor(signed(standard(other)))).toBe(
      'no signature matches: wrong secret, or the body was changed or re-serialised after signing',
    )
  })

  it('the base64 text of the secret used as the key, not decoded', () => {
    expect(reasonFor(signed(standard(SECRET.slice('whsec_'.length))))).toBe(
      "the sender used the secret's base64 text as the HMAC key: base64-decode the part after whsec_ and use those bytes as the HMAC key",
    )
  })

  it('the whole secret, whsec_ included, used as the key', () => {
    expect(reasonFor(signed(standard(SECRET)))).toBe(
      'the sender used the whole secret, whsec_ prefix included, as the HMAC key: base64-decode the part after whsec_ and use those bytes as the HMAC key',
    )
  })

  it('the whole secret base64-decoded, whsec_ included', () => {
    expect(reasonFor(signed(standard(Buffer.from(SECRET, 'base64'))))).toBe(
      'the sender base64-decoded the whole secret, whsec_ prefix included: decode only the part after whsec_',
    )
  })

  it('a hex digest, with and without v1,', () => {
    const hex = hmac(KEY, `${ID}.${NOW}.${BODY}`).toString('hex')
    expect(reasonFor(signed(`v1,${hex}`))).toBe(
      'the signature is a hex digest: send it base64-encoded, as v1,<base64>',
    )
    expect(reasonFor(signed(hex))).toBe(
      'the v1, prefix is missing: send v1,<base64>; and the signature is a hex digest: send it base64-encoded, as v1,<base64>',
    )
  })

  it('the v1, prefix missing', () => {
    expect(reasonFor(signed(standard().slice('v1,'.length)))).toBe(
      'the v1, prefix is missing: send v1,<base64>',
    )
  })

  it('another label than v1, (GitHub and Stripe style)', () => {
    const digest = standard().slice('v1,'.length)
    expect(reasonFor(signed(`sha256=${digest}`))).toBe(
      'the signature starts "sha256=" instead of "v1,": send v1,<base64>',
    )
  })

  it('base64url, or base64 without its padding', () => {
    const digest = hmac(KEY, `${ID}.${NOW}.${BODY}`)
    const url = digest.toString('base64url')
    expect(url).toMatch(/[-_]/)
    expect(reasonFor(signed(`v1,${url}`))).toBe(
      'the signature is base64url: send standard base64 (with + / and = padding)',
    )
    expect(reasonFor(signed(`v1,${digest.toString('base64').replace(/=+$/, '')}`))).toBe(
      'the signature lacks its = padding: send standard base64',
    )
  })

  it('several signatures joined by commas instead of spaces', () => {
    const other = standard(Buffer.from('an entirely different secret key'))
    expect(reasonFor(signed(`${other},${standard()}`))).toBe(
      'several signatures are joined by commas: separate the v1,<base64> entries with spaces',
    )
  })

  it('the body alone signed, without id.timestamp.', () => {
    expect(reasonFor(signed(standard(KEY, BODY)))).toBe(
      'the sender signed the body alone: sign webhook-id.webhook-timestamp.body',
    )
  })

  it('timestamp and id swapped', () => {
    expect(reasonFor(signed(standard(KEY, `${NOW}.${ID}.${BODY}`)))).toBe(
      'the sender signed timestamp.id.body: the order is webhook-id.webhook-timestamp.body',
    )
  })

  it('the body re-serialised after signing: whitespace', () => {
    const pretty = JSON.stringify(JSON.parse(BODY), null, 2)
    expect(reasonFor(signed(standard()), pretty)).toBe(
      'the sender signed the JSON with other whitespace than it sent (the body was re-serialised after signing): sign the exact bytes sent',
    )
  })

  it('the body re-serialised after signing: key order', () => {
    const sortedSigned = '{"data":{"id":1,"name":"Ada"},"type":"user.created"}'
    expect(reasonFor(signed(standard(KEY, `${ID}.${NOW}.${sortedSigned}`)))).toBe(
      'the sender signed the JSON with its keys in another order than it sent (the body was re-serialised after signing): sign the exact bytes sent',
    )
  })

  it('a trailing newline added after signing, or signed and not sent', () => {
    expect(reasonFor(signed(standard()), `${BODY}\n`)).toBe(
      'the body ends with a newline the sender did not sign: sign the exact bytes sent',
    )
    expect(reasonFor(signed(standard(KEY, `${ID}.${NOW}.${BODY}\n`)))).toBe(
      'the sender signed the body with a trailing newline it did not send: sign the exact bytes sent',
    )
  })

  it('two mistakes at once are both named', () => {
    const hex = hmac(SECRET, BODY).toString('hex')
    expect(reasonFor(signed(`v1,${hex}`))).toBe(
      'the sender used the whole secret, whsec_ prefix included, as the HMAC key: base64-decode the part after whsec_ and use those bytes as the HMAC key; and the sender signed the body alone: sign webhook-id.webhook-timestamp.body; and the signature is a hex digest: send it base64-encoded, as v1,<base64>',
    )
  })

  it('a timestamp in milliseconds', () => {
    const ms = String(NOW_MS)
    const headers = {
      'webhook-id': ID,
      'webhook-timestamp': ms,
      'webhook-signature': standard(KEY, `${ID}.${ms}.${BODY}`),
    }
    expect(reasonFor(headers)).toBe(
      `webhook-timestamp ${ms} is in milliseconds: send Unix seconds, and sign those`,
    )
  })

  it('svix-* header names instead of webhook-*', () => {
    expect(reasonFor({ 'svix-id': ID, 'svix-timestamp': NOW, 'svix-signature': standard() })).toBe(
      'the request sends svix-id, svix-timestamp, svix-signature instead of webhook-id, webhook-timestamp, webhook-signature: Standard Webhooks names them webhook-* (the signature itself matches the secret)',
    )
    expect(reasonFor({ 'webhook-id': ID, 'svix-timestamp': NOW, 'webhook-signature': standard() })).toBe(
      'the request sends svix-timestamp instead of webhook-timestamp: Standard Webhooks names them webhook-* (the signature itself matches the secret)',
    )
  })

  it('svix-* headers beside webhook-* ones, only the svix-* set signed right', () => {
    const stale = standard(Buffer.from('an entirely different secret key'))
    expect(
      reasonFor({ ...signed(stale), 'svix-id': ID, 'svix-timestamp': NOW, 'svix-signature': standard() }),
    ).toBe(
      'the svix-* headers are signed right but the webhook-* ones beside them are not: the sender sends the two sets with different values (send webhook-* only)',
    )
  })

  it('keeps the verifier’s own reason for a missing header it cannot explain', () => {
    expect(reasonFor({ 'webhook-id': ID, 'webhook-timestamp': NOW })).toBe('missing header webhook-signature')
  })
})
