import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { Webhook } from 'standardwebhooks'
import { describe, expect, it } from 'vitest'
import { apiHostsPerTest } from '../helpers/api-host.ts'
import { tempDirsPerTest } from '../helpers/temp-dir.ts'

const tempDir = tempDirsPerTest()
const start = apiHostsPerTest()

describe("auth configs (Rustici Generator's rules)", () => {
  it.each([
    [{ auth_type: 'BASIC_AUTH', key: 'user' }, 'secret'],
    [{ auth_type: 'BASIC_AUTH', secret: 'pw' }, 'key'],
    [{ auth_type: 'OAUTH_2_CLIENT_CREDENTIALS', token_url: 'http://127.0.0.1/token' }, 'scope'],
    [{ auth_type: 'OAUTH_2_CLIENT_CREDENTIALS', scope: 'hooks' }, 'token_url'],
    [{ auth_type: 'NO_AUTH', key: 'x' }, 'key'],
    [{ auth_type: 'DIGEST_AUTH' }, 'auth_type'],
  ])('refuses %j with 400 naming %s', async (body, field) => {
    const { call } = await start(tempDir())
    const response = await call('POST', '/api/auth-configs', body)
    expect(response.status).toBe(400)
    expect(response.body.error.details.issues.map((i: { path: string }) => i.path)).toContain(field)
    expect((await call('GET', '/api/auth-configs')).body.items).toEqual([])
  })

  it('creates, redacts, reveals, updates and deletes; 409 while a subscription uses it', async () => {
    const dataDir = tempDir()
    const { call } = await start(dataDir)
    const created = await call('POST', '/api/auth-configs', {
      auth_type: 'BASIC_AUTH',
      key: 'user',
      secret: 'pw-123',
    })
    expect(created.status).toBe(201)
    expect(created.body).toMatchObject({ auth_type: 'BASIC_AUTH', key: 'user', secret: '••••', scope: null })
    expect(readFileSync(join(dataDir, 'config.json'), 'utf8')).not.toContain('pw-123')
    const id = created.body.id
    expect((await call('GET', `/api/auth-configs/${id}?reveal=true`)).body.secret).toBe('pw-123')

    const none = await call('POST', '/api/auth-configs', {
      auth_type: 'NO_AUTH',
      key: null,
      secret: null,
      scope: null,
      token_url: null,
    })
    expect(none.status).toBe(201)

    const updated = await call('PUT', `/api/auth-configs/${id}`, {
      auth_type: 'OAUTH_2_CLIENT_CREDENTIALS',
      key: 'client',
      secret: 'cs',
      scope: 'hooks',
      token_url: 'http://127.0.0.1:9/oauth2/token',
    })
    expect(updated.body).toMatchObject({ id, auth_type: 'OAUTH_2_CLIENT_CREDENTIALS', scope: 'hooks' })

    const subscription = await call('POST', '/api/subscriptions', {
      name: 'uses auth',
      url: 'http://127.0.0.1:9/hook',
      auth_config_id: id,
    })
    expect(subscription.status).toBe(201)
    const conflict = await call('DELETE', `/api/auth-configs/${id}`)
    expect(conflict.status).toBe(409)
    expect(conflict.body.error.details.subscription_ids).toEqual([subscription.body.id])

    expect((await call('DELETE', `/api/subscriptions/${subscription.body.id}`)).status).toBe(204)
    expect((await call('DELETE', `/api/auth-configs/${id}`)).status).toBe(204)
    expect((await call('GET', `/api/auth-configs/${id}`)).status).toBe(404)
  })
})

/** Contensis's example request (Create A Webhook Subscription), its // comments removed. */
const contensisExample = {
  name: { 'en-GB': 'name' },
  description: { 'en-GB': 'some description' },
  url: 'https://external.mywebsite.com/handlewebhooks/{/resource/sys.id}',
  enabled: true,
  profile: 'contensis',
  topics: [
    {
      resourceType: 'entry',
      event: ['updated', 'created'],
      language: ['fr-fr'],
      contentTypeId: ['blog', 'news'],
      owner: 't.durden',
    },
    { resourceType: 'contentType', event: ['created'] },
  ],
  headers: {
    target: { value: 'internal' },
    department: { value: '{/resource/department}' },
    secretHeaderSet: { secret: true, value: 'cs7vdsdvj~8' },
  },
  templates: {
    entry: { event: '{/event/name}', id: '{/resource/sys/id}' },
    contentType: '{/resource/}',
  },
}

