import { readFileSync, statSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { type ApiHost, apiHostsPerTest } from '../helpers/api-host.ts'
import { runCli as runCliIn } from '../helpers/run-cli.ts'
import { eventually, sinksPerTest } from '../helpers/sink.ts'
import { tempDirsPerTest } from '../helpers/temp-dir.ts'

const tempDir = tempDirsPerTest()
const startHost = apiHostsPerTest()
const sink = sinksPerTest()

/** The CLI in a config folder of its own, so it never reaches the developer's own workspace. */
const runCli = (args: string[], env: Record<string, string> = {}) => runCliIn(args, tempDir(), env)

/** A host on a fresh data folder, with a signed IAM subscription to a real HTTP endpoint. */
async function hostWithSubscription() {
  const dataDir = tempDir()
  const api = await startHost(dataDir)
  const endpoint = await sink()
  const created = await api.call('POST', '/api/subscriptions', {
    name: 'My app',
    url: `${endpoint.url}/webhooks`,
    profile: 'iam',
    signing: {},
  })
  expect(created.status).toBe(201)
  return { dataDir, api, endpoint, subscriptionId: created.body.id as string }
}

async function exampleOf(api: ApiHost, topic: string): Promise<unknown> {
  const { body } = await api.call('GET', '/api/event-types?profile=iam')
  return body.profiles[0].event_types.find((type: { topic: string }) => type.topic === topic).example
}

describe('hookbench trigger', () => {
  it("sends the topic's catalog example through a subscription to a real endpoint and prints the message id", async () => {
    const { dataDir, api, endpoint, subscriptionId } = await hostWithSubscription()
    const result = await runCli(['trigger', 'user.created', '--data-dir', dataDir])
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
    const [first, second] = result.stdout.trimEnd().split('\n')
    expect(first).toMatch(
      /^Sent user\.created with the catalog's example data as event [\w-]+: 1 message queued for delivery\.$/,
    )
    const messageId = new RegExp(
      `^  message ([\\w-]+) → "My app" \\(subscription ${subscriptionId}\\)$`,
    ).exec(second ?? '')?.[1]
    expect(messageId).toBeDefined()

    const received = await eventually(() => endpoint.requests[0], 'the delivery')
    expect(received.headers['webhook-id']).toBe(messageId)
    expect(JSON.parse(received.body)).toMatchObject({
      event: 'user.created',
      data: await exampleOf(api, 'user.created'),
    })
  })

  it('names the subscription also when another one has a localized (Contensis) name', async () => {
    const { dataDir, api, subscriptionId } = await hostWithSubscription()
    const contensis = await api.call('POST', '/api/subscriptions', {
      name: { 'en-GB': 'Blog entries' },
      url: 'http://127.0.0.1:9/contensis',
      profile: 'contensis',
    })
    expect(contensis.status).toBe(201)
    const result = await runCli(['trigger', 'user.created', '--data-dir', dataDir])
    expect(result.status).toBe(0)
    expect(result.stdout).toContain(` → "My app" (subscription ${subscriptionId})`)
  })

  it('sends --data @file with the event fields given, and --json prints the API answer', async () => {
    const { dataDir, endpoint, subscriptionId } = await hostWithSubscription()
    const file = join(tempDir(), 'event.json')
    writeFileSync(file, JSON.stringify({ user_id: 'u-42', email: 'ada@example.com' }))
    const result = await runCli([
      'trigger',
      'user.updated',
      '--data',
      `@${file}`,
      '--resource-id',
      'r-42',
      '--json',
      '--data-dir',
      dataDir,
    ])
    expect(result.status).toBe(0)
    const answer = JSON.parse(result.stdout)
    expect(answer).toEqual({
      event_id: expect.any(String),
      messages: [{ message_id: expect.any(String), subscription_id: subscriptionId }],
    })
    const received = await eventually(() => endpoint.requests[0], 'the delivery')
    expect(received.headers['webhook-id']).toBe(answer.messages[0].message_id)
    expect(JSON.parse(received.body)).toMatchObject({
      event: 'user.updated',
      resource_id: 'r-42',
      data: { user_id: 'u-42', email: 'ada@example.com' },
    })
  })

  it('says when no subscription matched, with a hint', async () => {
    const dataDir = tempDir()
    await startHost(dataDir)
    const result = await runCli(['trigger', 'role.created', '--data-dir', dataDir])
    expect(result.status).toBe(0)
    expect(result.stdout).toMatch(
      /: no subscription matched, so nothing is delivered\.\nHint: add an enabled iam /,
    )
  })

  it('refuses a topic the catalog does not know (without --data), naming the close ones', async () => {
    const dataDir = tempDir()
    await startHost(dataDir)
    const result = await runCli(['trigger', 'user.create', '--data-dir', dataDir])
    expect(result.status).toBe(2)
    expect(result.stdout).toBe('')
    expect(result.stderr).toMatch(
      /^hookbench: "user\.create" is not in the event catalog, so it has no example payload to send\.\nDid you mean: user\.created/,
    )
  })

  it('bad JSON in --data: exit 2 naming --data, before looking for Hookbench', async () => {
    const result = await runCli(['trigger', 'user.created', '--data', '{"user_id": u1}'])
    expect(result.status).toBe(2)
    expect(result.stdout).toBe('')
    expect(result.stderr).toMatch(
      /^hookbench: Invalid --data: not valid JSON \(.+\); @file\.json reads a file\.\n$/,
    )
  })
})

describe('hookbench replay', () => {
  it('same-id keeps the message_id; --new-id makes a new message; both are delivered', async () => {
    const { dataDir, api, endpoint, subscriptionId } = await hostWithSubscription()
    const sent = await api.call('POST', '/api/events', { topic: 'user.deleted', data: { user_id: 'u1' } })
    const messageId: string = sent.body.messages[0].message_id
    await eventually(() => endpoint.requests[0], 'the first delivery')

    const same = await runCli(['replay', messageId, '--data-dir', dataDir])
    expect(same.stderr).toBe('')
    expect(same.status).toBe(0)
    expect(same.stdout).toBe(
      `Replayed message ${messageId} (same message_id, signed afresh) to "My app" (subscription ${subscriptionId}): queued for delivery.\n`,
    )
    const again = await eventually(() => endpoint.requests[1], 'the same-id replay')
    expect(again.headers['webhook-id']).toBe(messageId)

    const fresh = await runCli(['replay', messageId, '--new-id', '--json', '--data-dir', dataDir])
    expect(fresh.status).toBe(0)
    const answer = JSON.parse(fresh.stdout)
    expect(answer).toEqual({
      message_id: expect.any(String),
      subscription_id: subscriptionId,
      mode: 'new-id',
    })
    expect(answer.message_id).not.toBe(messageId)
    const third = await eventually(() => endpoint.requests[2], 'the new-id replay')
    expect(third.headers['webhook-id']).toBe(answer.message_id)
  })

  it('--url sends it elsewhere; an unknown message is the API’s 404, exit 1', async () => {
    const { dataDir, api, endpoint } = await hostWithSubscription()
    const sent = await api.call('POST', '/api/events', { topic: 'user.deleted', data: { user_id: 'u1' } })
    const messageId: string = sent.body.messages[0].message_id
    await eventually(() => endpoint.requests[0], 'the first delivery')
    const elsewhere = await sink()
    const result = await runCli(['replay', messageId, '--url', `${elsewhere.url}/dev`, '--data-dir', dataDir])
    expect(result.status).toBe(0)
    expect(result.stdout).toContain(`to ${elsewhere.url}/dev instead of "My app"`)
    const received = await eventually(() => elsewhere.requests[0], 'the replay elsewhere')
    expect(received.url).toBe('/dev')

    const unknown = await runCli(['replay', 'no-such-message', '--data-dir', dataDir])
    expect(unknown.status).toBe(1)
    expect(unknown.stderr).toBe('hookbench: No message no-such-message.\n')
  })
})

describe('hookbench export and import', () => {
  it('exports a workspace and imports it into a second one with --replace', async () => {
    const source = await hostWithSubscription()
    const sent = await source.api.call('POST', '/api/events', {
      topic: 'user.deleted',
      data: { user_id: 'u1' },
    })
    const messageId: string = sent.body.messages[0].message_id
    await eventually(async () => {
      const message = await source.api.call('GET', `/api/messages/${messageId}`)
      return message.body.status === 'delivered'
    }, 'the delivery to be recorded')

    const plain = await runCli(['export', '--data-dir', source.dataDir])
    expect(plain.status).toBe(0)
    const document = JSON.parse(plain.stdout)
    expect(document).toMatchObject({
      format: 'hookbench-workspace',
      includes: { history: false, secrets: false },
    })
    expect(plain.stdout).not.toContain('whsec_')

    const file = join(tempDir(), 'workspace.json')
    const exported = await runCli([
      'export',
      '--history',
      '--secrets',
      '-o',
      file,
      '--data-dir',
      source.dataDir,
    ])
    expect(exported.status).toBe(0)
    expect(exported.stdout).toBe(
      `Exported the configuration and history (secrets included: keep the file private) to ${file}.\n`,
    )
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600)
    expect(readFileSync(file, 'utf8')).toContain('whsec_')

    const targetDir = tempDir()
    const target = await startHost(targetDir)
    await target.call('POST', '/api/subscriptions', { name: 'Replaced', url: 'http://127.0.0.1:9/x' })
    const imported = await runCli(['import', file, '--replace', '--data-dir', targetDir])
    expect(imported.stderr).toBe('')
    expect(imported.status).toBe(0)
    expect(imported.stdout).toBe(
      `Imported ${file} (replace): 1 subscription, 0 auth configs, 0 bins, 0 OAuth clients; ` +
        'history: 1 event, 1 message, 1 attempt, 0 captured requests, 0 check runs.\n',
    )
    const subscriptions = await target.call('GET', '/api/subscriptions?reveal=true')
    expect(subscriptions.body.items).toEqual([
      expect.objectContaining({ id: source.subscriptionId, name: 'My app' }),
    ])
    expect(subscriptions.body.items[0].signing.secret).toMatch(/^whsec_/)
    expect((await target.call('GET', `/api/messages/${messageId}`)).status).toBe(200)
  })

  it("an invalid file is the API's 400: exit 2 with one line per issue, nothing imported", async () => {
    const dataDir = tempDir()
    const api = await startHost(dataDir)
    const file = join(tempDir(), 'broken.json')
    writeFileSync(file, JSON.stringify({ format: 'hookbench-workspace', version: 1, config: {} }))
    const result = await runCli(['import', file, '--data-dir', dataDir])
    expect(result.status).toBe(2)
    expect(result.stderr).toMatch(/^hookbench: Invalid input at "exported_at": required\n/)
    expect(result.stderr).toContain('\n  exported_at: required\n  includes: required\n')
    expect((await api.call('GET', '/api/subscriptions')).body.items).toEqual([])
  })
})

