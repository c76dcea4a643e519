import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { type ApiHost, apiHostsPerTest } from '../helpers/api-host.ts'
import { runCli } from '../helpers/run-cli.ts'
import { eventually, sinksPerTest } from '../helpers/sink.ts'
import { tempDirsPerTest } from '../helpers/temp-dir.ts'

const tempDir = tempDirsPerTest()
const start = apiHostsPerTest()
const sink = sinksPerTest()

const SIGNING = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'
const BIN_SIGNING = 'whsec_c2VjcmV0LWZvci10aGUtYmluLXRlc3Q='

/**
 * A workspace with a secret in every place one can be: Basic password, signing secret, secret
 * header, bin verify secrets, OAuth and QuicklySign client secrets; and one delivered message
 * whose attempt carries a sealed `authorization`.
 */
async function workspaceWithSecrets(api: ApiHost, endpointUrl: string) {
  const auth = await api.call('POST', '/api/auth-configs', {
    auth_type: 'BASIC_AUTH',
    key: 'hook-user',
    secret: 'basic-password-1',
    scope: null,
    token_url: null,
  })
  expect(auth.status).toBe(201)
  const subscription = await api.call('POST', '/api/subscriptions', {
    name: 'Signed',
    url: `${endpointUrl}/webhooks`,
    profile: 'iam',
    auth_config_id: auth.body.id,
    headers: { 'X-Api-Key': { value: 'header-secret-1', secret: true } },
    signing: { secret: SIGNING },
  })
  expect(subscription.status).toBe(201)
  const bin = await api.call('POST', '/api/bins', {
    name: 'guarded',
    verify: {
      basic: { username: 'u', password: 'bin-password-1' },
      bearer: { token: 'bin-token-1' },
      standard_webhooks: { secret: BIN_SIGNING },
    },
  })
  expect(bin.status).toBe(201)
  const client = await api.call('POST', '/api/oauth-clients', {
    client_id: 'client-1',
    client_secret: 'oauth-secret-1',
  })
  expect(client.status).toBe(201)
  const quicklysign = await api.call('POST', '/api/emulators/quicklysign/clients', {
    client_id: 'qs-1',
    client_secret: 'qs-secret-1',
  })
  expect(quicklysign.status).toBe(201)

  const sent = await api.call('POST', '/api/events', { topic: 'user.created', data: { id: 'u1' } })
  const messageId: string = sent.body.messages[0].message_id
  await eventually(async () => {
    const message = await api.call('GET', `/api/messages/${messageId}`)
    return message.body.status === 'delivered'
  }, 'the first delivery')
  return { subscriptionId: subscription.body.id as string, binId: bin.body.id as string, messageId }
}

/** Every secret of the workspace, opened, and every message with its attempts as sent (revealed). */
async function revealAll(api: ApiHost, messageId: string) {
  const collections = [
    '/api/auth-configs',
    '/api/subscriptions',
    '/api/bins',
    '/api/oauth-clients',
    '/api/emulators/quicklysign/clients',
  ]
  const config: Record<string, unknown> = {}
  for (const path of collections) config[path] = (await api.call('GET', `${path}?reveal=true`)).body
  const message = (await api.call('GET', `/api/messages/${messageId}?reveal=true`)).body
  return { config, message }
}