describe('subscriptions', () => {
  it('stores a Contensis subscription: secret header write-only, version metadata filled', async () => {
    const dataDir = tempDir()
    const { call } = await start(dataDir)
    const created = await call('POST', '/api/subscriptions', contensisExample)
    expect(created.status).toBe(201)
    expect(created.body).toMatchObject({
      name: { 'en-GB': 'name' },
      enabled: true,
      disabled_reason: null,
      headers: { target: { value: 'internal' }, secretHeaderSet: { secret: true } },
      version: { createdBy: 'local', versionNo: '1.0' },
      retry_schedule: [0, 5, 300, 1800, 7200, 18000, 36000, 36000],
      timeout_ms: 15000,
    })
    expect(created.body.headers.secretHeaderSet).not.toHaveProperty('value')
    expect(
      JSON.stringify(await call('GET', `/api/subscriptions/${created.body.id}?reveal=true`)),
    ).not.toContain('cs7vdsdvj~8')
    expect(readFileSync(join(dataDir, 'config.json'), 'utf8')).not.toContain('cs7vdsdvj~8')

    // PUT back what GET answered: the secret header keeps its stored value, the version goes up.
    const { id, version: _v, disabled_reason: _d, signing: _s, ...asReturned } = created.body
    const replaced = await call('PUT', `/api/subscriptions/${id}`, asReturned)
    expect(replaced.status).toBe(200)
    expect(replaced.body.version).toMatchObject({ versionNo: '2.0', created: created.body.version.created })
    expect(replaced.body.headers.secretHeaderSet).toEqual({ secret: true })
  })

  it('validates topics per profile and entity_key for quicklysign, naming the field', async () => {
    const { call } = await start(tempDir())
    const wrongTopic = await call('POST', '/api/subscriptions', {
      name: 'x',
      url: 'http://127.0.0.1:9/',
      profile: 'iam',
      topics: ['user.created', 'user.creatd'],
    })
    expect(wrongTopic.status).toBe(400)
    expect(wrongTopic.body.error.message).toContain('topics.1')
    const noEntity = await call('POST', '/api/subscriptions', {
      name: 'q',
      url: 'http://127.0.0.1:9/',
      profile: 'quicklysign',
    })
    expect(noEntity.body.error.details.issues[0].path).toBe('entity_key')
    const badUrl = await call('POST', '/api/subscriptions', { name: 'x', url: 'ftp://nope' })
    expect(badUrl.body.error.details.issues[0].path).toBe('url')
    expect((await call('GET', '/api/subscriptions')).body.items).toEqual([])
  })

  it('patches a subset, re-validating the whole; disabling and enabling', async () => {
    const { call } = await start(tempDir())
    const created = await call('POST', '/api/subscriptions', {
      name: 'p',
      url: 'http://127.0.0.1:9/',
      profile: 'iam',
    })
    const id = created.body.id
    const disabled = await call('PATCH', `/api/subscriptions/${id}`, { enabled: false })
    expect(disabled.body).toMatchObject({
      enabled: false,
      name: 'p',
      profile: 'iam',
      version: { versionNo: '2.0' },
    })
    const unknown = await call('PATCH', `/api/subscriptions/${id}`, { colour: 'red' })
    expect(unknown.body.error.details.issues[0]).toMatchObject({ path: 'colour' })
    const broken = await call('PATCH', `/api/subscriptions/${id}`, { topics: ['JOB_PROCESSED'] })
    expect(broken.status).toBe(400)
    expect((await call('GET', `/api/subscriptions/${id}`)).body.version.versionNo).toBe('2.0')
  })

  it('generates a whsec_ signing secret, reveals it only on request, and rotates keeping the old one', async () => {
    const dataDir = tempDir()
    const { call } = await start(dataDir)
    const created = await call('POST', '/api/subscriptions', {
      name: 's',
      url: 'http://127.0.0.1:9/',
      signing: {},
    })
    expect(created.body.signing).toEqual({ secret: '••••', previous: [] })
    const revealed = await call('GET', `/api/subscriptions/${created.body.id}?reveal=true`)
    const secret: string = revealed.body.signing.secret
    expect(secret).toMatch(/^whsec_/)
    expect(() => new Webhook(secret)).not.toThrow()
    expect(readFileSync(join(dataDir, 'config.json'), 'utf8')).not.toContain(secret)

    const rotated = await call('POST', `/api/subscriptions/${created.body.id}/signing/rotate`, {})
    expect(rotated.body.signing.secret).toMatch(/^whsec_/)
    expect(rotated.body.signing.secret).not.toBe(secret)
    // Only the new secret is answered in the clear: the previous one is known already.
    expect(rotated.body.signing.previous).toEqual([{ secret: '••••', expires_at: expect.any(String) }])
    expect(rotated.body.version.versionNo).toBe('2.0')
    const afterRotation = await call('GET', `/api/subscriptions/${created.body.id}?reveal=true`)
    expect(afterRotation.body.signing.previous).toEqual([{ secret, expires_at: expect.any(String) }])
  })

  it.each([
    [{ name: '   ', url: 'http://127.0.0.1:9/' }, 'name', 'must not be blank'],
    [{ name: 1, url: 'http://127.0.0.1:9/' }, 'name', 'expected string or record'],
    [{ url: 'http://127.0.0.1:9/' }, 'name', 'required'],
    [{ name: 'n', url: '' }, 'url', 'must not be empty'],
  ])('refuses %j with a message that says what to do', async (body, path, message) => {
    const { call } = await start(tempDir())
    const refused = await call('POST', '/api/subscriptions', body)
    expect(refused.status).toBe(400)
    expect(refused.body.error.details.issues[0]).toEqual({ path, message })
    expect(refused.body.error.message).toBe(`Invalid input at "${path}": ${message}`)
  })

  it('takes a GET body back with PUT as is: secrets and read-only fields kept, version bumped', async () => {
    const { call } = await start(tempDir())
    const auth = await call('POST', '/api/auth-configs', { auth_type: 'BASIC_AUTH', key: 'u', secret: 'pw' })
    const authBack = await call('PUT', `/api/auth-configs/${auth.body.id}`, auth.body)
    expect(authBack.status).toBe(200)
    expect((await call('GET', `/api/auth-configs/${auth.body.id}?reveal=true`)).body.secret).toBe('pw')

    const created = await call('POST', '/api/subscriptions', {
      name: 's',
      url: 'http://127.0.0.1:9/',
      signing: {},
      headers: { 'x-api-key': { value: 'k-1', secret: true } },
      auth_config_id: auth.body.id,
    })
    const before = (await call('GET', `/api/subscriptions/${created.body.id}?reveal=true`)).body
    const got = (await call('GET', `/api/subscriptions/${created.body.id}`)).body
    const back = await call('PUT', `/api/subscriptions/${created.body.id}`, got)
    expect(back.status).toBe(200)
    const after = (await call('GET', `/api/subscriptions/${created.body.id}?reveal=true`)).body
    expect(after.signing).toEqual(before.signing)
    expect(after.headers).toEqual({ 'x-api-key': { secret: true } })
    expect(after.version.versionNo).toBe('2.0')

    const nothingToKeep = await call('POST', '/api/subscriptions', {
      name: 'n',
      url: 'http://127.0.0.1:9/',
      signing: { secret: '••••' },
    })
    expect(nothingToKeep.status).toBe(400)
    expect(nothingToKeep.body.error.details.issues[0].path).toBe('signing.secret')
  })
})

