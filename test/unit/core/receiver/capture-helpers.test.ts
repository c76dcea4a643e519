import { describe, expect, it } from 'vitest'
import { parseHookTarget } from '../../../../src/core/receiver/capture.ts'
import { curlCommand } from '../../../../src/core/receiver/curl.ts'
import { createResponsePicker } from '../../../../src/core/receiver/response-rules.ts'
import type { StoredBin } from '../../../../src/shared/receiver/bin.ts'
import type { CapturedRequest } from '../../../../src/shared/receiver/captured-request.ts'

describe('parseHookTarget', () => {
  it('reads the bin, the rest of the path and the query as sent', () => {
    expect(parseHookTarget('/hooks/demo/a/b?x=1&x=2&y')).toEqual({
      binName: 'demo',
      path: '/hooks/demo/a/b',
      subPath: '/a/b',
      query: [
        ['x', '1'],
        ['x', '2'],
        ['y', ''],
      ],
    })
    expect(parseHookTarget('/hooks/demo')).toMatchObject({ binName: 'demo', subPath: '/' })
    expect(parseHookTarget('/hooks/my%2Dbin/')).toMatchObject({ binName: 'my-bin', subPath: '/' })
  })

  it('names no bin for /hooks/ or a broken escape', () => {
    expect(parseHookTarget('/hooks/')).toBeNull()
    expect(parseHookTarget('/hooks/%E0%A4%A/x')).toBeNull()
    expect(parseHookTarget('/other/demo')).toBeNull()
  })
})

describe('response picker', () => {
  const bin = (response: StoredBin['response'], modifiedAt = '2026-11-24T10:00:00.000Z'): StoredBin => ({
    id: 'b1',
    name: 'b',
    description: '',
    response,
    verify: { enforce: false },
    forward_to: null,
    auto_created: false,
    created_at: modifiedAt,
    modified_at: modifiedAt,
  })
  const step = (status: number) => ({ status, headers: {}, delay_ms: 0 })

  it('walks a sequence and repeats its last step; a saved bin starts over', () => {
    const picker = createResponsePicker()
    const flaky = bin({ sequence: [step(500), step(500), step(200)] })
    expect([1, 2, 3, 4].map(() => picker.next(flaky).status)).toEqual([500, 500, 200, 200])
    const saved = bin(flaky.response, '2026-11-24T11:00:00.000Z')
    expect(picker.next(saved).status).toBe(500)
    picker.forget('b1')
    expect(picker.next(saved).status).toBe(500)
  })

  it('answers a single rule every time', () => {
    const picker = createResponsePicker()
    const fixed = bin(step(202))
    expect([picker.next(fixed).status, picker.next(fixed).status]).toEqual([202, 202])
  })
})

describe('curlCommand', () => {
  const request = (fields: Partial<CapturedRequest>): CapturedRequest => ({
    id: 'r',
    bin_id: 'b',
    bin_name: 'b',
    source: 'receiver',
    method: 'POST',
    url: '/hooks/b/',
    path: '/hooks/b/',
    sub_path: '/',
    query: [],
    http_version: '1.1',
    headers: [],
    body: '',
    body_encoding: 'utf8',
    size: 0,
    content_type: null,
    remote_address: null,
    received_at: '2026-11-24T10:00:00.000Z',
    verification: { verdict: 'not_configured', checks: [] },
    response: null,
    forward: null,
    replays: [],
    ...fields,
  })

  it('keeps header order and duplicates, drops hop-by-hop headers, quotes for the shell', () => {
    const curl = curlCommand(
      request({
        headers: [
          ['Host', 'x'],
          ['X-A', "it's"],
          ['Content-Length', '2'],
          ['X-A', 'two'],
        ],
        body: 'hi',
        size: 2,
      }),
      'http://localhost:3000/in',
    )
    expect(curl).toBe(
      `curl -X POST 'http://localhost:3000/in' -H 'X-A: it'\\''s' -H 'X-A: two' --data-binary 'hi'`,
    )
  })

  it('sends text with control characters, like binary, through base64', () => {
    const curl = curlCommand(request({ body: 'a\u0001b', size: 3 }), 'http://h/')
    expect(curl).toBe(`printf %s 'YQFi' | base64 -d | curl -X POST 'http://h/' --data-binary @-`)
  })
})
