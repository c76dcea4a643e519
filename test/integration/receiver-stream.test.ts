import { afterEach, describe, expect, it } from 'vitest'
import { createEventBus } from '../../src/core/events/event-bus.ts'
import { createHttpStream } from '../../src/renderer/src/api/stream.ts'
import { type ApiServer, createApiServer } from '../../src/server/api-server.ts'
import { liveEvents, type StreamEvent, sseFamilyNames } from '../../src/shared/contract/live-events.ts'
import { liveEventExamples } from '../helpers/live-event-examples.ts'
import { receiverHostsPerTest } from '../helpers/receiver-host.ts'
import { openStream, until } from '../helpers/sse-stream.ts'

const start = receiverHostsPerTest()
const servers: ApiServer[] = []
afterEach(async () => {
  for (const server of servers.splice(0)) await server.stop()
})

describe('GET /api/stream', () => {
  it('sends request.received for a capture, with its summary', async () => {
    const { host, hook } = await start()
    const stream = openStream(`${host.apiUrl}/api/stream`, host.token)
    const { response } = await stream.opened
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8')

    const sent = await hook('/hooks/live/path', { method: 'POST', body: '{"x":1}' })
    const id = sent.headers.get('x-hookbench-request-id')
    await until(() => stream.events.length > 0)
    expect(stream.events[0]).toMatchObject({
      event: 'request.received',
      data: {
        type: 'request.received',
        data: { id, bin_name: 'live', method: 'POST', sub_path: '/path', verdict: 'not_configured' },
      },
    })
    stream.close()
  })

  it('refuses a client without the token', async () => {
    const { host } = await start()
    const anonymous = await fetch(`${host.apiUrl}/api/stream`)
    expect(anonymous.status).toBe(401)
    const wrongMethod = await fetch(`${host.apiUrl}/api/stream`, {
      method: 'POST',
      headers: { authorization: `Bearer ${host.token}` },
    })
    expect(wrongMethod.status).toBe(405)
  })

  it('sends heartbeat comments and lets go of a client that disconnects', async () => {
    const events = createEventBus()
    const server = createApiServer({
      handlers: {} as never,
      token: 'hb_test-token-0123456789',
      port: 0,
      events,
      heartbeatMs: 50,
    })
    servers.push(server)
    const url = await server.start()
    const stream = openStream(`${url}/api/stream`, 'hb_test-token-0123456789')
    await stream.opened
    await until(() => stream.comments.filter((comment) => comment.startsWith(': heartbeat')).length >= 2)
    expect(events.listenerCount).toBe(1)
    stream.close()
    await until(() => events.listenerCount === 0)
  })

  it('sends every declared stream event under its name, and the renderer reads each one back', async () => {
    expect(sseFamilyNames).toEqual(['streamEvent'])
    const events = createEventBus()
    const token = 'hb_test-token-0123456789'
    const server = createApiServer({ handlers: {} as never, token, port: 0, events })
    servers.push(server)
    const url = await server.start()
    const raw = openStream(`${url}${liveEvents.streamEvent.sse.path}`, token)
    await raw.opened
    const read: StreamEvent[] = []
    const stop = createHttpStream('streamEvent', { baseUrl: url, token: () => token }).subscribe((event) =>
      read.push(event),
    )
    await until(() => events.listenerCount === 2)

    const examples = liveEventExamples.streamEvent
    for (const event of examples) events.emit(event)
    await until(() => raw.events.length === examples.length && read.length === examples.length)
    stop()
    raw.close()
    expect(raw.events.map(({ event }) => event)).toEqual(Object.keys(liveEvents.streamEvent.events))
    for (const { data } of raw.events) liveEvents.streamEvent.schema.parse(data)
    expect(raw.events.map(({ data }) => data)).toEqual(examples)
    expect(read).toEqual(examples)
  })
})
