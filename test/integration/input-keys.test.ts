import { describe, expect, it } from 'vitest'
import { receiverHostsPerTest } from '../helpers/receiver-host.ts'

const start = receiverHostsPerTest()

describe('input that could not be kept as sent is refused, not changed', () => {
  it('refuses an event whose data has a __proto__ key (it used to vanish from the delivered body), and stores nothing', async () => {
    const hb = await start()
    const data = JSON.parse('{"__proto__": {"admin": true}, "b": 2}')
    const sent = await hb.api('POST', '/api/events', { topic: 'order.paid', data })
    expect(sent.status).toBe(400)
    expect(sent.body).toMatchObject({
      error: { code: 'bad_request', details: { issues: [{ path: 'data.__proto__' }] } },
    })
    const messages = await hb.api<{ total: number }>('GET', '/api/messages')
    expect(messages.body.total).toBe(0)
  })

  it('refuses a bin response header the receiver sets itself (content-length…), naming it; other headers are kept', async () => {
    const hb = await start()
    const refused = await hb.api('POST', '/api/bins', {
      name: 'framing',
      response: {
        sequence: [{ status: 500 }, { status: 200, headers: { 'Content-Length': '5', 'x-ok': '1' } }],
      },
    })
    expect(refused.status).toBe(400)
    expect(refused.body).toMatchObject({
      error: {
        details: {
          issues: [
            {
              path: 'response.sequence.1.headers.Content-Length',
              message:
                'Content-Length is set by the receiver from the body it sends; it cannot be configured',
            },
          ],
        },
      },
    })
    expect((await hb.api<{ items: unknown[] }>('GET', '/api/bins')).body.items).toEqual([])

    const kept = await hb.api('POST', '/api/bins', {
      name: 'fine',
      response: { headers: { 'x-ok': '1' }, body: 'hi' },
    })
    expect(kept.status).toBe(201)
    const answer = await hb.hook('/hooks/fine', { method: 'POST', body: 'x' })
    expect(answer.headers.get('x-ok')).toBe('1')
    expect(await answer.text()).toBe('hi')
  })
})