describe('export → import of the same workspace', () => {
  it('keeps every stored secret and leaves the history as it was (merge)', async () => {
    const endpoint = await sink()
    const api = await start(tempDir())
    const { messageId } = await workspaceWithSecrets(api, endpoint.url)
    const before = await revealAll(api, messageId)
    expect(JSON.stringify(before.config)).toContain('basic-password-1')
    expect(before.message.attempts[0].request.headers).toContainEqual([
      'authorization',
      `Basic ${Buffer.from('hook-user:basic-password-1').toString('base64')}`,
    ])

    const exported = await api.call('GET', '/api/export?include_history=true')
    expect(JSON.stringify(exported.body)).not.toContain('basic-password-1')
    const imported = await api.call('POST', '/api/import?mode=merge', exported.body)
    expect(imported.status).toBe(200)
    expect(imported.body).toMatchObject({
      mode: 'merge',
      history: { events: 0, messages: 0, attempts: 0, requests: 0 },
      history_skipped: { events: 1, messages: 1, attempts: 1, requests: 0 },
      secrets_missing: [],
    })
    expect(imported.body.secrets_kept).toHaveLength(8)

    expect(await revealAll(api, messageId)).toEqual(before)
  })

  it('a redacted secret in replace mode keeps the stored value of an entity that still exists', async () => {
    const endpoint = await sink()
    const api = await start(tempDir())
    const { messageId } = await workspaceWithSecrets(api, endpoint.url)
    const before = await revealAll(api, messageId)
    const exported = await api.call('GET', '/api/export?include_history=true')
    const replaced = await api.call('POST', '/api/import?mode=replace', exported.body)
    expect(replaced.status).toBe(200)
    expect(replaced.body).toMatchObject({ mode: 'replace', secrets_missing: [] })
    expect(await revealAll(api, messageId)).toEqual(before)
  })

  it('new deliveries after the import are signed and authenticated with the kept secrets', async () => {
    const endpoint = await sink()
    const api = await start(tempDir())
    await workspaceWithSecrets(api, endpoint.url)
    const exported = await api.call('GET', '/api/export?include_history=true')
    await api.call('POST', '/api/import', exported.body)

    const sent = await api.call('POST', '/api/events', { topic: 'user.created', data: { id: 'u2' } })
    const messageId: string = sent.body.messages[0].message_id
    const message = await eventually(async () => {
      const current = (await api.call('GET', `/api/messages/${messageId}`)).body
      return current.status === 'pending' ? undefined : current
    }, 'the delivery after the import')
    expect(message.status).toBe('delivered')
    const received = endpoint.requests.at(-1)
    expect(received?.headers['x-api-key']).toBe('header-secret-1')
    expect(received?.headers.authorization).toBe(
      `Basic ${Buffer.from('hook-user:basic-password-1').toString('base64')}`,
    )
    expect(received?.headers['webhook-signature']).toMatch(/^v1,/)
  })

  it('hookbench export --history then hookbench import: says what was kept, and keeps it', async () => {
    const endpoint = await sink()
    const dataDir = tempDir()
    const api = await start(dataDir)
    const { messageId } = await workspaceWithSecrets(api, endpoint.url)
    const before = await revealAll(api, messageId)
    const file = join(tempDir(), 'workspace.json')
    const exported = await runCli(['export', '--history', '-o', file, '--data-dir', dataDir], tempDir())
    expect(exported.stdout).toBe(`Exported the configuration and history (secrets as ••••) to ${file}.\n`)
    const imported = await runCli(['import', file, '--data-dir', dataDir], tempDir())
    expect(imported.stderr).toBe('')
    expect(imported.stdout).toBe(
      `Imported ${file} (merge): 1 subscription, 1 auth config, 1 bin, 1 OAuth client; ` +
        'history: 0 events, 0 messages, 0 attempts, 0 captured requests, 0 check runs.\n' +
        'Already here, kept as they were: 1 event, 1 message, 1 attempt, 0 captured requests, 0 check runs.\n' +
        '8 secrets were redacted in the file: the ones stored here were kept.\n',
    )
    expect(await revealAll(api, messageId)).toEqual(before)
  })

  it('refuses a configuration holding a secret sealed with another key, and changes nothing', async () => {
    const dataDir = tempDir()
    const api = await start(dataDir)
    const exported = (await api.call('GET', '/api/export')).body
    const foreign = `hbk1:${Buffer.alloc(40, 7).toString('base64url')}`
    const refused = await api.call('POST', '/api/import', {
      ...exported,
      config: {
        ...exported.config,
        oauth_clients: [
          {
            id: 'c1',
            client_id: 'client-1',
            client_secret: foreign,
            scopes: [],
            created_at: exported.exported_at,
          },
        ],
      },
    })
    expect(refused.status).toBe(400)
    expect(refused.body.error.details.issues).toEqual([
      {
        path: 'config.oauth_clients[id=c1].client_secret',
        message:
          'is encrypted with another key: export with secrets included to move secrets between machines',
      },
    ])
    expect((await api.call('GET', '/api/oauth-clients')).body.items).toEqual([])
  })
})
