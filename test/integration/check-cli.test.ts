import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseCommand } from '../../src/cli/args.ts'
import { generateSecret } from '../../src/core/signing/standard-webhooks.ts'
import { HookbenchError } from '../../src/shared/errors.ts'
import { checkReportFields, checkResultFields } from '../helpers/check-report-fields.ts'
import { runCli } from '../helpers/run-cli.ts'
import { tempDirsPerTest } from '../helpers/temp-dir.ts'
import { receiversPerTest } from './check-receivers.ts'

const tempDir = tempDirsPerTest()
const startReceiver = receiversPerTest()
const secret = generateSecret()

/** `hookbench check <url> --secret <secret> …options`, in a data dir of its own. */
function checkWithSecret(url: string, ...options: string[]) {
  return runCli(['check', url, '--secret', secret, ...options], tempDir())
}

describe('hookbench check (a real child process)', () => {
  it('exits 0 with one line per check and a summary when every must check passes', async () => {
    const receiver = await startReceiver({ signature: 'library', secret })
    const result = await checkWithSecret(receiver.url)
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
    const lines = result.stdout.split('\n')
    expect(lines[0]).toBe(`Checking ${receiver.url} as standard (13 checks)`)
    expect(lines).toContainEqual(
      expect.stringMatching(/^✓ accepts-valid-delivery +expected 2xx, got 200 OK in \d+ ms$/),
    )
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^✓ rejects-tampered-body +expected 4xx, got rejected: 401 Unauthorized in \d+ ms$/,
      ),
    )
    expect(lines.filter((line) => line.startsWith('✓ '))).toHaveLength(13)
    expect(result.stdout).toContain('13 passed, 0 failed, 0 skipped.\nEvery must check passed.\n')
    expect(result.stdout).not.toContain(secret)
  })

  it('exits 1 when a must check fails, naming it with what was expected and what came back', async () => {
    const receiver = await startReceiver({ signature: 'present', secret })
    const result = await checkWithSecret(receiver.url)
    expect(result.status).toBe(1)
    expect(result.stdout).toMatch(
      /\n✗ rejects-tampered-body +expected 4xx, got accepted a tampered body: 200 OK in \d+ ms\n/,
    )
    expect(result.stdout).toContain('11 passed, 2 failed (2 must), 0 skipped.')
    expect(result.stdout).toContain('Must checks that failed: rejects-tampered-body, rejects-wrong-secret.')
  })

  it('exits 0 when only should checks fail, and marks them', async () => {
    const receiver = await startReceiver({ signature: 'no-tolerance', secret })
    const result = await checkWithSecret(
      receiver.url,
      '--only',
      'accepts-valid-delivery,rejects-future-timestamp',
    )
    expect(result.status).toBe(0)
    expect(result.stdout).toMatch(/\n✗ rejects-future-timestamp +expected 4xx, got accepted .* \(should\)\n/)
    expect(result.stdout).toContain('1 passed, 1 failed (0 must), 0 skipped.')
  })

  it('--json prints the report, and only the report, on stdout', async () => {
    const receiver = await startReceiver({ signature: 'ignored' })
    const result = await runCli(['check', receiver.url, '--json', '--bearer', 'tok_123456'], tempDir())
    expect(result.status).toBe(0)
    const report = JSON.parse(result.stdout)
    expect(Object.keys(report)).toEqual(checkReportFields)
    expect(report).toMatchObject({ url: receiver.url, profile: 'standard', passed: 7, failed: 0, skipped: 6 })
    expect(Date.parse(report.started_at)).toBeLessThanOrEqual(Date.parse(report.finished_at))
    for (const check of report.checks) {
      expect(Object.keys(check)).toEqual(checkResultFields)
      expect(['must', 'should']).toContain(check.level)
    }
    const valid = report.checks[0]
    expect(valid).toMatchObject({ id: 'accepts-valid-delivery', ok: true, expected: '2xx', error: null })
    expect(valid.request).toMatchObject({ method: 'POST', url: receiver.url })
    expect(valid.request.headers).toContainEqual(['authorization', '••••'])
    expect(Object.keys(valid.response)).toEqual(['status', 'headers', 'body', 'ms'])
    expect(valid.response).toMatchObject({ status: 200, body: '{"status":200}' })
    expect(result.stdout).not.toContain('tok_123456')
  })

  it('--junit writes JUnit XML with one testcase per check', async () => {
    const unsigned = await startReceiver({ signature: 'ignored' })
    const file = join(tempDir(), 'check.xml')
    const result = await runCli(['check', unsigned.url, '--profile', 'iam', '--junit', file], tempDir())
    expect(result.status).toBe(0)
    const xml = readFileSync(file, 'utf8')
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites ')).toBe(true)
    const cases = xml.match(/<testcase [^>]*>/g) ?? []
    expect(cases).toHaveLength(13)
    expect(cases[0]).toContain('name="accepts-valid-delivery"')
    expect(xml).toMatch(/<testsuite [^>]*tests="13" failures="0" errors="0" skipped="6"/)
    expect(xml.match(/<skipped message="skipped: no signing secret given"\/>/g)).toHaveLength(6)
    expect(xml).toMatch(/<\/testsuite>\n<\/testsuites>\n$/)

    const receiver = await startReceiver({ signature: 'first-only', secret })
    const failing = join(tempDir(), 'failing.xml')
    const withSecret = await checkWithSecret(receiver.url, '--junit', failing)
    expect(withSecret.status).toBe(1)
    const failures = readFileSync(failing, 'utf8').match(/<testcase [^>]*>\n *<failure [^>]*>/g) ?? []
    expect(failures).toHaveLength(1)
    expect(failures[0]).toMatch(
      /^<testcase classname="hookbench.check.standard" name="accepts-rotated-secret" time="[\d.]+">\n *<failure message="must: expected 2xx, got 401 Unauthorized in \d+ ms" type="must">$/,
    )
  })

  it('--only runs just those checks, in the usual order', async () => {
    const receiver = await startReceiver({ signature: 'library', secret })
    const result = await checkWithSecret(
      receiver.url,
      '--json',
      '--only',
      'answers-in-time,accepts-valid-delivery',
    )
    expect(result.status).toBe(0)
    const report = JSON.parse(result.stdout)
    expect(report.checks.map((check: { id: string }) => check.id)).toEqual([
      'accepts-valid-delivery',
      'answers-in-time',
    ])
    // Two deliveries, nothing else.
    expect(receiver.taken).toHaveLength(2)
  })

  it.each([
    [[], 'check needs the URL of the endpoint to check.'],
    [['http://127.0.0.1:1/', '--profile', 'stripe'], 'Invalid --profile'],
    [['http://127.0.0.1:1/', '--only', 'nope'], 'Unknown check "nope".'],
    [['http://127.0.0.1:1/', '--secret', 'whsec_c2hvcnQ='], 'not a Standard Webhooks secret'],
  ])('bad arguments %j exit 2 with the message and the usage on stderr', async (args, message) => {
    const result = await runCli(['check', ...args], tempDir())
    expect(result.status).toBe(2)
    expect(result.stdout).toBe('')
    expect(result.stderr).toContain(message)
    expect(result.stderr).toContain('Usage: hookbench check <url> [options]')
  })

  it.each([
    [['ftp://example.test/'], 'Invalid url: give an http:// or https:// URL.'],
    [['http://127.0.0.1:1/', 'extra'], 'Unexpected argument "extra".'],
    [
      ['http://127.0.0.1:1/', '--secret', 'hunter2'],
      'Invalid --secret: a Standard Webhooks secret looks like',
    ],
    [['http://127.0.0.1:1/', '--basic', 'nocolon'], 'Invalid --basic: give user:password.'],
    [['http://127.0.0.1:1/', '--basic', 'a:b', '--bearer', 'tok'], 'Give --basic or --bearer, not both.'],
    [
      ['http://127.0.0.1:1/', '--timeout-ms', 'soon'],
      'Invalid --timeout-ms: a whole number of milliseconds.',
    ],
    [['http://127.0.0.1:1/', '--timeout-ms', '50'], 'Invalid --timeout-ms: at least 100 ms.'],
    [['http://127.0.0.1:1/', '--only', 'a,,b'], 'Invalid --only: give check ids separated by commas.'],
    [['http://127.0.0.1:1/', '--json=yes'], 'Option --json takes no value.'],
    [['http://127.0.0.1:1/', '--api', 'http://127.0.0.1:8788'], 'Unknown option --api.'],
  ])('refuses %j as bad arguments (exit 2), with the usage', (args, message) => {
    const refused = (() => {
      try {
        parseCommand(['check', ...args])
        return null
      } catch (error) {
        return error as HookbenchError
      }
    })()
    expect(refused).toBeInstanceOf(HookbenchError)
    expect(refused?.code).toBe('bad_request')
    expect(refused?.message).toContain(message)
    expect(refused?.message).toContain('Usage: hookbench check <url> [options]')
  })

  it('reads the options into what the engine takes', () => {
    expect(
      parseCommand([
        'check',
        'http://127.0.0.1:3000/hooks',
        '--profile=rustici',
        '--basic',
        'generator:pa:ss',
        '--timeout-ms',
        '2500',
        '--only',
        'accepts-valid-delivery, rejects-wrong-credentials',
      ]),
    ).toEqual({
      kind: 'check',
      options: {
        url: 'http://127.0.0.1:3000/hooks',
        profile: 'rustici',
        basic: { scheme: 'basic', username: 'generator', password: 'pa:ss' },
        timeoutMs: 2500,
        only: ['accepts-valid-delivery', 'rejects-wrong-credentials'],
        json: false,
      },
    })
  })

  it('--help prints the usage on stdout and the command list names check', async () => {
    const help = await runCli(['check', '--help'], tempDir())
    expect(help.status).toBe(0)
    expect(help.stdout).toContain('Usage: hookbench check <url> [options]')
    const commands = await runCli(['--help'], tempDir())
    expect(commands.stdout).toMatch(/\n {2}check {5}Check a webhook endpoint/)
  })
})
