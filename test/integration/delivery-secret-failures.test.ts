import { afterEach, describe, expect, it } from 'vitest'
import { ManualScheduler } from '../../src/core/delivery/scheduler.ts'
import { type Core, type CoreOptions, openCore } from '../../src/core/index.ts'
import { inProcessApi } from '../../src/core/invoke.ts'
import type { SecretBox } from '../../src/core/secrets/secret-box.ts'
import type { Api } from '../../src/shared/contract/index.ts'
import { eventually, sinksPerTest } from '../helpers/sink.ts'
import { tempDirsPerTest } from '../helpers/temp-dir.ts'

const tempDir = tempDirsPerTest()
const sink = sinksPerTest()
const cores: Core[] = []
afterEach(async () => {
  for (const core of cores.splice(0)) await core.close()
})

async function open(options: Partial<CoreOptions> = {}) {
  const core = await openCore({ dataDir: tempDir(), mode: 'headless', version: 'test', ...options })
  cores.push(core)
  return inProcessApi(core.handlers)
}

/** Runs a manual scheduler's retries until `done`. */
async function runSchedule(scheduler: ManualScheduler, done: () => Promise<boolean>) {
  for (let step = 0; step < 50; step++) {
    if (await done()) return
    const next = scheduler.nextDue()
    if (next !== null) scheduler.advanceTo(next)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
  throw new Error('schedule did not finish')
}

async function firstAttempt(h: Api, messageId: string) {
  return eventually(async () => {
    const message = await h.getMessage({ message_id: messageId, reveal: false })
    return message.attempts.length > 0 ? message : undefined
  }, 'a first attempt')
}

const at = '2026-01-01T00:00:00.000Z'
const version = { created: at, createdBy: 'local', modified: at, modifiedBy: 'local', versionNo: '1.0' }

/** A workspace file whose secrets were redacted, imported where none of them is stored. */
function redactedWorkspace(url: string) {
  return {
    format: 'hookbench-workspace' as const,
    version: 1 as const,
    exported_at: at,
    includes: { history: false, secrets: false },
    config: {
      schema_version: 1,
      auth_configs: [
        {
          id: 'ac1',
          auth_type: 'BASIC_AUTH',
          key: 'hook-user',
          secret: { $secret: null },
          scope: null,
          token_url: null,
          created_at: at,
          modified_at: at,
        },
      ],
      subscriptions: [
        {
          id: 'signed',
          name: 'Signed',
          url,
          enabled: true,
          disabled_reason: null,
          profile: 'standard',
          topics: [],
          headers: {},
          templates: {},
          signing: { secret: { $secret: null }, previous: [] },
          retry_schedule: [0, 1, 1],
          version,
        },
        {
          id: 'basic',
          name: 'Basic',
          url,
          enabled: true,
          disabled_reason: null,
          profile: 'standard',
          topics: [],
          auth_config_id: 'ac1',
          headers: {},
          templates: {},
          signing: null,
          retry_schedule: [0, 1, 1],
          version,
        },
      ],
    },
  }
}

describe('a secret that cannot be used fails the attempt, with the reason on the message', () => {
  it('a secret redacted in an imported file: each attempt fails saying so, then the schedule is exhausted', async () => {
    const endpoint = await sink()
    const scheduler = new ManualScheduler()
    const h = await open({ scheduler })
    const imported = await h.importWorkspace({ ...redactedWorkspace(endpoint.url), mode: 'merge' })
    expect(imported.secrets_missing).toEqual([
      'auth_configs[id=ac1].secret',
      'subscriptions[id=signed].signing.secret',
    ])
    // Not set reads as not set: empty, never `••••`.
    expect((await h.getSubscription({ id: 'signed', reveal: false })).signing?.secret).toBe('')

    const { messages } = await h.sendEvent({ topic: 'a.b', data: {} })
    const ids = Object.fromEntries(messages.map((m) => [m.subscription_id, m.message_id]))
    await runSchedule(scheduler, async () => {
      const all = await Promise.all(
        messages.map((m) => h.getMessage({ message_id: m.message_id, reveal: false })),
      )
      return all.every((m) => m.status === 'exhausted')
    })
    const signed = await h.getMessage({ message_id: ids.signed as string, reveal: false })
    expect(signed).toMatchObject({ status: 'exhausted', status_reason: 'all 3 attempts failed' })
    expect(signed.attempts.map((a) => [a.response, a.error])).toEqual(
      Array(3).fill([
        null,
        'The signing secret is not set (it was redacted in an imported workspace): enter it again on the subscription (or rotate it).',
      ]),
    )
    const basic = await h.getMessage({ message_id: ids.basic as string, reveal: false })
    expect(basic.attempts[0]?.error).toBe(
      'The Basic auth password is not set (it was redacted in an imported workspace): enter it again on its auth config.',
    )
    expect(endpoint.requests).toEqual([])
  })

  it('a secret that no longer decrypts: the attempt fails naming it, the message waits for its retry', async () => {
    const endpoint = await sink()
    const box = breakableBox()
    const h = await open({ mode: 'desktop', secretBox: box })
    await h.createSubscription({
      name: 'Keyed',
      url: endpoint.url,
      headers: { 'X-Api-Key': { value: 'k-1', secret: true } },
      retry_schedule: [0, 3600],
    })
    box.broken = true
    const { messages } = await h.sendEvent({ topic: 'a.b', data: {} })
    const message = await firstAttempt(h, messages[0]?.message_id as string)
    expect(message.attempts[0]).toMatchObject({
      response: null,
      outcome: 'failure',
      error: 'The secret header "X-Api-Key" cannot be decrypted: enter it again on the subscription.',
    })
    expect(message.status).toBe('pending')
    expect(message.next_attempt_at).not.toBeNull()
    expect(endpoint.requests).toEqual([])
  })
})

/** A keychain-like box whose key can be lost while Hookbench runs (another user's keychain, a reset). */
function breakableBox(): SecretBox & { broken: boolean } {
  const prefix = 'hbos1:'
  return {
    kind: 'os-keychain',
    broken: false,
    seal: (plain) => `${prefix}${Buffer.from(plain).toString('base64url')}`,
    isSealed: (value) => value.startsWith(prefix),
    open(sealed) {
      if (this.broken) throw new Error('the keychain cannot decrypt this value')
      return Buffer.from(sealed.slice(prefix.length), 'base64url').toString('utf8')
    },
  }
}
