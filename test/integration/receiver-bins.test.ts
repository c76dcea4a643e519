import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { type ReceiverHost, receiverHostsPerTest } from '../helpers/receiver-host.ts'

const start = receiverHostsPerTest()

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'

interface BinAnswer {
  id: string
  name: string
  url: string
  verify: {
    basic?: { username: string; password: string }
    bearer?: { token: string }
    standard_webhooks?: { secret: string }
  }
  error?: { code: string; message: string; details?: { issues: Array<{ path: string }> } }
}

describe('bins API', () => {
  it('creates (201), lists, gets by id or name, updates and deletes a bin', async () => {
    const { api, host } = await start()
    const created = await api<BinAnswer>('POST', '/api/bins', {
      name: 'orders',
      forward_to: 'http://127.0.0.1:9/hook',
    })
    expect(created.status).toBe(201)
    expect(created.body).toMatchObject({
      name: 'orders',
      description: '',
      response: { status: 200, headers: {}, body: { ok: true }, delay_ms: 0 },
      verify: { enforce: false },
      forward_to: 'http://127.0.0.1:9/hook',
      auto_created: false,
      url: `${host.receiverUrl}/hooks/orders/`,
    })
    const { id } = created.body
    expect((await api('GET', '/api/bins')).body).toMatchObject({ items: [{ id, name: 'orders' }] })
    expect((await api('GET', `/api/bins/${id}`)).body).toMatchObject({ id, name: 'orders' })
    expect((await api('GET', '/api/bins/orders')).body).toMatchObject({ id })

    const updated = await api('PUT', `/api/bins/${id}`, { name: 'orders-v2', response: { status: 202 } })
    expect(updated.status).toBe(200)
    expect(updated.body).toMatchObject({ id, name: 'orders-v2', response: { status: 202 }, forward_to: null })

    expect((await api('DELETE', `/api/bins/${id}`)).status).toBe(204)
    expect((await api('GET', `/api/bins/${id}`)).status).toBe(404)
  })

  it('answers 404 for an unknown id, 409 for a taken name, 400 naming the field for bad input', async () => {
    const { api } = await start()
    await api('POST', '/api/bins', { name: 'taken' })
    const other = await api<BinAnswer>('POST', '/api/bins', { name: 'other' })

    expect((await api('GET', '/api/bins/nope')).status).toBe(404)
    expect((await api('PUT', '/api/bins/nope', { name: 'x' })).status).toBe(404)
    expect((await api('DELETE', '/api/bins/nope')).status).toBe(404)
    const duplicate = await api<BinAnswer>('POST', '/api/bins', { name: 'taken' })
    expect(duplicate.status).toBe(409)
    expect(duplicate.body.error?.code).toBe('conflict')
    expect((await api('PUT', `/api/bins/${other.body.id}`, { name: 'taken' })).status).toBe(409)

    for (const [body, field] of [
      [{ name: 'has space' }, 'name'],
      [{ name: 'ok', response: { status: 99 } }, 'response'],
      [{ name: 'ok', forward_to: 'ftp://x' }, 'forward_to'],
      [
        { name: 'ok', verify: { standard_webhooks: { secret: 'not-a-secret' } } },
        'verify.standard_webhooks.secret',
      ],
      [{ name: 'ok', response: { status: 200, headers: { 'x-bad': 'a\r\nb' } } }, 'response'],
    ] as const) {
      const refused = await api<BinAnswer>('POST', '/api/bins', body)
      expect(refused.status, JSON.stringify(body)).toBe(400)
      expect(refused.body.error?.details?.issues[0]?.path).toContain(field)
    }
    expect((await api<{ items: unknown[] }>('GET', '/api/bins')).body.items).toHaveLength(2)
  })

  it('keeps passwords, tokens and signing secrets sealed on disk and redacted unless revealed', async () => {
    const { api, dataDir } = await start()
    const created = await api<BinAnswer>('POST', '/api/bins', {
      name: 'secure',
      verify: {
        basic: { username: 'alice', password: 'pa55-w0rd-plain' },
        bearer: { token: 'tok-plain-123' },
        standard_webhooks: { secret: SECRET },
      },
    })
    expect(created.status).toBe(201)
    const onDisk = readFileSync(join(dataDir, 'config.json'), 'utf8')
    for (const plain of ['pa55-w0rd-plain', 'tok-plain-123', SECRET]) {
      expect(onDisk).not.toContain(plain)
      expect(JSON.stringify(created.body)).not.toContain(plain)
    }
    expect(onDisk).toContain('alice')
    expect(created.body.verify).toEqual({
      basic: { username: 'alice', password: '••••' },
      bearer: { token: '••••' },
      standard_webhooks: { secret: '••••', tolerance_seconds: 300 },
      enforce: false,
    })
    const listed = await api('GET', '/api/bins')
    expect(JSON.stringify(listed.body)).not.toContain('tok-plain-123')

    const revealed = await api<BinAnswer>('GET', `/api/bins/${created.body.id}?reveal=true`)
    expect(revealed.body.verify).toMatchObject({
      basic: { password: 'pa55-w0rd-plain' },
      bearer: { token: 'tok-plain-123' },
      standard_webhooks: { secret: SECRET },
    })

    // Sending the redacted form back keeps the stored secret; a new value replaces it.
    const { body: shown } = await api<BinAnswer>('GET', `/api/bins/${created.body.id}`)
    await api('PUT', `/api/bins/${created.body.id}`, {
      ...shown,
      verify: { ...shown.verify, bearer: { token: 'tok-new' } },
    })
    const after = await api<BinAnswer>('GET', `/api/bins/${created.body.id}?reveal=true`)
    expect(after.body.verify).toMatchObject({
      basic: { password: 'pa55-w0rd-plain' },
      bearer: { token: 'tok-new' },
    })
  })
})

