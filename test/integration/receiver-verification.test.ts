import { describe, expect, it } from 'vitest'
import { signHeaders } from '../../src/core/signing/standard-webhooks.ts'
import { receiverHostsPerTest } from '../helpers/receiver-host.ts'

const start = receiverHostsPerTest()

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'
const OTHER_SECRET = 'whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD'

interface Verification {
  verdict: string
  checks: Array<{ kind: string; ok: boolean; reason: string }>
}

async function capturedVerification(
  setup: Awaited<ReturnType<typeof start>>,
  path: string,
  init: RequestInit,
): Promise<{ status: number; verification: Verification }> {
  const response = await setup.hook(path, init)
  await response.arrayBuffer()
  const id = response.headers.get('x-hookbench-request-id')
  const { body } = await setup.api<{ verification: Verification }>('GET', `/api/requests/${id}`)
  return { status: response.status, verification: body.verification }
}

const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`

describe('verification per bin', () => {
  it('checks a Standard Webhooks signature and says why one fails', async () => {
    const setup = await start()
    await setup.api('POST', '/api/bins', {
      name: 'signed',
      verify: { standard_webhooks: { secret: SECRET } },
    })
    const body = '{"type":"user.created","data":{"id":1}}'
    const now = Math.floor(Date.now() / 1000)
    const send = (headers: Record<string, string>, payload = body) =>
      capturedVerification(setup, '/hooks/signed/', { method: 'POST', body: payload, headers })

    const good = await send(signHeaders([SECRET], 'msg_1', now, body))
    expect(good.verification).toEqual({
      verdict: 'verified',
      checks: [{ kind: 'standard_webhooks', ok: true, reason: 'webhook-signature matches the secret' }],
    })

    const wrongSecret = await send(signHeaders([OTHER_SECRET], 'msg_2', now, body))
    expect(wrongSecret.verification.verdict).toBe('failed')
    expect(wrongSecret.verification.checks[0]?.reason).toContain('wrong secret, or the body was changed')

    const reserialised = await send(
      signHeaders([SECRET], 'msg_3', now, body),
      JSON.stringify(JSON.parse(body), null, 2),
    )
    expect(reserialised.verification.checks[0]?.reason).toContain('re-serialised')

    const stale = await send(signHeaders([SECRET], 'msg_4', now - 600, body))
    expect(stale.verification.verdict).toBe('failed')
    expect(stale.verification.checks[0]?.reason).toMatch(/timestamp is 6\d\d s old \(more than 300 s\)/)

    const { 'webhook-signature': _dropped, ...unsigned } = signHeaders([SECRET], 'msg_5', now, body)
    const missing = await send(unsigned)
    expect(missing.verification.checks[0]?.reason).toBe('missing header webhook-signature')
    // Without `enforce`, failures are recorded but answered by the rule.
    expect(missing.status).toBe(200)
  })

  it('checks Basic credentials and a bearer token', async () => {
    const setup = await start()
    await setup.api('POST', '/api/bins', {
      name: 'basic',
      verify: { basic: { username: 'alice', password: 's3cret' } },
    })
    await setup.api('POST', '/api/bins', { name: 'bearer', verify: { bearer: { token: 'tok_123' } } })
    const post = (path: string, authorization?: string) =>
      capturedVerification(setup, path, {
        method: 'POST',
        body: '{}',
        ...(authorization ? { headers: { authorization } } : {}),
      })

    expect((await post('/hooks/basic/', basic('alice', 's3cret'))).verification.verdict).toBe('verified')
    expect((await post('/hooks/basic/', basic('alice', 'nope'))).verification.checks[0]).toEqual({
      kind: 'basic',
      ok: false,
      reason: 'wrong password for "alice"',
    })
    expect((await post('/hooks/basic/', basic('bob', 's3cret'))).verification.checks[0]?.reason).toBe(
      'wrong username "bob"',
    )
    expect((await post('/hooks/basic/')).verification.checks[0]?.reason).toBe('no Authorization header')
    expect((await post('/hooks/basic/', 'Bearer tok_123')).verification.checks[0]?.reason).toBe(
      'Authorization is not Basic (it starts "Bearer")',
    )

    expect((await post('/hooks/bearer/', 'Bearer tok_123')).verification.verdict).toBe('verified')
    const wrong = await post('/hooks/bearer/', 'Bearer tok_999')
    expect(wrong.verification.checks[0]).toEqual({ kind: 'bearer', ok: false, reason: 'wrong bearer token' })
    // The wrong token itself is not repeated in the reason.
    expect(JSON.stringify(wrong.verification)).not.toContain('tok_999')
  })

  it('with enforce, answers a failed check 401 (still captured) and a good one by the rule', async () => {
    const setup = await start()
    await setup.api('POST', '/api/bins', {
      name: 'strict',
      response: { status: 202 },
      verify: { bearer: { token: 'tok_123' }, enforce: true },
    })
    const refused = await setup.hook('/hooks/strict/', {
      method: 'POST',
      body: '{}',
      headers: { authorization: 'Bearer x' },
    })
    expect(refused.status).toBe(401)
    expect(((await refused.json()) as { error: { message: string } }).error.message).toContain(
      'wrong bearer token',
    )
    const accepted = await setup.hook('/hooks/strict/', {
      method: 'POST',
      body: '{}',
      headers: { authorization: 'Bearer tok_123' },
    })
    expect(accepted.status).toBe(202)
    const list = await setup.api<{ items: Array<{ verdict: string; response_status: number }> }>(
      'GET',
      '/api/requests?bin=strict',
    )
    expect(list.body.items.map((item) => [item.verdict, item.response_status])).toEqual([
      ['verified', 202],
      ['failed', 401],
    ])
  })

  it('says not_configured when the bin checks nothing', async () => {
    const setup = await start()
    const { verification } = await capturedVerification(setup, '/hooks/open/', { method: 'POST', body: '{}' })
    expect(verification).toEqual({ verdict: 'not_configured', checks: [] })
  })
})
