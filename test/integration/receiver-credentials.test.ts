import { request as httpRequest } from 'node:http'
import { describe, expect, it } from 'vitest'
import { appSinksPerTest } from '../helpers/app-sink.ts'
import { type ReceiverHost, receiverHostsPerTest, requestLinesOnDisk } from '../helpers/receiver-host.ts'

const start = receiverHostsPerTest()
const sink = appSinksPerTest()

const MASK = '••••'
const BEARER = 'Bearer tok_live_4f9a2c'
const PROXY = 'Basic cHJveHk6cHJveHktcGFzcw=='
const COOKIE = 'session=sess_77e1b0'
const API_KEY = 'key_subscription_91d3'
const PLAINTEXTS = [BEARER, 'tok_live_4f9a2c', PROXY, COOKIE, 'sess_77e1b0', API_KEY]

interface Captured {
  id: string
  headers: Array<[string, string]>
}

/** Sends through node:http: fetch refuses Proxy-Authorization, and a sender may well set it. */
function send(url: string, headers: Record<string, string>, body = '{"event":"ping"}'): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: 'POST', headers }, (res) => {
      res.resume()
      res.on('end', () => resolve(res.headers['x-hookbench-request-id'] as string))
    })
    req.on('error', reject)
    req.end(body)
  })
}

/** A subscription whose X-Api-Key header is secret, and one capture carrying every kind of credential. */
async function captureWithCredentials(setup: ReceiverHost, bin = 'creds'): Promise<string> {
  const subscription = await setup.api('POST', '/api/subscriptions', {
    name: 'to my own bin',
    url: `${setup.host.receiverUrl}/hooks/${bin}/`,
    headers: { 'X-Api-Key': { value: API_KEY, secret: true }, 'X-Team': { value: 'payments' } },
  })
  expect(subscription.status).toBe(201)
  return send(`${setup.host.receiverUrl}/hooks/${bin}/orders?x=1`, {
    'content-type': 'application/json',
    authorization: BEARER,
    'proxy-authorization': PROXY,
    cookie: COOKIE,
    'x-api-key': API_KEY,
    'x-team': 'payments',
  })
}

function headerValue(headers: Array<[string, string]>, name: string): string | undefined {
  return headers.find(([key]) => key.toLowerCase() === name)?.[1]
}

function expectNoPlaintext(text: string): void {
  for (const secret of PLAINTEXTS) expect(text).not.toContain(secret)
}

