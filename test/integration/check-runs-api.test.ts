import { describe, expect, it } from 'vitest'
import { generateSecret } from '../../src/core/signing/standard-webhooks.ts'
import { type ApiHost, apiHostsPerTest } from '../helpers/api-host.ts'
import { checkReportFields, checkResultFields } from '../helpers/check-report-fields.ts'
import { openStream, until } from '../helpers/sse-stream.ts'
import { tempDirsPerTest } from '../helpers/temp-dir.ts'
import { type ReceiverBehaviour, receiversPerTest } from './check-receivers.ts'

const tempDir = tempDirsPerTest()
const startHost = apiHostsPerTest()
const startReceiver = receiversPerTest()
const secret = generateSecret()

/** Asks GET /api/checks/{id} until the run is no longer running. */
async function ended(api: ApiHost, id: string) {
  const deadline = Date.now() + 20_000
  for (;;) {
    const run = await api.call('GET', `/api/checks/${id}`)
    expect(run.status).toBe(200)
    if (run.body.status !== 'running') return run.body
    if (Date.now() > deadline) throw new Error(`run ${id} still running`)
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}

describe('check runs through the API', () => {
  it('runs the checks in the background, tells each change on the stream, and keeps the report', async () => {
    const api = await startHost(tempDir())
    const receiver = await startReceiver({ signature: 'library', secret })
    const stream = openStream(`${api.host.apiUrl}/api/stream`, api.host.token)
    await stream.opened

    const started = await api.call('POST', '/api/checks', { url: receiver.url, profile: 'standard', secret })
    expect(started.status).toBe(202)
    const id: string = started.body.check_run_id
    expect(Object.keys(started.body)).toEqual(['check_run_id'])

    const run = await ended(api, id)
    expect(run).toMatchObject({
      check_run_id: id,
      url: receiver.url,
      profile: 'standard',
      status: 'finished',
      passed: 13,
      failed: 0,
      skipped: 0,
      total: 13,
      must_passed: true,
      running_check_id: null,
      subscription_id: null,
      error: null,
      timeout_ms: 15_000,
      has_secret: true,
      credentials: null,
    })
    // The fields of `hookbench check --json`, with results of the same shape, in the same order.
    expect(Object.keys(run)).toEqual(expect.arrayContaining([...checkReportFields]))
    for (const check of run.checks) expect(Object.keys(check)).toEqual(checkResultFields)
    expect(run.checks.map((check: { id: string }) => check.id)).toEqual(
      run.planned.map((check: { id: string }) => check.id),
    )
    // The signature is shown (it is not a secret); the secret is nowhere.
    const signed = run.checks[0].request.headers.find(([name]: [string]) => name === 'webhook-signature')
    expect(signed?.[1]).toMatch(/^v1,/)
    expect(JSON.stringify(run)).not.toContain(secret)

    // On the stream: started, first check started, each of 13 finished, ended — in order, on disk first.
    await until(() =>
      stream.events.some(
        (event) => event.data.type === 'check_run.updated' && event.data.data.status === 'finished',
      ),
    )
    const updates = stream.events
      .map((event) => event.data)
      .filter((event) => event.type === 'check_run.updated')
      .map((event) => event.data as { passed: number; running_check_id: string | null; status: string })
    expect(updates.length).toBe(16)
    expect(updates[0]).toMatchObject({ status: 'running', passed: 0, running_check_id: null })
    expect(updates[1]).toMatchObject({
      status: 'running',
      passed: 0,
      running_check_id: 'accepts-valid-delivery',
    })
    expect(updates[2]).toMatchObject({ passed: 1, running_check_id: 'rejects-tampered-body' })
    expect(updates.at(-1)).toMatchObject({ status: 'finished', passed: 13, running_check_id: null })
    expect(JSON.stringify(updates)).not.toContain('"checks"')
    stream.close()

    const list = await api.call('GET', '/api/checks')
    expect(list.status).toBe(200)
    expect(list.body).toMatchObject({
      total: 1,
      next_cursor: null,
      items: [{ check_run_id: id, status: 'finished' }],
    })
    expect(list.body.items[0]).not.toHaveProperty('checks')
  })

  it('lists runs newest first, pages with a cursor, and filters by subscription', async () => {
    const api = await startHost(tempDir())
    const receiver = await startReceiver({})
    const ids: string[] = []
    for (const subscription_id of ['sub_a', null, 'sub_a']) {
      const started = await api.call('POST', '/api/checks', {
        url: receiver.url,
        profile: 'standard',
        only: ['accepts-valid-delivery'],
        subscription_id,
      })
      expect(started.status).toBe(202)
      ids.push(started.body.check_run_id)
      await ended(api, started.body.check_run_id)
    }
    const first = await api.call('GET', '/api/checks?limit=2')
    expect(first.body.items.map((run: { check_run_id: string }) => run.check_run_id)).toEqual([
      ids[2],
      ids[1],
    ])
    expect(first.body.total).toBe(3)
    const second = await api.call('GET', `/api/checks?limit=2&cursor=${first.body.next_cursor}`)
    expect(second.body).toMatchObject({ items: [{ check_run_id: ids[0] }], next_cursor: null, total: 3 })
    const filtered = await api.call('GET', '/api/checks?subscription_id=sub_a')
    expect(filtered.body.items.map((run: { check_run_id: string }) => run.check_run_id)).toEqual([
      ids[2],
      ids[0],
    ])
    expect(filtered.body.total).toBe(2)
    expect((await api.call('GET', '/api/checks?cursor=nonsense')).status).toBe(400)
  })

  it('refuses bad input with a 400 naming the problem, storing nothing', async () => {
    const api = await startHost(tempDir())
    const refusals: Array<[unknown, RegExp]> = [
      [{ url: 'ftp://example.com/hooks' }, /not an http:\/\/ or https:\/\/ URL/],
      [{ url: 'http://127.0.0.1:1/', only: ['nope'] }, /Unknown check "nope"/],
      [
        { url: 'http://127.0.0.1:1/', only: ['rejects-wrong-credentials'] },
        /"rejects-wrong-credentials" is not a check of the standard profile/,
      ],
      [{ url: 'http://127.0.0.1:1/', secret: 'whsec_c2hvcnQ=' }, /not a Standard Webhooks secret/],
      [{ url: 'http://127.0.0.1:1/', basic: 'a:b', bearer: 'tok' }, /Basic or bearer credentials, not both/],
      [{ url: 'http://127.0.0.1:1/', profile: 'stripe' }, /profile/],
      [{ url: 'http://127.0.0.1:1/', timeout_ms: 0 }, /timeout_ms/],
    ]
    for (const [body, message] of refusals) {
      const refused = await api.call('POST', '/api/checks', body)
      expect(refused.status, JSON.stringify(body)).toBe(400)
      const { message: said, details } = refused.body.error
      expect(`${said} ${JSON.stringify(details ?? null)}`).toMatch(message)
    }
    expect((await api.call('GET', '/api/checks')).body).toEqual({ items: [], next_cursor: null, total: 0 })
    expect((await api.call('GET', '/api/storage')).body.kinds.check_runs).toMatchObject({ records: 0 })
    expect((await api.call('GET', '/api/checks/nope')).status).toBe(404)
  })

  it('cancels a run against a slow endpoint: the check in flight finishes, the rest never run', async () => {
    const api = await startHost(tempDir())
    const receiver = await startReceiver({ delayMs: 300 })
    const started = await api.call('POST', '/api/checks', { url: receiver.url, profile: 'standard' })
    const id = started.body.check_run_id
    await until(() => receiver.taken.length >= 1)
    // A check cannot be run again while its run runs.
    const busy = await api.call('POST', `/api/checks/${id}/checks/accepts-valid-delivery/rerun`, {})
    expect(busy.status).toBe(409)

    const cancelled = await api.call('POST', `/api/checks/${id}/cancel`)
    expect(cancelled.status).toBe(200)
    expect(cancelled.body).toMatchObject({ check_run_id: id, status: 'cancelled', running_check_id: null })
    expect(cancelled.body.finished_at).not.toBeNull()
    expect(cancelled.body.checks.length).toBeGreaterThanOrEqual(1)
    expect(cancelled.body.checks.length).toBeLessThan(cancelled.body.total)
    const sent = receiver.taken.length
    await new Promise((resolve) => setTimeout(resolve, 700))
    expect(receiver.taken.length).toBe(sent)
    expect((await api.call('GET', `/api/checks/${id}`)).body).toEqual(cancelled.body)
    expect((await api.call('POST', `/api/checks/${id}/cancel`)).status).toBe(409)
  })

  it('sends two runs at a time; a third waits its turn, and can be cancelled while it waits', async () => {
    const api = await startHost(tempDir())
    const receiver = await startReceiver({ delayMs: 200 })
    const start = async () =>
      (await api.call('POST', '/api/checks', { url: receiver.url, profile: 'standard' })).body.check_run_id
    const sending = [await start(), await start()]
    const waiting = await start()
    await until(() => receiver.taken.length >= 2)
    const queued = await api.call('GET', `/api/checks/${waiting}`)
    expect(queued.body).toMatchObject({ status: 'running', running_check_id: null, checks: [] })

    const cancelled = await api.call('POST', `/api/checks/${waiting}/cancel`)
    expect(cancelled.body).toMatchObject({ status: 'cancelled', checks: [] })
    for (const id of sending) {
      expect((await api.call('GET', `/api/checks/${id}`)).body.status).toBe('running')
      await api.call('POST', `/api/checks/${id}/cancel`)
    }
  })

  it('reruns one check in place after the receiver was fixed: its result flips, the totals follow', async () => {
    const api = await startHost(tempDir())
    const behaviour: ReceiverBehaviour = { signature: 'present', secret }
    const receiver = await startReceiver(behaviour)
    const started = await api.call('POST', '/api/checks', { url: receiver.url, profile: 'standard', secret })
    const id = started.body.check_run_id
    const before = await ended(api, id)
    const failing = before.checks.filter((check: { ok: boolean }) => check.ok === false)
    expect(failing.map((check: { id: string }) => check.id)).toEqual([
      'rejects-tampered-body',
      'rejects-wrong-secret',
    ])
    expect(before).toMatchObject({ passed: 11, failed: 2, must_passed: false })

    behaviour.signature = 'library'
    const rerun = await api.call('POST', `/api/checks/${id}/checks/rejects-wrong-secret/rerun`, {})
    expect(rerun.status).toBe(202)
    expect(rerun.body).toEqual({ check_run_id: id })
    const after = await ended(api, id)
    expect(after).toMatchObject({
      status: 'finished',
      passed: 12,
      failed: 1,
      must_passed: false,
      has_secret: true,
    })
    expect(after.checks.map((check: { id: string }) => check.id)).toEqual(
      before.checks.map((check: { id: string }) => check.id),
    )
    const flipped = after.checks.find((check: { id: string }) => check.id === 'rejects-wrong-secret')
    expect(flipped).toMatchObject({ ok: true, observed: expect.stringMatching(/^rejected: 401/) })
    // The other results are as they were.
    expect(after.checks.filter((check: { id: string }) => check.id !== 'rejects-wrong-secret')).toEqual(
      before.checks.filter((check: { id: string }) => check.id !== 'rejects-wrong-secret'),
    )
    // Still one run in the list, newest version.
    expect((await api.call('GET', '/api/checks')).body).toMatchObject({ total: 1, items: [{ passed: 12 }] })

    expect((await api.call('POST', `/api/checks/${id}/checks/nope/rerun`, {})).status).toBe(404)
    expect((await api.call('POST', `/api/checks/missing/checks/rejects-wrong-secret/rerun`, {})).status).toBe(
      404,
    )
  })

  it("checks Hookbench's own receiver", async () => {
    const api = await startHost(tempDir())
    await api.call('POST', '/api/bins', {
      name: 'verified',
      verify: { standard_webhooks: { secret }, enforce: true },
    })
    const url = `${api.host.receiverUrl}/hooks/verified/webhook`
    const started = await api.call('POST', '/api/checks', { url, profile: 'standard', secret })
    expect(started.status).toBe(202)
    expect(await ended(api, started.body.check_run_id)).toMatchObject({
      status: 'finished',
      passed: 13,
      failed: 0,
    })
  })
})
