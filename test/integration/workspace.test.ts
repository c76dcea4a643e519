import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { StoreError } from '../../src/core/store/store-error.ts'
import { apiHostsPerTest } from '../helpers/api-host.ts'
import { tempDirsPerTest } from '../helpers/temp-dir.ts'

const tempDir = tempDirsPerTest()
const start = apiHostsPerTest()

const noAuth = (id: string) => ({
  id,
  auth_type: 'NO_AUTH',
  key: null,
  secret: null,
  scope: null,
  token_url: null,
  created_at: '2026-11-24T10:00:00.000Z',
  modified_at: '2026-11-24T10:00:00.000Z',
})

/** A stored event record, as an export carries it. */
const event = (id: string) => ({
  id,
  at: 1_700_000_000_000,
  value: {
    event_id: id,
    topic: 'user.created',
    data: { id: 'u1' },
    tenant_id: null,
    entity_key: null,
    resource_id: null,
    created_at: '2023-11-14T22:13:20.000Z',
  },
})

const document = (config: Record<string, unknown>, history?: Record<string, unknown>) => ({
  format: 'hookbench-workspace',
  version: 1,
  exported_at: '2026-11-24T10:00:00.000Z',
  includes: { history: history !== undefined, secrets: true },
  config: { schema_version: 1, ...config },
  ...(history ? { history } : {}),
})

describe('settings', () => {
  it('starts with defaults and keeps a change across a restart', async () => {
    const dataDir = tempDir()
    const first = await start(dataDir)
    const defaults = await first.call('GET', '/api/settings')
    expect(defaults.body).toMatchObject({ theme: 'system', retention: { messages: { max_age_days: 30 } } })
    const patched = await first.call('PATCH', '/api/settings', {
      theme: 'dark',
      retention: { messages: { max_age_days: 7, max_count: 5_000 } },
    })
    expect(patched.status).toBe(200)
    await first.stop()
    const second = await start(dataDir)
    expect((await second.call('GET', '/api/settings')).body).toMatchObject({
      theme: 'dark',
      retention: { messages: { max_age_days: 7, max_count: 5_000 }, events: { max_age_days: 30 } },
    })
    const one = await second.call('PATCH', '/api/settings', { retention: { messages: { max_age_days: 3 } } })
    expect(one.status).toBe(200)
    expect(one.body.retention.messages).toEqual({ max_age_days: 3, max_count: 5_000 })
  })

  it('refuses an invalid change with 400 naming the field and changes nothing', async () => {
    const dataDir = tempDir()
    const { call } = await start(dataDir)
    const before = readFileSync(join(dataDir, 'config.json'), 'utf8')
    const refused = await call('PATCH', '/api/settings', {
      retention: { events: { max_age_days: -1, max_count: 10 } },
    })
    expect(refused.status).toBe(400)
    expect(JSON.stringify(refused.body)).toContain('retention.events.max_age_days')
    const unknown = await call('PATCH', '/api/settings', { bogus: 1, retention: { events: { max_days: 1 } } })
    expect(unknown.body.error.details.issues).toEqual(
      expect.arrayContaining([
        { path: 'bogus', message: 'unknown field "bogus"' },
        { path: 'retention.events.max_days', message: 'unknown field "max_days"' },
      ]),
    )
    expect(readFileSync(join(dataDir, 'config.json'), 'utf8')).toBe(before)
  })
})

