import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Webhook } from 'standardwebhooks'
import { afterEach, describe, expect, it } from 'vitest'
import { ManualScheduler, type Scheduler } from '../../src/core/delivery/scheduler.ts'
import { type Core, openCore } from '../../src/core/index.ts'
import { inProcessApi } from '../../src/core/invoke.ts'
import type { Api } from '../../src/shared/contract/index.ts'
import type { MessageDetail } from '../../src/shared/domain/message.ts'
import { messageWhen } from '../helpers/message-wait.ts'
import { eventually, sinksPerTest } from '../helpers/sink.ts'
import { tempDirsPerTest } from '../helpers/temp-dir.ts'

const tempDir = tempDirsPerTest()
const sink = sinksPerTest()
const cores: Core[] = []
afterEach(async () => {
  for (const core of cores.splice(0)) await core.close()
})

async function open(dataDir = tempDir(), scheduler?: Scheduler) {
  const core = await openCore({
    dataDir,
    mode: 'headless',
    version: 'test',
    ...(scheduler ? { scheduler } : {}),
  })
  cores.push(core)
  return { core, h: inProcessApi(core.handlers), dataDir }
}

async function closeCore(core: Core) {
  cores.splice(cores.indexOf(core), 1)
  await core.close()
}

async function settled(h: Api, messageId: string, status = 'delivered'): Promise<MessageDetail> {
  return messageWhen(h, messageId, (m) => m.status === status, `message ${messageId} to be ${status}`, true)
}

/** Sends one event to the only subscription; resolves with its message id once its first attempt is in. */
async function sendAndAwaitFirstAttempt(h: Api): Promise<string> {
  const { messages } = await h.sendEvent({ topic: 'a.b', data: {} })
  const id = messages[0]?.message_id as string
  await eventually(
    async () => (await h.getMessage({ message_id: id, reveal: false })).attempts.length === 1,
    'first attempt',
  )
  return id
}

