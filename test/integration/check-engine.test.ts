import { describe, expect, it } from 'vitest'
import { type CheckReport, type CheckResult, runChecks } from '../../src/core/index.ts'
import { generateSecret } from '../../src/core/signing/standard-webhooks.ts'
import { receiversPerTest } from './check-receivers.ts'

const startReceiver = receiversPerTest()
const secret = generateSecret()
const basic = { username: 'generator', password: 's3cret' }

function failedIds(report: CheckReport): string[] {
  return report.checks.filter((check) => check.ok === false).map((check) => check.id)
}

function resultOf(report: CheckReport, id: string): CheckResult {
  const result = report.checks.find((check) => check.id === id)
  if (!result) throw new Error(`no ${id} in the report`)
  return result
}

describe('runChecks against real receivers', () => {
  it('passes every check of a receiver that verifies with the official standardwebhooks library', async () => {
    const receiver = await startReceiver({ signature: 'library', secret })
    const seen: string[] = []
    const report = await runChecks({ url: receiver.url, profile: 'standard', secret }, (result) =>
      seen.push(result.id),
    )
    expect(failedIds(report)).toEqual([])
    expect(report.checks.map((check) => check.id)).toEqual([
      'accepts-valid-delivery',
      'rejects-tampered-body',
      'rejects-wrong-secret',
      'rejects-missing-signature',
      'rejects-stale-timestamp',
      'rejects-future-timestamp',
      'accepts-rotated-secret',
      'accepts-duplicate-delivery',
      'tolerates-unknown-event',
      'answers-in-time',
      'accepts-charset-content-type',
      'accepts-large-payload',
      'survives-out-of-order',
    ])
    // Each result was handed over as it finished, in the order of the report.
    expect(seen).toEqual(report.checks.map((check) => check.id))
    expect(report).toMatchObject({
      url: receiver.url,
      profile: 'standard',
      passed: 13,
      failed: 0,
      skipped: 0,
    })
    const tampered = resultOf(report, 'rejects-tampered-body')
    expect(tampered).toMatchObject({ level: 'must', ok: true, expected: '4xx', error: null })
    expect(tampered.observed).toMatch(/^rejected: 401 Unauthorized in \d+ ms$/)
    expect(tampered.response).toMatchObject({ status: 401 })
    const rotated = resultOf(report, 'accepts-rotated-secret').request
    const signatures = rotated?.headers.find(([name]) => name === 'webhook-signature')?.[1].split(' ')
    expect(signatures).toHaveLength(3)
    const large = resultOf(report, 'accepts-large-payload').request
    expect(Buffer.byteLength(large?.body ?? '')).toBe(256 * 1024)
    expect(JSON.parse(large?.body ?? '{}')).toMatchObject({ type: 'order.paid', data: { id: 'ord_1042' } })
  })

  it('finds exactly the forged signatures a receiver that accepts any signature takes', async () => {
    const receiver = await startReceiver({ signature: 'present', secret })
    const report = await runChecks({ url: receiver.url, profile: 'standard', secret })
    expect(failedIds(report)).toEqual(['rejects-tampered-body', 'rejects-wrong-secret'])
    expect(resultOf(report, 'rejects-wrong-secret').observed).toMatch(
      /^accepted a signature made with another secret: 200 OK/,
    )
  })

  it('finds exactly the replays a receiver without timestamp tolerance takes', async () => {
    const receiver = await startReceiver({ signature: 'no-tolerance', secret })
    const report = await runChecks({ url: receiver.url, profile: 'standard', secret })
    expect(failedIds(report)).toEqual(['rejects-stale-timestamp', 'rejects-future-timestamp'])
    expect(resultOf(report, 'rejects-stale-timestamp').level).toBe('must')
    expect(resultOf(report, 'rejects-future-timestamp').level).toBe('should')
  })

  it('finds exactly the rotation a receiver that checks only the first signature breaks', async () => {
    const receiver = await startReceiver({ signature: 'first-only', secret })
    const report = await runChecks({ url: receiver.url, profile: 'standard', secret })
    expect(failedIds(report)).toEqual(['accepts-rotated-secret'])
    expect(resultOf(report, 'accepts-rotated-secret').observed).toMatch(/^401 Unauthorized/)
  })

  it('says "crashed on", not "accepted", when a forged delivery gets a 5xx', async () => {
    const receiver = await startReceiver({ signature: 'library', secret, onBadSignature: 500 })
    const report = await runChecks({ url: receiver.url, profile: 'standard', secret })
    expect(failedIds(report)).toEqual([
      'rejects-tampered-body',
      'rejects-wrong-secret',
      'rejects-missing-signature',
      'rejects-stale-timestamp',
      'rejects-future-timestamp',
    ])
    expect(resultOf(report, 'rejects-tampered-body').observed).toMatch(
      /^crashed on a tampered body: 500 Internal Server Error/,
    )
  })

  it('finds exactly the crash of a receiver that answers 500 to an unknown event type', async () => {
    const receiver = await startReceiver({
      signature: 'library',
      secret,
      knownEvents: ['order.paid'],
      crashOnUnknownEvent: true,
    })
    const report = await runChecks({ url: receiver.url, profile: 'standard', secret })
    expect(failedIds(report)).toEqual(['tolerates-unknown-event'])
    expect(resultOf(report, 'tolerates-unknown-event').observed).toMatch(
      /^crashed on an unknown event type \(hookbench\.unknown_event\): 500/,
    )
  })

  it('finds exactly the duplicate a receiver answers 409', async () => {
    const receiver = await startReceiver({ signature: 'library', secret, duplicateStatus: 409 })
    const report = await runChecks({ url: receiver.url, profile: 'standard', secret })
    expect(failedIds(report)).toEqual(['accepts-duplicate-delivery'])
    expect(resultOf(report, 'accepts-duplicate-delivery').observed).toMatch(
      /^first: 200 OK in \d+ ms; again: 409 Conflict/,
    )
  })

  it('QuicklySign: a receiver answering 201 fails only answers-exactly-200', async () => {
    const good = await startReceiver({ signature: 'library', secret })
    const created = await startReceiver({ signature: 'library', secret, successStatus: 201 })
    const passing = await runChecks({ url: good.url, profile: 'quicklysign', secret })
    expect(failedIds(passing)).toEqual([])
    const ids = passing.checks.map((check) => check.id)
    expect(ids).toContain('answers-exactly-200')
    // Its callbacks are four short fields: there is no large QuicklySign payload to send.
    expect(ids).not.toContain('accepts-large-payload')
    expect(JSON.parse(resultOf(passing, 'accepts-valid-delivery').request?.body ?? '')).toEqual({
      subscription_key: 'hookbench-check',
      entity_key: 'ahNkZXZ-cXVpY2tseXNpZ24tZGV2chULEghEb2N1bWVudBiAgICAgMDvCww',
      entity_type: 'Document',
      callback_event: 'entity_updated',
    })
    const failing = await runChecks({ url: created.url, profile: 'quicklysign', secret })
    expect(failedIds(failing)).toEqual(['answers-exactly-200'])
    expect(resultOf(failing, 'answers-exactly-200')).toMatchObject({ level: 'must', expected: 'exactly 200' })
  })

  it('Rustici with Basic credentials: a receiver that ignores them fails exactly the credential checks', async () => {
    const careful = await startReceiver({ signature: 'library', secret, basic })
    const careless = await startReceiver({ signature: 'library', secret, basic, ignoreCredentials: true })
    const credentials = { scheme: 'basic' as const, ...basic }
    const passing = await runChecks({ url: careful.url, profile: 'rustici', secret, credentials })
    expect(failedIds(passing)).toEqual([])
    expect(passing.checks.map((check) => check.id).slice(-2)).toEqual([
      'rejects-missing-credentials',
      'rejects-wrong-credentials',
    ])
    const request = resultOf(passing, 'accepts-valid-delivery').request
    // Credentials are masked in the report; signatures are not secrets.
    expect(request?.headers).toContainEqual(['authorization', '••••'])
    expect(JSON.stringify(passing)).not.toContain(basic.password)
    expect(JSON.stringify(passing)).not.toContain(secret)
    expect(JSON.parse(request?.body ?? '')).toMatchObject({
      tenant_id: 'tenant_123',
      subscription_id: 'hookbench-check',
      topic: 'JOB_PROCESSED',
      body: { id: 'job_123' },
      body_version: '1.0.0',
      message_version: '1.0.0',
    })
    const failing = await runChecks({ url: careless.url, profile: 'rustici', secret, credentials })
    expect(failedIds(failing)).toEqual(['rejects-missing-credentials', 'rejects-wrong-credentials'])
  })

  it('skips what needs a secret or credentials when none is given, saying why', async () => {
    const receiver = await startReceiver({ signature: 'ignored' })
    const report = await runChecks({ url: receiver.url, profile: 'rustici' })
    expect(failedIds(report)).toEqual([])
    const skipped = report.checks.filter((check) => check.ok === null)
    expect(skipped.map((check) => [check.id, check.observed])).toEqual([
      ['rejects-tampered-body', 'skipped: no signing secret given'],
      ['rejects-wrong-secret', 'skipped: no signing secret given'],
      ['rejects-missing-signature', 'skipped: no signing secret given'],
      ['rejects-stale-timestamp', 'skipped: no signing secret given'],
      ['rejects-future-timestamp', 'skipped: no signing secret given'],
      ['accepts-rotated-secret', 'skipped: no signing secret given'],
      ['rejects-missing-credentials', 'skipped: no credentials given (Basic or bearer)'],
      ['rejects-wrong-credentials', 'skipped: no credentials given (Basic or bearer)'],
    ])
    expect(report).toMatchObject({ passed: 7, failed: 0, skipped: 8 })
    expect(skipped[0]).toMatchObject({ request: null, response: null, error: null })
    // Unsigned deliveries still carry an id and a time.
    const headers = resultOf(report, 'accepts-valid-delivery').request?.headers.map(([name]) => name)
    expect(headers).toEqual(['content-type', 'user-agent', 'webhook-id', 'webhook-timestamp'])
  })

  it('fails answers-in-time when the endpoint does not answer within the timeout', async () => {
    const { createServer } = await import('node:net')
    // Takes the connection and never answers.
    const silent = createServer(() => {})
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve))
    try {
      const port = (silent.address() as { port: number }).port
      const report = await runChecks({
        url: `http://127.0.0.1:${port}/`,
        profile: 'iam',
        timeoutMs: 150,
        only: ['answers-in-time'],
      })
      expect(report.checks).toHaveLength(1)
      expect(report.checks[0]).toMatchObject({
        id: 'answers-in-time',
        ok: false,
        expected: 'an answer within 150 ms',
        observed: 'no answer: timed out waiting for the endpoint',
        response: null,
        error: 'timed out waiting for the endpoint',
      })
    } finally {
      silent.close()
    }
  })
})
