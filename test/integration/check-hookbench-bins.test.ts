import { describe, expect, it } from 'vitest'
import { generateSecret } from '../../src/core/signing/standard-webhooks.ts'
import { apiHostsPerTest } from '../helpers/api-host.ts'
import { runCli } from '../helpers/run-cli.ts'
import { tempDirsPerTest } from '../helpers/temp-dir.ts'

const tempDir = tempDirsPerTest()
const startHost = apiHostsPerTest()

/** The ✓/✗/- and id of every check line of `hookbench check`'s output. */
function marks(stdout: string): Array<[string, string]> {
  return [...stdout.matchAll(/^([✓✗-]) (\S+)/gmu)].map((match) => [match[1] ?? '', match[2] ?? ''])
}

describe("hookbench check against Hookbench's own bins", () => {
  it('a bin that verifies Standard Webhooks and enforces it passes every check', async () => {
    const api = await startHost(tempDir())
    const secret = generateSecret()
    const created = await api.call('POST', '/api/bins', {
      name: 'verified',
      verify: { standard_webhooks: { secret }, enforce: true },
    })
    expect(created.status).toBe(201)
    const url = `${api.host.receiverUrl}/hooks/verified/webhook`
    const result = await runCli(['check', url, '--secret', secret], tempDir())
    expect(result.status).toBe(0)
    expect(marks(result.stdout).filter(([mark]) => mark !== '✓')).toEqual([])
    expect(result.stdout).toContain('13 passed, 0 failed, 0 skipped.')
  })

  it('a bin without verification fails the rejects-* checks and nothing else', async () => {
    const api = await startHost(tempDir())
    await api.call('POST', '/api/bins', { name: 'open' })
    const url = `${api.host.receiverUrl}/hooks/open/webhook`
    const result = await runCli(['check', url, '--secret', generateSecret()], tempDir())
    expect(result.status).toBe(1)
    expect(marks(result.stdout).filter(([mark]) => mark === '✗')).toEqual([
      ['✗', 'rejects-tampered-body'],
      ['✗', 'rejects-wrong-secret'],
      ['✗', 'rejects-missing-signature'],
      ['✗', 'rejects-stale-timestamp'],
      ['✗', 'rejects-future-timestamp'],
    ])
    expect(result.stdout).toMatch(
      /✗ rejects-tampered-body +expected 4xx, got accepted a tampered body: 200 OK/,
    )
  })

  it('a Rustici bin that requires Basic credentials passes the credential checks', async () => {
    const api = await startHost(tempDir())
    const secret = generateSecret()
    await api.call('POST', '/api/bins', {
      name: 'rustici',
      verify: {
        basic: { username: 'generator', password: 's3cret' },
        standard_webhooks: { secret },
        enforce: true,
      },
    })
    const url = `${api.host.receiverUrl}/hooks/rustici/jobs`
    const result = await runCli(
      ['check', url, '--profile', 'rustici', '--secret', secret, '--basic', 'generator:s3cret'],
      tempDir(),
    )
    expect(result.status).toBe(0)
    expect(marks(result.stdout)).toHaveLength(15)
    expect(marks(result.stdout).filter(([mark]) => mark !== '✓')).toEqual([])
    expect(result.stdout).not.toContain('s3cret')
  })
})