describe('workspace export and import', () => {
  it('keeps secrets sealed at rest and out of exports unless the user opts in', async () => {
    const dataDir = tempDir()
    const { call } = await start(dataDir)
    const imported = await call(
      'POST',
      '/api/import',
      document({
        auth_configs: [
          {
            id: 'ac1',
            auth_type: 'BASIC_AUTH',
            key: 'user',
            secret: { $secret: 's3cret-value' },
            scope: null,
            token_url: null,
            created_at: '2026-11-24T10:00:00.000Z',
            modified_at: '2026-11-24T10:00:00.000Z',
          },
        ],
      }),
    )
    expect(imported.status).toBe(200)
    expect(imported.body).toMatchObject({ mode: 'merge', config: { auth_configs: 1 }, secrets_missing: [] })

    const onDisk = readFileSync(join(dataDir, 'config.json'), 'utf8')
    expect(onDisk).not.toContain('s3cret-value')
    expect(onDisk).toMatch(/"secret": ?"hbk1:/)

    const redacted = await call('GET', '/api/export')
    expect(JSON.stringify(redacted.body)).not.toContain('s3cret-value')
    expect(redacted.body).toMatchObject({
      includes: { secrets: false, history: false },
      config: { auth_configs: [{ id: 'ac1', key: 'user', secret: { $secret: null } }] },
    })
    const revealed = await call('GET', '/api/export?include_secrets=true')
    expect(revealed.body).toMatchObject({
      config: { auth_configs: [{ secret: { $secret: 's3cret-value' } }] },
    })
  })

  it('imports a redacted export into a fresh workspace and says which secrets to enter again', async () => {
    const { call } = await start(tempDir())
    const result = await call(
      'POST',
      '/api/import',
      document({
        oauth_clients: [
          {
            id: 'c1',
            client_id: 'client-1',
            client_secret: { $secret: null },
            scopes: [],
            created_at: '2026-01-01T00:00:00.000Z',
          },
        ],
      }),
    )
    expect(result.body).toMatchObject({ secrets_missing: ['oauth_clients[id=c1].client_secret'] })
  })

  it('refuses an invalid file with 400 and changes nothing', async () => {
    const dataDir = tempDir()
    const { call } = await start(dataDir)
    const before = readFileSync(join(dataDir, 'config.json'), 'utf8')
    const wrongFormat = await call('POST', '/api/import', { format: 'something-else' })
    expect(wrongFormat.status).toBe(400)
    const badConfig = await call('POST', '/api/import', document({ settings: { theme: 'purple' } }))
    expect(badConfig.status).toBe(400)
    expect(JSON.stringify(badConfig.body)).toContain('settings.theme')
    const badRecord = await call(
      'POST',
      '/api/import',
      document({}, { events: [{ id: 'e1', at: 1, value: 'not-an-object' }] }),
    )
    expect(badRecord.status).toBe(400)
    expect(badRecord.body.error.details.issues[0].path).toBe('history.events.0.value')
    const badField = await call(
      'POST',
      '/api/import',
      document({}, { events: [{ id: 'e1', at: 1, value: { event_id: 'e1', topic: 7 } }] }),
    )
    expect(badField.body.error.details.issues.map((i: { path: string }) => i.path)).toContain(
      'history.events.0.value.topic',
    )
    expect(readFileSync(join(dataDir, 'config.json'), 'utf8')).toBe(before)
    expect((await call('GET', '/api/storage')).body).toMatchObject({ kinds: { events: { records: 0 } } })
  })

  it('round-trips history and replaces the configuration when asked (?mode=replace)', async () => {
    const source = await start(tempDir())
    await source.call(
      'POST',
      '/api/import',
      document({ auth_configs: [noAuth('ac-new')] }, { events: [event('e1')] }),
    )
    const exported = await source.call('GET', '/api/export?include_history=true')
    expect(exported.body).toMatchObject({
      history: { events: [{ id: 'e1', value: { topic: 'user.created' } }] },
    })

    const target = await start(tempDir())
    await target.call('POST', '/api/import', document({ auth_configs: [noAuth('ac-old')] }))
    const replaced = await target.call('POST', '/api/import?mode=replace', exported.body)
    expect(replaced.body).toMatchObject({
      mode: 'replace',
      config: { auth_configs: 1 },
      history: { events: 1 },
    })
    const after = await target.call('GET', '/api/export?include_history=true')
    expect(after.body).toMatchObject({
      config: { auth_configs: [{ id: 'ac-new' }] },
      history: { events: [{ id: 'e1' }] },
    })
    expect((await target.call('GET', '/api/storage')).body).toMatchObject({
      secrets: 'key-file',
      kinds: { events: { records: 1, segments: 1 } },
    })
  })

  it('refuses a second Hookbench on the same data folder', async () => {
    const dataDir = tempDir()
    await start(dataDir)
    const error = await start(dataDir).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(StoreError)
    expect((error as StoreError).code).toBe('store_locked')
  })
})