/** Runs a manual scheduler's retries: waits for in-flight work, then jumps to the next due time. */
async function runSchedule(scheduler: ManualScheduler, done: () => Promise<boolean>) {
  for (let step = 0; step < 50; step++) {
    if (await done()) return
    const next = scheduler.nextDue()
    if (next === null) {
      await new Promise((resolve) => setTimeout(resolve, 10))
      continue
    }
    scheduler.advanceTo(next)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
  throw new Error('schedule did not finish')
}

const user = { id: '0b5c2d9e-4a1f-4a8b-9f4e-2f3a1c6d7e80', username: 'ada' }

describe('delivery', () => {
  it('delivers an IAM event with Basic auth and a Standard Webhooks signature the official verifier accepts', async () => {
    const endpoint = await sink()
    const { h, dataDir } = await open()
    const auth = await h.createAuthConfig({ auth_type: 'BASIC_AUTH', key: 'hook-user', secret: 'pw 123' })
    const sub = await h.createSubscription({
      name: 'iam',
      url: `${endpoint.url}/hooks/iam`,
      profile: 'iam',
      topics: ['user.created'],
      auth_config_id: auth.id,
      signing: {},
      headers: { 'X-Api-Key': { value: 'key-1', secret: true }, 'X-Env': { value: 'test' } },
    })
    const sent = await h.sendEvent({ topic: 'user.created', data: user })
    expect(sent.messages).toEqual([{ message_id: expect.any(String), subscription_id: sub.id }])
    const message = await settled(h, sent.messages[0]?.message_id as string)

    const received = endpoint.requests[0]
    expect(received?.url).toBe('/hooks/iam')
    expect(received?.headers.authorization).toBe(
      `Basic ${Buffer.from('hook-user:pw 123').toString('base64')}`,
    )
    const body = JSON.parse(received?.body ?? '')
    expect(body).toEqual({
      event: 'user.created',
      timestamp: expect.any(String),
      resource_id: user.id,
      data: user,
    })
    const secret = (await h.getSubscription({ id: sub.id, reveal: true })).signing?.secret as string
    expect(
      new Webhook(secret).verify(received?.body ?? '', received?.headers as Record<string, string>),
    ).toEqual(body)
    expect(received?.headers['webhook-id']).toBe(message.message_id)

    // The attempt records the request exactly as sent; credentials masked unless revealed.
    const attempt = message.attempts[0]
    expect(attempt?.request.headers).toContainEqual(['authorization', received?.headers.authorization])
    const masked = await h.getMessage({ message_id: message.message_id, reveal: false })
    expect(attempt?.request.headers).toContainEqual(['X-Api-Key', 'key-1'])
    expect(received?.headers['x-api-key']).toBe('key-1')
    expect(masked.attempts[0]?.request.headers).toEqual(
      expect.arrayContaining([
        ['authorization', '••••'],
        ['X-Api-Key', '••••'],
        ['X-Env', 'test'],
      ]),
    )
    expect(attempt?.response?.status).toBe(200)
    const curl = await h.getAttemptCurl({
      message_id: message.message_id,
      attempt_id: attempt?.attempt_id as string,
      reveal: false,
    })
    expect(curl.curl).toContain("-H 'authorization: ••••'")
    expect(curl.curl).toContain(`--data-raw '${received?.body}'`)
    // At rest the credentials are sealed, never in the clear.
    const onDisk = readdirSync(join(dataDir, 'records', 'attempts'))
      .map((name) => readFileSync(join(dataDir, 'records', 'attempts', name), 'utf8'))
      .join('')
    expect(onDisk).toContain('X-Env')
    expect(onDisk).not.toContain('key-1')
    expect(onDisk).not.toContain(received?.headers.authorization)
  })

  it('shows each attempt with the body it sent, stored once with its message', async () => {
    const endpoint = await sink()
    const { core, h, dataDir } = await open()
    await h.createSubscription({ name: 'iam', url: `${endpoint.url}/hooks/iam`, profile: 'iam' })
    const sent = await h.sendEvent({ topic: 'user.created', data: user })
    const message = await settled(h, sent.messages[0]?.message_id as string)
    expect(message.attempts[0]?.request.body).toBe(endpoint.requests[0]?.body)
    await closeCore(core)

    const attemptLines = readdirSync(join(dataDir, 'records', 'attempts'))
      .filter((name) => name.endsWith('.jsonl'))
      .flatMap((name) =>
        readFileSync(join(dataDir, 'records', 'attempts', name), 'utf8')
          .split('\n')
          .slice(1),
      )
      .filter((line) => line !== '')
    expect(attemptLines).toHaveLength(1)
    expect(JSON.parse(attemptLines[0] as string).v.request).not.toHaveProperty('body')
  })

  it('renders each profile as its seed shows, and matches only the subscriptions that should get it', async () => {
    const endpoint = await sink()
    const { h } = await open()
    const subscriptions: Array<Parameters<Api['createSubscription']>[0]> = [
      { name: 'r', url: `${endpoint.url}/r`, profile: 'rustici', tenant_id: 'tenant_123' },
      { name: 'r-other', url: `${endpoint.url}/r2`, profile: 'rustici', tenant_id: 'other' },
      { name: 'q', url: `${endpoint.url}/q`, profile: 'quicklysign', entity_key: 'doc-1' },
      {
        name: 'c',
        url: `${endpoint.url}/c/{/resource/sys.id}`,
        profile: 'contensis',
        topics: [{ resourceType: 'entry', event: ['created'], contentTypeId: ['news'], owner: 't.durden' }],
        templates: {
          'entry.news': {
            id: '{/resource/sys/id}',
            headline: '{/resource/headline}',
            who: '{/user/firstname}',
          },
        },
      },
      { name: 's', url: `${endpoint.url}/s`, profile: 'standard', topics: ['order.paid'] },
    ]
    for (const subscription of subscriptions) await h.createSubscription(subscription)

    const job = { id: 'job_123', status: 'COMPLETED' }
    await h.sendEvent({ topic: 'JOB_PROCESSED', data: job, tenant_id: 'tenant_123' })
    await h.sendEvent({
      topic: 'document_status_changed',
      data: { entity_type: 'Document' },
      entity_key: 'doc-1',
    })
    await h.sendEvent({ topic: 'document_status_changed', data: {}, entity_key: 'doc-2' })
    const entry = {
      resource: { sys: { id: 'e-1', contentTypeId: 'news', owner: 't.durden' }, headline: 'Big' },
      user: { firstname: 'Tyler' },
    }
    await h.sendEvent({ topic: 'entry.created', data: entry })
    await h.sendEvent({
      topic: 'entry.created',
      data: {
        ...entry,
        resource: { ...entry.resource, sys: { ...entry.resource.sys, contentTypeId: 'blog' } },
      },
    })
    await h.sendEvent({ topic: 'order.paid', data: { order: 7 } })

    await eventually(() => endpoint.requests.length === 4, 'four deliveries')
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(endpoint.requests.map((r) => r.url).sort()).toEqual(['/c/e-1', '/q', '/r', '/s'])
    const byUrl = Object.fromEntries(endpoint.requests.map((r) => [r.url, JSON.parse(r.body)]))
    expect(byUrl['/r']).toMatchObject({
      tenant_id: 'tenant_123',
      topic: 'JOB_PROCESSED',
      body: job,
      body_version: '1.0.0',
      message_version: '1.0.0',
    })
    expect(byUrl['/r'].message_id).toMatch(/^[0-9a-f-]{36}$/)
    expect(byUrl['/q']).toEqual({
      subscription_key: expect.any(String),
      entity_key: 'doc-1',
      entity_type: 'Document',
      callback_event: 'document_status_changed',
    })
    expect(byUrl['/c/e-1']).toEqual({ id: 'e-1', headline: 'Big', who: 'Tyler' })
    expect(byUrl['/s']).toEqual({ type: 'order.paid', timestamp: expect.any(String), data: { order: 7 } })
  })

  it('retries on the schedule until the endpoint answers 200 (500, 500, 200), all on a manual clock', async () => {
    const endpoint = await sink([{ status: 500 }, { status: 500 }, { status: 200 }])
    const scheduler = new ManualScheduler()
    const { h } = await open(tempDir(), scheduler)
    await h.createSubscription({ name: 'r', url: endpoint.url, retry_schedule: [0, 5, 300] })
    const start = scheduler.now()
    const { messages } = await h.sendEvent({ topic: 'order.paid', data: {} })
    const id = messages[0]?.message_id as string
    await runSchedule(
      scheduler,
      async () => (await h.getMessage({ message_id: id, reveal: false })).status === 'delivered',
    )
    const message = await h.getMessage({ message_id: id, reveal: false })
    expect(message.attempts.map((a) => a.response?.status)).toEqual([500, 500, 200])
    expect(message.attempts.map((a) => a.trigger)).toEqual(['scheduled', 'retry', 'retry'])
    const offsets = message.attempts.map((a) => (Date.parse(a.started_at) - start) / 1000)
    expect(offsets[1]).toBeGreaterThanOrEqual(4)
    expect(offsets[1]).toBeLessThanOrEqual(6)
    expect(offsets[2] as number).toBeGreaterThan(offsets[1] as number)
  })

  it('exhausts the schedule, and counts only exactly 200 as success for QuicklySign', async () => {
    const endpoint = await sink([{ status: 201 }])
    const scheduler = new ManualScheduler()
    const { h } = await open(tempDir(), scheduler)
    await h.createSubscription({
      name: 'q',
      url: endpoint.url,
      profile: 'quicklysign',
      entity_key: 'd',
      retry_schedule: [0, 1, 1],
    })
    const { messages } = await h.sendEvent({ topic: 'entity_updated', data: {}, entity_key: 'd' })
    const id = messages[0]?.message_id as string
    await runSchedule(
      scheduler,
      async () => (await h.getMessage({ message_id: id, reveal: false })).status === 'exhausted',
    )
    const message = await h.getMessage({ message_id: id, reveal: false })
    expect(message).toMatchObject({
      status: 'exhausted',
      status_reason: 'all 3 attempts failed',
      last_status_code: 201,
    })
  })

  it('honours Retry-After on 429, and disables the subscription on 410', async () => {
    const endpoint = await sink([{ status: 429, headers: { 'retry-after': '120' } }, { status: 410 }])
    const scheduler = new ManualScheduler()
    const { h } = await open(tempDir(), scheduler)
    const sub = await h.createSubscription({
      name: 'g',
      url: endpoint.url,
      retry_schedule: [0, 5, 5],
    })
    const start = scheduler.now()
    const { messages } = await h.sendEvent({ topic: 'x.y', data: {} })
    const id = messages[0]?.message_id as string
    await runSchedule(
      scheduler,
      async () => (await h.getMessage({ message_id: id, reveal: false })).status === 'failed',
    )
    const message = await h.getMessage({ message_id: id, reveal: false })
    expect((Date.parse(message.attempts[1]?.started_at as string) - start) / 1000).toBeGreaterThanOrEqual(120)
    expect(message.status_reason).toContain('410')
    expect(await h.getSubscription({ id: sub.id, reveal: false })).toMatchObject({
      enabled: false,
      disabled_reason: 'the endpoint answered 410 Gone',
    })
  })

  it('resumes pending messages after a restart (durable queue)', async () => {
    const endpoint = await sink([{ status: 503 }, { status: 200 }])
    const scheduler = new ManualScheduler()
    const first = await open(tempDir(), scheduler)
    await first.h.createSubscription({ name: 'd', url: endpoint.url, retry_schedule: [0, 60] })
    const id = await sendAndAwaitFirstAttempt(first.h)
    await closeCore(first.core)

    const second = await open(first.dataDir, scheduler)
    await runSchedule(
      scheduler,
      async () => (await second.h.getMessage({ message_id: id, reveal: false })).status === 'delivered',
    )
    expect(endpoint.requests).toHaveLength(2)
    expect(endpoint.requests[1]?.headers['webhook-id']).toBeUndefined()
  })

  it('goes on delivering the pending messages a workspace import brings, without a restart', async () => {
    const endpoint = await sink([{ status: 503 }])
    const scheduler = new ManualScheduler()
    const source = await open(tempDir(), scheduler)
    await source.h.createSubscription({ name: 'moved', url: endpoint.url, retry_schedule: [0, 60] })
    const id = await sendAndAwaitFirstAttempt(source.h)
    const exported = await source.h.exportWorkspace({ include_history: true, include_secrets: true })
    await closeCore(source.core)

    endpoint.script([{ status: 200 }])
    const target = await open(tempDir(), scheduler)
    await target.h.importWorkspace({ ...exported, mode: 'merge' })
    expect((await target.h.getMessage({ message_id: id, reveal: false })).status).toBe('pending')
    await runSchedule(
      scheduler,
      async () => (await target.h.getMessage({ message_id: id, reveal: false })).status === 'delivered',
    )
    expect(endpoint.requests).toHaveLength(2)
  })

  it('replays by message_id: same-id keeps the id with a fresh signature, new-id makes a new message, url redirects', async () => {
    const endpoint = await sink()
    const elsewhere = await sink()
    const { h } = await open()
    await h.createSubscription({ name: 'p', url: endpoint.url, signing: {} })
    const { messages } = await h.sendEvent({ topic: 'a.b', data: { n: 1 } })
    const id = messages[0]?.message_id as string
    await settled(h, id)

    const same = await h.replayMessage({ message_id: id, mode: 'same-id' })
    expect(same.message_id).toBe(id)
    await eventually(() => endpoint.requests.length === 2, 'same-id replay')
    expect(endpoint.requests[1]?.headers['webhook-id']).toBe(id)
    expect(endpoint.requests[1]?.body).toBe(endpoint.requests[0]?.body)
    const replayed = await settled(h, id)
    expect(replayed.attempts.map((a) => a.trigger)).toEqual(['scheduled', 'replay'])

    const fresh = await h.replayMessage({ message_id: id, mode: 'new-id', url: `${elsewhere.url}/dev` })
    expect(fresh.message_id).not.toBe(id)
    await eventually(() => elsewhere.requests.length === 1, 'new-id replay to another URL')
    expect(elsewhere.requests[0]?.url).toBe('/dev')
    expect(elsewhere.requests[0]?.headers['webhook-id']).toBe(fresh.message_id)
    expect(await settled(h, fresh.message_id)).toMatchObject({ replay_of: id })
  })

  it('replays same-id a message waiting for its next retry now, once, without the waiting attempt', async () => {
    const endpoint = await sink([{ status: 500 }, { status: 200 }])
    const scheduler = new ManualScheduler()
    const { h } = await open(tempDir(), scheduler)
    await h.createSubscription({ name: 'w', url: endpoint.url, retry_schedule: [0, 3600] })
    const id = await sendAndAwaitFirstAttempt(h)
    await h.replayMessage({ message_id: id, mode: 'same-id' })
    const delivered = await settled(h, id)
    expect(delivered.attempts.map((a) => [a.trigger, a.response?.status])).toEqual([
      ['scheduled', 500],
      ['replay', 200],
    ])
    // The retry that was waiting an hour does not run on top of the replay.
    scheduler.advanceTo(scheduler.now() + 7200_000)
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(endpoint.requests).toHaveLength(2)
  })

  it('queues a same-id replay asked for while an attempt runs, and runs it once right after', async () => {
    const endpoint = await sink([{ status: 200, delayMs: 400 }, { status: 200 }])
    const { h } = await open()
    await h.createSubscription({ name: 'slow', url: endpoint.url, signing: {} })
    const { messages } = await h.sendEvent({ topic: 'a.b', data: {} })
    const id = messages[0]?.message_id as string
    await eventually(() => endpoint.requests.length === 1, 'first attempt under way')

    expect(await h.replayMessage({ message_id: id, mode: 'same-id' })).toEqual({
      message_id: id,
      subscription_id: expect.any(String),
      mode: 'same-id',
      queued: true,
    })
    await eventually(() => endpoint.requests.length === 2, 'the queued replay')
    const delivered = await settled(h, id)
    expect(delivered.attempts.map((a) => [a.number, a.trigger, a.response?.status])).toEqual([
      [1, 'scheduled', 200],
      [2, 'replay', 200],
    ])
    // It began once the slow answer was in, never beside it.
    const [first, second] = delivered.attempts
    expect(Date.parse(second?.started_at ?? '')).toBeGreaterThanOrEqual(
      Date.parse(first?.started_at ?? '') + (first?.duration_ms ?? 0) - 1,
    )
    expect(endpoint.maxConcurrent).toBe(1)
    // Once the attempt has ended, a replay is no longer queued.
    const now = await h.replayMessage({ message_id: id, mode: 'same-id' })
    expect(now).not.toHaveProperty('queued')
    await eventually(() => endpoint.requests.length === 3, 'the immediate replay')
  })

  it('makes one replay of several asked for during one attempt, to the url of the last', async () => {
    const endpoint = await sink([{ status: 200, delayMs: 400 }])
    const elsewhere = await sink()
    const { h } = await open()
    await h.createSubscription({ name: 'slow', url: endpoint.url })
    const { messages } = await h.sendEvent({ topic: 'a.b', data: {} })
    const id = messages[0]?.message_id as string
    await eventually(() => endpoint.requests.length === 1, 'first attempt under way')

    const answers = [
      await h.replayMessage({ message_id: id, mode: 'same-id' }),
      await h.replayMessage({ message_id: id, mode: 'same-id', url: `${elsewhere.url}/dev` }),
    ]
    expect(answers.map((a) => a.queued)).toEqual([true, true])
    await eventually(() => elsewhere.requests.length === 1, 'the coalesced replay')
    const delivered = await settled(h, id)
    expect(delivered.attempts.map((a) => [a.trigger, a.request.url])).toEqual([
      ['scheduled', endpoint.url],
      ['replay', `${elsewhere.url}/dev`],
    ])
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(endpoint.requests).toHaveLength(1)
    expect(elsewhere.requests).toHaveLength(1)
  })

  it('refuses to replay to a disabled subscription unless to another url; fails its waiting messages at once', async () => {
    const endpoint = await sink([{ status: 500 }])
    const elsewhere = await sink()
    const scheduler = new ManualScheduler()
    const { h } = await open(tempDir(), scheduler)
    const sub = await h.createSubscription({ name: 'd', url: endpoint.url, retry_schedule: [0, 3600] })
    const id = await sendAndAwaitFirstAttempt(h)
    await h.patchSubscription({ id: sub.id, enabled: false })
    const failed = await settled(h, id, 'failed')
    expect(failed.status_reason).toBe('subscription disabled: by the user')

    await expect(h.replayMessage({ message_id: id, mode: 'same-id' })).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('is disabled'),
    })
    expect((await h.getMessage({ message_id: id, reveal: false })).status).toBe('failed')
    await h.replayMessage({ message_id: id, mode: 'same-id', url: elsewhere.url })
    await settled(h, id)
    expect(elsewhere.requests).toHaveLength(1)
  })

  it('fails at once a message whose subscription was disabled while its attempt ran', async () => {
    const endpoint = await sink([{ status: 500, delayMs: 300 }])
    const scheduler = new ManualScheduler()
    const { h } = await open(tempDir(), scheduler)
    const sub = await h.createSubscription({ name: 'mid', url: endpoint.url, retry_schedule: [0, 3600] })
    const { messages } = await h.sendEvent({ topic: 'a.b', data: {} })
    const id = messages[0]?.message_id as string
    await eventually(() => endpoint.requests.length === 1, 'the attempt to start')
    await h.patchSubscription({ id: sub.id, enabled: false })
    const failed = await settled(h, id, 'failed')
    expect(failed.attempts.map((a) => a.response?.status)).toEqual([500])
    expect(failed.status_reason).toBe('subscription disabled: by the user')
  })

  it('fails the waiting messages of a deleted subscription at once', async () => {
    const endpoint = await sink([{ status: 500 }])
    const scheduler = new ManualScheduler()
    const { h } = await open(tempDir(), scheduler)
    const sub = await h.createSubscription({ name: 'gone', url: endpoint.url, retry_schedule: [0, 3600] })
    const id = await sendAndAwaitFirstAttempt(h)
    await h.deleteSubscription({ id: sub.id })
    expect((await settled(h, id, 'failed')).status_reason).toBe('subscription deleted')
  })

  it('sends retries to the URL the subscription has now, templated or not', async () => {
    const wrong = await sink([{ status: 404 }])
    const right = await sink()
    const scheduler = new ManualScheduler()
    const { h } = await open(tempDir(), scheduler)
    const sub = await h.createSubscription({
      name: 'fix',
      url: `${wrong.url}/users/{/id}`,
      profile: 'iam',
      retry_schedule: [0, 60],
    })
    const { messages } = await h.sendEvent({ topic: 'user.created', data: { id: 'u-7' } })
    const id = messages[0]?.message_id as string
    await eventually(
      async () => (await h.getMessage({ message_id: id, reveal: false })).attempts.length === 1,
      'first attempt',
    )
    await h.patchSubscription({ id: sub.id, url: `${right.url}/hooks/{/id}` })
    await runSchedule(
      scheduler,
      async () => (await h.getMessage({ message_id: id, reveal: false })).status === 'delivered',
    )
    expect(wrong.requests.map((r) => r.url)).toEqual(['/users/u-7'])
    expect(right.requests.map((r) => r.url)).toEqual(['/hooks/u-7'])
    const message = await h.getMessage({ message_id: id, reveal: false })
    expect(message.url).toBe(`${right.url}/hooks/u-7`)
    expect(message.attempts.map((a) => a.request.url)).toEqual([
      `${wrong.url}/users/u-7`,
      `${right.url}/hooks/u-7`,
    ])
  })

  it('sends a Rustici event of no tenant to every tenant, with the subscription tenant_id', async () => {
    const endpoint = await sink()
    const { h } = await open()
    await h.createSubscription({ name: 't1', url: `${endpoint.url}/t1`, profile: 'rustici', tenant_id: 't1' })
    await h.createSubscription({ name: 't2', url: `${endpoint.url}/t2`, profile: 'rustici', tenant_id: 't2' })
    expect((await h.sendEvent({ topic: 'JOB_PROCESSED', data: { id: 'job_1' } })).messages).toHaveLength(2)
    const scoped = await h.sendEvent({ topic: 'JOB_PROCESSED', data: { id: 'job_2' }, tenant_id: 't2' })
    expect(scoped.messages).toHaveLength(1)
    await eventually(() => endpoint.requests.length === 3, 'three deliveries')
    const tenants = endpoint.requests.map((r) => [
      r.url,
      JSON.parse(r.body).tenant_id,
      JSON.parse(r.body).body.id,
    ])
    expect(tenants).toEqual(
      expect.arrayContaining([
        ['/t1', 't1', 'job_1'],
        ['/t2', 't2', 'job_1'],
        ['/t2', 't2', 'job_2'],
      ]),
    )
  })

  it('keeps each subscription within its concurrency limit', async () => {
    const endpoint = await sink([{ status: 200, delayMs: 100 }])
    const { h } = await open()
    await h.createSubscription({ name: 'c', url: endpoint.url, concurrency: 2 })
    const sent = await Promise.all(
      Array.from({ length: 6 }, (_, n) => h.sendEvent({ topic: 'a.b', data: { n } })),
    )
    for (const { messages } of sent) await settled(h, messages[0]?.message_id as string)
    expect(endpoint.requests).toHaveLength(6)
    expect(endpoint.maxConcurrent).toBe(2)
  })

  it('lists messages newest first with filters and cursor paging', async () => {
    const endpoint = await sink()
    const { h } = await open()
    const a = await h.createSubscription({ name: 'a', url: endpoint.url, topics: ['t.a'] })
    await h.createSubscription({ name: 'b', url: endpoint.url, topics: ['t.b'] })
    for (let n = 0; n < 3; n++) await h.sendEvent({ topic: 't.a', data: { n } })
    await h.sendEvent({ topic: 't.b', data: {} })
    const all = await h.listMessages({ limit: 2 })
    expect(all.total).toBe(4)
    expect(all.items).toHaveLength(2)
    const rest = await h.listMessages({ limit: 2, cursor: all.next_cursor as string })
    expect(rest.items).toHaveLength(2)
    expect(rest.next_cursor).toBeNull()
    expect(new Set([...all.items, ...rest.items].map((m) => m.message_id)).size).toBe(4)
    const onlyA = await h.listMessages({ subscription_id: a.id, limit: 50 })
    expect(onlyA.items.map((m) => m.topic)).toEqual(['t.a', 't.a', 't.a'])
  })
})

