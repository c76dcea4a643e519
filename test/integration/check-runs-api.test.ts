import { describe, expect, it } from 'vitest'
import { generateSecret } from '../../src/core/signing/standard-webhooks.ts'
import { type ApiHost, apiHostsPerTest } from '../helpers/api-host.ts'
import { checkReportFields, checkResultFields } from '../helpers/check-report-fields.ts'
import { openStream, until } from '../helpers/sse-stream.ts'
import { tempDirsPerTest } from '../helpers/temp-dir.ts'
import { receiversPerTest } from './check-receivers.ts'

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
})
