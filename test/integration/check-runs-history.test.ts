import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { generateSecret } from '../../src/core/signing/standard-webhooks.ts'
import { type ApiHost, apiHostsPerTest } from '../helpers/api-host.ts'
import { spawnServe } from '../helpers/spawn-serve.ts'
import { openStream, until } from '../helpers/sse-stream.ts'
import { tempDirsPerTest } from '../helpers/temp-dir.ts'
import { receiversPerTest } from './check-receivers.ts'

const tempDir = tempDirsPerTest()
const startHost = apiHostsPerTest()
const startReceiver = receiversPerTest()
const secret = generateSecret()
const STOPPED = 'Hookbench stopped while this run was running.'

async function ended(api: ApiHost, id: string) {
  const deadline = Date.now() + 20_000
  for (;;) {
    const run = await api.call('GET', `/api/checks/${id}`)
    if (run.body.status !== 'running') return run.body
    if (Date.now() > deadline) throw new Error(`run ${id} still running`)
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}

/** Every file under `dir`, read as text. */
function filesUnder(dir: string): Array<{ path: string; text: string }> {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile())
    .map((path) => ({ path, text: readFileSync(path, 'latin1') }))
}

describe('check runs in history', () => {
  it('keeps the secret and credentials sealed: in no response, no live event, no file of the data folder', async () => {
    const dataDir = tempDir()
    const api = await startHost(dataDir)
    const password = 'pa55-word-7c1e'
    const receiver = await startReceiver({
      signature: 'library',
      secret,
      basic: { username: 'gen', password },
    })
    const stream = openStream(`${api.host.apiUrl}/api/stream`, api.host.token)
    await stream.opened
    const started = await api.call('POST', '/api/checks', {
      url: receiver.url,
      profile: 'rustici',
      secret,
      basic: `gen:${password}`,
    })
    expect(started.status).toBe(202)
    const run = await ended(api, started.body.check_run_id)
    expect(run).toMatchObject({ status: 'finished', failed: 0, has_secret: true, credentials: 'basic' })
    expect(run.checks.find((check: { id: string }) => check.id === 'rejects-wrong-credentials').ok).toBe(true)
    // The credentials are masked in the requests kept; the signature is shown (it proves nothing without the secret).
    const sent = run.checks[0].request.headers
    expect(sent).toContainEqual(['authorization', '••••'])
    expect(sent.find(([name]: [string]) => name === 'webhook-signature')?.[1]).toMatch(/^v1,/)
    const rerun = await api.call(
      'POST',
      `/api/checks/${run.check_run_id}/checks/rejects-wrong-secret/rerun`,
      {},
    )
    expect(rerun.status).toBe(202)
    await ended(api, run.check_run_id)

    const secrets = [
      secret,
      secret.slice('whsec_'.length),
      password,
      Buffer.from(`gen:${password}`).toString('base64'),
    ]
    const answers = [
      run,
      (await api.call('GET', `/api/checks/${run.check_run_id}`)).body,
      (await api.call('GET', '/api/checks')).body,
      (await api.call('GET', '/api/export?include_history=true')).body,
      stream.events,
    ]
    stream.close()
    await api.stop()
    for (const leaked of secrets) {
      for (const answer of answers) expect(JSON.stringify(answer)).not.toContain(leaked)
      for (const file of filesUnder(dataDir)) expect(file.text, file.path).not.toContain(leaked)
    }
  })

  it('marks a run that was running when Hookbench was killed as failed on the next start', async () => {
    const dataDir = tempDir()
    const receiver = await startReceiver({ delayMs: 2_000 })
    const serve = await spawnServe(['--port', '0', '--api-port', '0', '--data-dir', dataDir])
    const call = (method: string, path: string, body?: unknown) =>
      fetch(`${serve.ready.api}${path}`, {
        method,
        headers: { authorization: `Bearer ${serve.ready.token}`, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }).then((response) => response.json() as Promise<Record<string, unknown>>)
    const id = String(
      (await call('POST', '/api/checks', { url: receiver.url, profile: 'standard' })).check_run_id,
    )
    // Killed while the first check waits for the slow endpoint.
    let running = await call('GET', `/api/checks/${id}`)
    while (running.running_check_id === null) running = await call('GET', `/api/checks/${id}`)
    expect(running).toMatchObject({ status: 'running', running_check_id: 'accepts-valid-delivery' })
    await serve.stop('SIGKILL')

    const api = await startHost(dataDir)
    const run = (await api.call('GET', `/api/checks/${id}`)).body
    expect(run).toMatchObject({ status: 'failed', error: STOPPED, running_check_id: null, checks: [] })
    expect(run.finished_at).not.toBeNull()
    expect((await api.call('GET', '/api/checks')).body.items[0]).toMatchObject({
      status: 'failed',
      error: STOPPED,
    })
  })

  it('stopping Hookbench stops its runs, waiting for the check in flight, and keeps them as failed', async () => {
    const dataDir = tempDir()
    const receiver = await startReceiver({ delayMs: 300 })
    const first = await startHost(dataDir)
    const { check_run_id: id } = (
      await first.call('POST', '/api/checks', { url: receiver.url, profile: 'standard' })
    ).body
    await until(() => receiver.taken.length > 0)
    await first.stop()

    const again = await startHost(dataDir)
    const run = (await again.call('GET', `/api/checks/${id}`)).body
    expect(run).toMatchObject({ status: 'failed', error: STOPPED, running_check_id: null })
    expect(run.checks.length).toBeGreaterThanOrEqual(1)
    expect(run.checks[0]).toMatchObject({ id: 'accepts-valid-delivery', ok: true })
  })

  it('exports runs without their secrets, imports them merged, and asks for the secret to rerun a signed check', async () => {
    const receiver = await startReceiver({ signature: 'library', secret })
    const source = await startHost(tempDir())
    const started = await source.call('POST', '/api/checks', {
      url: receiver.url,
      profile: 'standard',
      secret,
      bearer: 'tok_5ecret_bearer',
    })
    const id = started.body.check_run_id
    const original = await ended(source, id)
    const exported = (await source.call('GET', '/api/export?include_history=true')).body
    expect(exported.history.check_runs).toHaveLength(1)
    expect(exported.history.check_runs[0].value).toMatchObject({
      secret: { $secret: null },
      credentials: { scheme: 'bearer', sealed: { $secret: null } },
    })
    expect(JSON.stringify(exported)).not.toContain(secret)
    expect(JSON.stringify(exported)).not.toContain('tok_5ecret_bearer')

    const target = await startHost(tempDir())
    const imported = await target.call('POST', '/api/import', exported)
    expect(imported.status).toBe(200)
    expect(imported.body.history.check_runs).toBe(1)
    const here = (await target.call('GET', `/api/checks/${id}`)).body
    expect(here).toMatchObject({ status: 'finished', passed: 13, has_secret: false, credentials: null })
    expect(here.checks).toEqual(original.checks)
    expect((await target.call('GET', '/api/checks')).body).toMatchObject({ total: 1 })

    // The secret did not come along: a signature check cannot run again without it being given.
    const refused = await target.call('POST', `/api/checks/${id}/checks/rejects-wrong-secret/rerun`, {})
    expect(refused.status).toBe(409)
    expect(refused.body.error.message).toMatch(/secret was left out of the export.*give the secret/)
    const given = await target.call('POST', `/api/checks/${id}/checks/rejects-wrong-secret/rerun`, { secret })
    expect(given.status).toBe(202)
    expect(await ended(target, id)).toMatchObject({ status: 'finished', passed: 13, has_secret: true })

    // Importing again skips the run already here.
    const twice = await target.call('POST', '/api/import', exported)
    expect(twice.body).toMatchObject({ history: { check_runs: 0 }, history_skipped: { check_runs: 1 } })
    expect((await target.call('GET', `/api/checks/${id}`)).body.has_secret).toBe(true)

    // With secrets included, they come along sealed with the other machine's key.
    const withSecrets = (await source.call('GET', '/api/export?include_history=true&include_secrets=true'))
      .body
    const third = await startHost(tempDir())
    await third.call('POST', '/api/import', withSecrets)
    expect((await third.call('GET', `/api/checks/${id}`)).body).toMatchObject({
      has_secret: true,
      credentials: 'bearer',
    })
  })

  it('shows check runs in the storage stats and takes a retention limit for them', async () => {
    const api = await startHost(tempDir())
    const receiver = await startReceiver({})
    const started = await api.call('POST', '/api/checks', {
      url: receiver.url,
      profile: 'standard',
      only: ['accepts-valid-delivery'],
    })
    await ended(api, started.body.check_run_id)
    const storage = (await api.call('GET', '/api/storage')).body
    expect(storage.kinds.check_runs).toMatchObject({
      records: 1,
      segments: 1,
      damaged: { lines: 0, files: [] },
    })
    const patched = await api.call('PATCH', '/api/settings', { retention: { check_runs: { max_count: 50 } } })
    expect(patched.status).toBe(200)
    expect(patched.body.retention.check_runs).toEqual({ max_age_days: 30, max_count: 50 })
  })
})