describe('message index', () => {
  it('lists messages that arrive by workspace import, in creation order', async () => {
    const { h } = await open()
    const message = (id: string, createdAt: string) => ({
      id,
      at: Date.parse(createdAt),
      value: {
        message_id: id,
        event_id: 'e1',
        subscription_id: 's1',
        profile: 'standard',
        topic: 'a.b',
        url: 'http://127.0.0.1:9/',
        url_override: null,
        body: '{}',
        status: 'delivered',
        status_reason: null,
        attempt_ids: [],
        cycle_offset: 0,
        next_attempt_at: null,
        last_status_code: 200,
        last_latency_ms: 1,
        created_at: createdAt,
        updated_at: createdAt,
        replay_of: null,
      },
    })
    await h.importWorkspace({
      format: 'hookbench-workspace',
      version: 1,
      exported_at: '2026-01-01T00:00:00.000Z',
      includes: { history: true, secrets: false },
      config: { schema_version: 1 },
      history: {
        events: [],
        messages: [
          message('m-new', '2026-01-02T00:00:00.000Z'),
          message('m-old', '2026-01-01T00:00:00.000Z'),
        ],
        attempts: [],
        requests: [],
      },
    })
    const page = await h.listMessages({ limit: 1 })
    expect(page.total).toBe(2)
    expect(page.items.map((m) => m.message_id)).toEqual(['m-new'])
    const next = await h.listMessages({ limit: 1, cursor: page.next_cursor as string })
    expect(next.items.map((m) => m.message_id)).toEqual(['m-old'])
    expect(next.next_cursor).toBeNull()
    await expect(h.listMessages({ cursor: 'nonsense' })).rejects.toThrow(/cursor/)
  })
})