describe('bins created on first use', () => {
  const send = (hb: ReceiverHost, bin: string) => hb.hook(`/hooks/${bin}/x`, { method: 'POST', body: 'a' })
  const binNames = async (hb: ReceiverHost) =>
    (await hb.api<{ items: Array<{ name: string }> }>('GET', '/api/bins')).body.items
      .map((bin) => bin.name)
      .sort()

  it('stops at max_auto_created_bins: a new name then gets 404 naming the setting, and nothing is created', async () => {
    const hb = await start()
    expect((await hb.api('GET', '/api/settings')).body.max_auto_created_bins).toBe(300)
    const patched = await hb.api('PATCH', '/api/settings', { max_auto_created_bins: 2 })
    expect(patched.body.max_auto_created_bins).toBe(2)

    expect((await send(hb, 'one')).status).toBe(200)
    expect((await send(hb, 'two')).status).toBe(200)
    // Bins made in Hookbench do not count: the cap is on what strangers can make.
    expect((await hb.api('POST', '/api/bins', { name: 'made-here' })).status).toBe(201)

    const refused = await send(hb, 'three')
    expect(refused.status).toBe(404)
    const { error } = (await refused.json()) as { error: { code: string; message: string } }
    expect(error.code).toBe('not_found')
    expect(error.message).toContain('max_auto_created_bins')
    expect(await binNames(hb)).toEqual(['made-here', 'one', 'two'])
    const captured = await hb.api<{ items: Array<{ bin_name: string }> }>('GET', '/api/requests')
    expect(captured.body.items.map((request) => request.bin_name).sort()).toEqual(['one', 'two'])

    // Existing bins go on receiving; deleting one makes room for another.
    expect((await send(hb, 'one')).status).toBe(200)
    expect((await hb.api('DELETE', '/api/bins/one')).status).toBe(204)
    expect((await send(hb, 'three')).status).toBe(200)
    expect(await binNames(hb)).toEqual(['made-here', 'three', 'two'])
  })

  it('holds under concurrent first requests to many names', async () => {
    const hb = await start()
    await hb.api('PATCH', '/api/settings', { max_auto_created_bins: 3 })
    const statuses = await Promise.all(Array.from({ length: 12 }, (_, i) => send(hb, `burst-${i}`))).then(
      (responses) => responses.map((response) => response.status),
    )
    expect(statuses.filter((status) => status === 200)).toHaveLength(3)
    expect(statuses.filter((status) => status === 404)).toHaveLength(9)
    expect(await binNames(hb)).toHaveLength(3)
  })

  it.each([-1, 1.5, 100_001, '10'])('refuses max_auto_created_bins %j with 400', async (value) => {
    const hb = await start()
    const refused = await hb.api<{ error: { details: { issues: Array<{ path: string }> } } }>(
      'PATCH',
      '/api/settings',
      { max_auto_created_bins: value },
    )
    expect(refused.status).toBe(400)
    expect(refused.body.error.details.issues[0]?.path).toBe('max_auto_created_bins')
    expect((await hb.api('GET', '/api/settings')).body.max_auto_created_bins).toBe(300)
  })
})