describe('reaching the API', () => {
  it("a wrong token: exit 1 with the API's message and where the token came from", async () => {
    const dataDir = tempDir()
    const { host } = await startHost(dataDir)
    const result = await runCli(['export', '--api', host.apiUrl ?? '', '--token', 'not-the-right-token-123'])
    expect(result.status).toBe(1)
    expect(result.stdout).toBe('')
    expect(result.stderr).toBe(
      'hookbench: Missing or wrong bearer token (Authorization: Bearer <token>).\nThe token came from --token.\n',
    )
  })

  it('HOOKBENCH_API and HOOKBENCH_TOKEN work without flags', async () => {
    const { host } = await startHost(tempDir())
    const result = await runCli(['export'], { HOOKBENCH_API: host.apiUrl ?? '', HOOKBENCH_TOKEN: host.token })
    expect(result.status).toBe(0)
    expect(JSON.parse(result.stdout).format).toBe('hookbench-workspace')
  })

  it('connection refused: exit 1 naming the URL', async () => {
    const closed = createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const { port } = closed.address() as { port: number }
    await new Promise((resolve) => closed.close(resolve))
    const url = `http://127.0.0.1:${port}`
    const result = await runCli(['replay', 'm1', '--api', url, '--token', 'some-token-0123456789'])
    expect(result.status).toBe(1)
    expect(result.stderr).toBe(
      `hookbench: cannot reach Hookbench at ${url}: connection refused (ECONNREFUSED).\n` +
        'The address came from --api. Is Hookbench running there?\n',
    )
  })
})
