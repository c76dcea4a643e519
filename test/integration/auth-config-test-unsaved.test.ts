import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { receiverHostsPerTest } from '../helpers/receiver-host.ts'

const start = receiverHostsPerTest()

const SECRET = 'unsaved-secret-4471'

/** A Hookbench whose own mock OAuth server knows client "svc" (secret SECRET, scope hooks:write). */
async function withClient() {
  const hb = await start()
  const created = await hb.api('POST', '/api/oauth-clients', {
    client_id: 'svc',
    client_secret: SECRET,
    scopes: ['hooks:write'],
  })
  expect(created.status).toBe(201)
  return hb
}

describe('POST /api/auth-configs/test: an OAuth config not saved yet', () => {
  it('fetches a token with the values given, shows the exchange with the secret masked, and saves nothing', async () => {
    const hb = await withClient()
    const tokenUrl = `${hb.host.receiverUrl}/oauth2/token`
    const answer = await hb.api<Record<string, unknown>>('POST', '/api/auth-configs/test', {
      key: 'svc',
      secret: SECRET,
      scope: 'hooks:write',
      token_url: tokenUrl,
    })
    expect(answer.status).toBe(200)
    expect(answer.body).toMatchObject({
      ok: true,
      exchange: { request: { url: tokenUrl }, response: { status: 200 } },
    })
    expect(JSON.stringify(answer.body)).not.toContain(SECRET)
    expect((await hb.api<{ items: unknown[] }>('GET', '/api/auth-configs')).body.items).toEqual([])
    expect(JSON.parse(readFileSync(join(hb.dataDir, 'config.json'), 'utf8')).auth_configs).toEqual([])

    const wrong = await hb.api<Record<string, unknown>>('POST', '/api/auth-configs/test', {
      key: 'svc',
      secret: 'not-the-secret',
      scope: 'hooks:write',
      token_url: tokenUrl,
    })
    expect(wrong.body).toMatchObject({ ok: false, exchange: { response: { status: 401 } } })
    expect(JSON.stringify(wrong.body)).not.toContain('not-the-secret')
  })

  it.each([
    [{ key: 'svc', secret: 's', token_url: 'http://127.0.0.1:9/t' }, 'scope'],
    [{ key: 'svc', secret: 's', scope: 'x' }, 'token_url'],
    [{ scope: 'x', token_url: 'ftp://example.test/t' }, 'token_url'],
    [{ scope: 'x', token_url: 'http://127.0.0.1:9/t', auth_type: 'BASIC_AUTH' }, 'auth_type'],
  ])('refuses %j with 400 naming %s, as creating the config would', async (body, field) => {
    const hb = await start()
    const answer = await hb.api<{ error: { details: { issues: Array<{ path: string }> } } }>(
      'POST',
      '/api/auth-configs/test',
      body,
    )
    expect(answer.status).toBe(400)
    expect(answer.body.error.details.issues.map((issue) => issue.path)).toContain(field)
  })
})
