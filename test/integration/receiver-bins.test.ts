import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { receiverHostsPerTest } from '../helpers/receiver-host.ts'

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