describe('credentials in captured requests', () => {
  it('are sealed on disk; other headers are stored as they came', async () => {
    const setup = await start()
    const id = await captureWithCredentials(setup)
    const lines = requestLinesOnDisk(setup.dataDir).filter((line) => line.id === id)
    expect(lines).toHaveLength(1)
    const stored = JSON.stringify(lines)
    expectNoPlaintext(stored)
    const headers = lines[0]?.v.headers as Array<[string, string]>
    for (const name of ['authorization', 'proxy-authorization', 'cookie', 'x-api-key']) {
      expect(headerValue(headers, name)).toMatch(/^hbk1:/)
    }
    expect(headerValue(headers, 'x-team')).toBe('payments')
  })

  it('are verified on their plaintext before they are sealed', async () => {
    const setup = await start()
    await setup.api('POST', '/api/bins', {
      name: 'guarded',
      verify: { enforce: true, bearer: { token: 'tok_live_4f9a2c' } },
    })
    const id = await send(`${setup.host.receiverUrl}/hooks/guarded/`, { authorization: BEARER })
    const capture = await setup.api<{ verification: { verdict: string } }>('GET', `/api/requests/${id}`)
    expect(capture.body.verification.verdict).toBe('verified')
  })

  it('are masked in the capture, its curl and the HAR export unless revealed', async () => {
    const setup = await start()
    const id = await captureWithCredentials(setup)

    const masked = await setup.api<Captured>('GET', `/api/requests/${id}`)
    expectNoPlaintext(JSON.stringify(masked.body))
    for (const name of ['authorization', 'proxy-authorization', 'cookie', 'x-api-key']) {
      expect(headerValue(masked.body.headers, name)).toBe(MASK)
    }
    expect(headerValue(masked.body.headers, 'x-team')).toBe('payments')
    const revealed = await setup.api<Captured>('GET', `/api/requests/${id}?reveal=true`)
    expect(headerValue(revealed.body.headers, 'authorization')).toBe(BEARER)
    expect(headerValue(revealed.body.headers, 'proxy-authorization')).toBe(PROXY)
    expect(headerValue(revealed.body.headers, 'cookie')).toBe(COOKIE)
    expect(headerValue(revealed.body.headers, 'x-api-key')).toBe(API_KEY)

    const curl = await setup.api<{ curl: string }>('GET', `/api/requests/${id}/curl`)
    expectNoPlaintext(curl.body.curl)
    expect(curl.body.curl).toContain(`-H 'authorization: ${MASK}'`)
    const curlRevealed = await setup.api<{ curl: string }>('GET', `/api/requests/${id}/curl?reveal=true`)
    expect(curlRevealed.body.curl).toContain(`-H 'authorization: ${BEARER}'`)

    const har = await setup.api('GET', '/api/requests/har?bin=creds')
    expectNoPlaintext(JSON.stringify(har.body))
    expect(JSON.stringify(har.body)).toContain(`{"name":"cookie","value":"${MASK}"}`)
    const harRevealed = await setup.api('GET', '/api/requests/har?bin=creds&reveal=true')
    expect(JSON.stringify(harRevealed.body)).toContain(`{"name":"cookie","value":"${COOKIE}"}`)

    const list = await setup.api('GET', '/api/requests')
    expectNoPlaintext(JSON.stringify(list.body))
  })

  it('are not found by the text search, while their header names are', async () => {
    const setup = await start()
    const id = await captureWithCredentials(setup)
    const search = async (q: string) =>
      (
        await setup.api<{ items: Array<{ id: string }> }>('GET', `/api/requests?q=${encodeURIComponent(q)}`)
      ).body.items.map((item) => item.id)
    expect(await search('tok_live')).toEqual([])
    expect(await search('sess_77e1b0')).toEqual([])
    expect(await search(API_KEY)).toEqual([])
    expect(await search('hbk1')).toEqual([])
    expect(await search('x-api-key')).toEqual([id])
    expect(await search('payments')).toEqual([id])
  })

  it('are forwarded and replayed with their real values', async () => {
    const setup = await start()
    const app = await sink((_req, res) => res.writeHead(204).end())
    await setup.api('POST', '/api/bins', { name: 'creds', forward_to: `${app.url}/webhooks` })
    const id = await captureWithCredentials(setup)
    const [forwarded] = await app.waitFor(1)
    expect(headerValue(forwarded?.headers ?? [], 'authorization')).toBe(BEARER)
    expect(headerValue(forwarded?.headers ?? [], 'cookie')).toBe(COOKIE)
    expect(headerValue(forwarded?.headers ?? [], 'x-api-key')).toBe(API_KEY)

    const replayed = await setup.api('POST', `/api/requests/${id}/replay`, { url: `${app.url}/again` })
    expect(replayed.status).toBe(200)
    // Edited headers as the detail showed them: a masked value sent back keeps the captured one.
    const masked = await setup.api<Captured>('GET', `/api/requests/${id}`)
    const edited = await setup.api('POST', `/api/requests/${id}/replay`, {
      url: `${app.url}/edited`,
      headers: [...masked.body.headers.filter(([name]) => name !== 'content-length'), ['x-extra', '1']],
    })
    expect(edited.status).toBe(200)
    const [, again, editedRequest] = await app.waitFor(3)
    expect(headerValue(again?.headers ?? [], 'cookie')).toBe(COOKIE)
    expect(headerValue(editedRequest?.headers ?? [], 'authorization')).toBe(BEARER)
    expect(headerValue(editedRequest?.headers ?? [], 'x-api-key')).toBe(API_KEY)
    expect(headerValue(editedRequest?.headers ?? [], 'x-extra')).toBe('1')
  })

  it("the app's Set-Cookie in the answer to a forward or replay is sealed on disk and masked unless revealed", async () => {
    const setup = await start()
    const SESSION = 'app_session=s3ss10n_f00d; HttpOnly'
    const app = await sink((_req, res) =>
      res.writeHead(200, { 'set-cookie': SESSION, 'x-app': 'yes' }).end('ok'),
    )
    await setup.api('POST', '/api/bins', { name: 'cookies', forward_to: `${app.url}/webhooks` })
    const id = await send(`${setup.host.receiverUrl}/hooks/cookies/`, { 'content-type': 'application/json' })
    await app.waitFor(1)
    let shown = await setup.api<{ forward: { state: string; last: Captured | null } }>(
      'GET',
      `/api/requests/${id}`,
    )
    for (let tries = 0; shown.body.forward.state === 'pending' && tries < 50; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 100))
      shown = await setup.api('GET', `/api/requests/${id}`)
    }
    expect(headerValue(shown.body.forward.last?.headers ?? [], 'set-cookie')).toBe(MASK)
    expect(headerValue(shown.body.forward.last?.headers ?? [], 'x-app')).toBe('yes')

    const replayed = await setup.api<Captured>('POST', `/api/requests/${id}/replay`, {
      url: `${app.url}/again`,
    })
    expect(headerValue(replayed.body.headers, 'set-cookie')).toBe(MASK)
    const revealed = await setup.api<{ forward: { last: Captured }; replays: Captured[] }>(
      'GET',
      `/api/requests/${id}?reveal=true`,
    )
    expect(headerValue(revealed.body.forward.last.headers, 'set-cookie')).toBe(SESSION)
    expect(headerValue(revealed.body.replays[0]?.headers ?? [], 'set-cookie')).toBe(SESSION)
    const onDisk = JSON.stringify(requestLinesOnDisk(setup.dataDir).filter((line) => line.id === id))
    expect(onDisk).not.toContain('s3ss10n_f00d')
  })

  it('in the query (?token=…, ?api_key=…) are sealed on disk, masked in the list, detail, curl and HAR, and never searched', async () => {
    const setup = await start()
    const TOKEN = 'qtok_5e8d1f'
    const target = `/hooks/query/orders?token=${TOKEN}&page=2&api_key=k%2Fey_77`
    const id = await send(`${setup.host.receiverUrl}${target}`, { 'content-type': 'application/json' })
    const onDisk = JSON.stringify(requestLinesOnDisk(setup.dataDir).filter((line) => line.id === id))
    expect(onDisk).not.toContain(TOKEN)
    expect(onDisk).not.toContain('ey_77')
    const maskedUrl = '/hooks/query/orders?token=••••&page=2&api_key=••••'

    const list = await setup.api<{ items: Array<{ url: string }> }>('GET', '/api/requests?bin=query')
    expect(list.body.items[0]?.url).toBe(maskedUrl)
    const detail = await setup.api<{ url: string; query: Array<[string, string]> }>(
      'GET',
      `/api/requests/${id}`,
    )
    expect(detail.body.url).toBe(maskedUrl)
    expect(detail.body.query).toEqual([
      ['token', MASK],
      ['page', '2'],
      ['api_key', MASK],
    ])
    const curl = await setup.api<{ curl: string }>('GET', `/api/requests/${id}/curl`)
    expect(curl.body.curl).toContain('token=••••')
    expect(curl.body.curl).not.toContain(TOKEN)
    const har = await setup.api('GET', '/api/requests/har?bin=query')
    expect(JSON.stringify(har.body)).not.toContain(TOKEN)
    const searched = await setup.api<{ items: unknown[] }>('GET', `/api/requests?q=${TOKEN}`)
    expect(searched.body.items).toEqual([])

    const revealed = await setup.api<{ url: string; query: Array<[string, string]> }>(
      'GET',
      `/api/requests/${id}?reveal=true`,
    )
    expect(revealed.body.url).toBe(target)
    expect(revealed.body.query).toEqual([
      ['token', TOKEN],
      ['page', '2'],
      ['api_key', 'k/ey_77'],
    ])
  })

  it('are left out of a workspace export without secrets, and carried in one with secrets', async () => {
    const setup = await start()
    const id = await captureWithCredentials(setup)
    const without = await setup.api('GET', '/api/export?include_history=true')
    expect(without.status).toBe(200)
    expectNoPlaintext(JSON.stringify(without.body))
    expect(JSON.stringify(without.body)).toContain(id)

    const withSecrets = await setup.api('GET', '/api/export?include_history=true&include_secrets=true')
    const text = JSON.stringify(withSecrets.body)
    expect(text).toContain(`{"$secret":"${BEARER}"}`)
    expect(text).not.toContain('hbk1:')

    // Imported elsewhere, they are sealed with that machine's key and open again there.
    const other = await start()
    const imported = await other.api('POST', '/api/import?mode=replace', withSecrets.body)
    expect(imported.status).toBe(200)
    expectNoPlaintext(JSON.stringify(requestLinesOnDisk(other.dataDir)))
    const revealed = await other.api<Captured>('GET', `/api/requests/${id}?reveal=true`)
    expect(headerValue(revealed.body.headers, 'authorization')).toBe(BEARER)
  })

  it('stored in plaintext by an older version stay readable and are masked too', async () => {
    const setup = await start()
    const id = await captureWithCredentials(setup)
    const revealed = await setup.api<Record<string, unknown>>('GET', `/api/requests/${id}?reveal=true`)
    const legacy = { ...revealed.body, id: 'legacy-capture' }
    const imported = await setup.api('POST', '/api/import', {
      format: 'hookbench-workspace',
      version: 1,
      exported_at: '2026-11-24T10:00:00.000Z',
      includes: { history: true, secrets: false },
      config: { schema_version: 1 },
      history: { requests: [{ id: 'legacy-capture', at: 1_700_000_000_000, value: legacy }] },
    })
    expect(imported.body).toMatchObject({ history: { requests: 1 } })
    expect(JSON.stringify(requestLinesOnDisk(setup.dataDir))).toContain(COOKIE)

    const masked = await setup.api<Captured>('GET', '/api/requests/legacy-capture')
    expectNoPlaintext(JSON.stringify(masked.body))
    expect(headerValue(masked.body.headers, 'x-api-key')).toBe(MASK)
    const curl = await setup.api<{ curl: string }>('GET', '/api/requests/legacy-capture/curl')
    expectNoPlaintext(curl.body.curl)
    const shown = await setup.api<Captured>('GET', '/api/requests/legacy-capture?reveal=true')
    expect(headerValue(shown.body.headers, 'cookie')).toBe(COOKIE)
    const search = await setup.api<{ items: unknown[] }>('GET', '/api/requests?q=sess_77e1b0')
    expect(search.body.items).toEqual([])
  })
})