describe('who gets an event', () => {
  it('a subscription with no topic filter gets its own system’s topics only', async () => {
    const { call } = await start(tempDir())
    const create = async (profile: string, extra: object = {}) =>
      (
        await call('POST', '/api/subscriptions', {
          name: profile,
          url: 'http://127.0.0.1:9/{/id}',
          profile,
          ...extra,
        })
      ).body.id as string
    const contensis = await create('contensis')
    const iam = await create('iam')
    const rustici = await create('rustici')
    const quicklysign = await create('quicklysign', { entity_key: 'doc-1' })
    const standard = await create('standard')
    const receivers = async (topic: string) =>
      (await call('POST', '/api/events', { topic, data: {}, entity_key: 'doc-1' })).body.messages.map(
        (m: { subscription_id: string }) => m.subscription_id,
      )
    expect(await receivers('user.created')).toEqual([iam])
    expect(await receivers('realm.updated')).toEqual([iam])
    expect(await receivers('entry.created')).toEqual([contensis])
    expect(await receivers('entry.approved')).toEqual([contensis])
    expect(await receivers('JOB_PROCESSED')).toEqual([rustici])
    expect(await receivers('entity_updated')).toEqual([quicklysign])
    expect(await receivers('order.paid')).toEqual([standard])
    expect(await receivers('component.published')).toEqual([standard])
  })

  it('refuses a contensis topic another vendor’s catalog names: it would never arrive', async () => {
    const { call } = await start(tempDir())
    const refused = await call('POST', '/api/subscriptions', {
      name: 'c',
      url: 'http://127.0.0.1:9/',
      profile: 'contensis',
      topics: ['entry.created', 'user.created'],
    })
    expect(refused.status).toBe(400)
    expect(refused.body.error.details.issues).toEqual([
      {
        path: 'topics.1',
        message:
          '"user.created" is a topic of another system (IAM server): a contensis subscription never gets it',
      },
    ])
  })
})

describe('subscriptions that could never be sent are refused', () => {
  const base = { name: 'n', url: 'http://127.0.0.1:9/hook' }
  const refusals: Array<[string, object, string]> = [
    ['no host', { url: 'http://' }, 'url'],
    ['no host but a port', { url: 'http://:8080/hook' }, 'url'],
    ['an unclosed IPv6 host', { url: 'http://[::1' }, 'url'],
    ['a port above 65535', { url: 'http://127.0.0.1:99999/hook' }, 'url'],
    ['port 0', { url: 'http://127.0.0.1:0/hook' }, 'url'],
    ['a space in the host', { url: 'http://local host/hook' }, 'url'],
    ['a templated host with no scheme', { url: '{/host}/hook' }, 'url'],
    [
      'CR/LF in a header value',
      { headers: { 'x-foo': { value: 'a\r\nx-injected: 1' } } },
      'headers.x-foo.value',
    ],
    ['NUL in a header value', { headers: { 'x-foo': { value: 'a\u0000b' } } }, 'headers.x-foo.value'],
    [
      'CR/LF in a secret header value',
      { headers: { 'x-key': { value: 'k\n', secret: true } } },
      'headers.x-key.value',
    ],
    ['a space in a header name', { headers: { 'x foo': { value: 'a' } } }, 'headers.x foo'],
    ['content-length', { headers: { 'Content-Length': { value: '5' } } }, 'headers.Content-Length'],
    [
      'transfer-encoding',
      { headers: { 'transfer-encoding': { value: 'chunked' } } },
      'headers.transfer-encoding',
    ],
    ['host', { headers: { host: { value: 'example.com' } } }, 'headers.host'],
    ['connection', { headers: { connection: { value: 'close' } } }, 'headers.connection'],
  ]

  it.each(refusals)('POST: %s is a 400 naming the field', async (_what, fields, path) => {
    const { call } = await start(tempDir())
    const refused = await call('POST', '/api/subscriptions', { ...base, ...fields })
    expect(refused.status).toBe(400)
    expect(refused.body.error.details.issues.map((i: { path: string }) => i.path)).toEqual([path])
    expect((await call('GET', '/api/subscriptions')).body.items).toEqual([])
  })

  it.each(refusals)(
    'PUT and PATCH: %s is a 400 naming the field, and changes nothing',
    async (_what, fields, path) => {
      const { call } = await start(tempDir())
      const created = (await call('POST', '/api/subscriptions', base)).body
      for (const [method, body] of [
        ['PUT', { ...base, ...fields }],
        ['PATCH', fields],
      ] as const) {
        const refused = await call(method, `/api/subscriptions/${created.id}`, body)
        expect(refused.status, method).toBe(400)
        expect(refused.body.error.details.issues.map((i: { path: string }) => i.path)).toEqual([path])
      }
      expect((await call('GET', `/api/subscriptions/${created.id}`)).body).toEqual(created)
    },
  )

  it('says what is wrong in words a person can act on', async () => {
    const { call } = await start(tempDir())
    const issue = async (fields: object) =>
      (await call('POST', '/api/subscriptions', { ...base, ...fields })).body.error.details.issues[0]
    expect(await issue({ url: 'http://' })).toEqual({
      path: 'url',
      message: 'url needs a host, as in http://localhost:3000/hook',
    })
    expect(await issue({ url: 'http://127.0.0.1:99999/hook' })).toEqual({
      path: 'url',
      message: 'url has port 99999; a port is 1–65535',
    })
    expect(await issue({ url: 'http://[::1' })).toEqual({
      path: 'url',
      message: 'url is not a valid URL: check the host',
    })
    expect(await issue({ headers: { 'Content-Length': { value: '5' } } })).toEqual({
      path: 'headers.Content-Length',
      message: 'Content-Length is set by the HTTP client itself; it cannot be configured',
    })
    expect(await issue({ headers: { 'x foo': { value: 'a' } } })).toEqual({
      path: 'headers.x foo',
      message: 'not a valid HTTP header name',
    })
    expect(await issue({ headers: { 'x-foo': { value: 'a\r\nb' } } })).toEqual({
      path: 'headers.x-foo.value',
      message: 'a header value may not contain line breaks or control characters',
    })
  })

  it('takes templated URLs whose fixed parts are valid, and header names the client does not set', async () => {
    const { call } = await start(tempDir())
    for (const url of [
      'https://external.mywebsite.com/handlewebhooks/{/resource/sys.id}',
      'http://{/tenant}.example.com:8080/{/id}?v={/version}',
      'http://[::1]:65535/hook',
      'HTTP://127.0.0.1/',
    ]) {
      const created = await call('POST', '/api/subscriptions', {
        ...base,
        url,
        headers: { 'X-Tab': { value: 'a\tb' }, Authorization: { value: 'Bearer t', secret: true } },
      })
      expect(created.status, url).toBe(201)
    }
  })

  it('still loads a stored subscription that is now refused; a PATCH that leaves its URL alone applies', async () => {
    const dataDir = tempDir()
    const first = await start(dataDir)
    const created = (await first.call('POST', '/api/subscriptions', base)).body
    await first.stop()
    const path = join(dataDir, 'config.json')
    const config = JSON.parse(readFileSync(path, 'utf8'))
    config.subscriptions[0].url = 'http://127.0.0.1:99999/hook'
    config.subscriptions[0].headers = { 'content-length': { value: '5' } }
    writeFileSync(path, JSON.stringify(config))

    const { call } = await start(dataDir)
    expect((await call('GET', `/api/subscriptions/${created.id}`)).body.url).toBe(
      'http://127.0.0.1:99999/hook',
    )
    const disabled = await call('PATCH', `/api/subscriptions/${created.id}`, { enabled: false })
    expect(disabled.status).toBe(200)
    expect(disabled.body).toMatchObject({ enabled: false, url: 'http://127.0.0.1:99999/hook' })
    const fixed = await call('PATCH', `/api/subscriptions/${created.id}`, {
      url: 'http://127.0.0.1:9/hook',
      headers: {},
    })
    expect(fixed.status).toBe(200)
    expect(fixed.body).toMatchObject({ url: 'http://127.0.0.1:9/hook', headers: {} })
  })
})

describe('subscription bodies with prototype keys', () => {
  const withProto = (fields: object) =>
    JSON.parse(`{"__proto__": {"signing": null, "enabled": false}, ${JSON.stringify(fields).slice(1)}`)

  it('POST, PUT and PATCH all refuse __proto__ by name, and change nothing', async () => {
    const { call } = await start(tempDir())
    const fields = { name: 'n', url: 'http://127.0.0.1:9/hook', signing: {} }
    const created = (await call('POST', '/api/subscriptions', fields)).body
    for (const [method, path, body] of [
      ['POST', '/api/subscriptions', withProto(fields)],
      ['PUT', `/api/subscriptions/${created.id}`, withProto({ name: 'n', url: 'http://127.0.0.1:9/hook' })],
      ['PATCH', `/api/subscriptions/${created.id}`, withProto({ name: 'renamed' })],
    ] as const) {
      const refused = await call(method, path, body)
      expect(refused.status, method).toBe(400)
      expect(refused.body.error.details.issues, method).toEqual([
        { path: '__proto__', message: expect.stringContaining('A key named "__proto__" (at __proto__)') },
      ])
    }
    const after = await call('GET', '/api/subscriptions')
    expect(after.body.items).toEqual([created])
  })

  it('refuses __proto__ inside headers and templates, naming where, instead of dropping it', async () => {
    const { call } = await start(tempDir())
    const headers = JSON.parse('{"__proto__": {"value": "1"}, "x-a": {"value": "b"}}')
    const templates = JSON.parse('{"__proto__": "x", "entry": "{/resource/}"}')
    const base = { name: 'n', url: 'http://127.0.0.1:9/hook', profile: 'contensis' }
    const withHeaders = await call('POST', '/api/subscriptions', { ...base, headers })
    expect(withHeaders.status).toBe(400)
    expect(withHeaders.body.error.details.issues[0].path).toBe('headers.__proto__')
    const withTemplates = await call('POST', '/api/subscriptions', { ...base, templates })
    expect(withTemplates.status).toBe(400)
    expect(withTemplates.body.error.message).toContain('(at templates.__proto__)')
    expect((await call('GET', '/api/subscriptions')).body.items).toEqual([])
  })
})
