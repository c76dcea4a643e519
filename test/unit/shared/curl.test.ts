import { describe, expect, it } from 'vitest'
import { quote, toCurl } from '../../../src/shared/curl.ts'

describe('a request as a curl command', () => {
  it('sends the method, the url, each header in order and the body as given', () => {
    const curl = toCurl({
      method: 'POST',
      url: 'http://127.0.0.1:3000/hooks?x=1&y=2',
      headers: [
        ['content-type', 'application/json'],
        ['webhook-id', 'msg_1'],
        ['webhook-id', 'msg_2'],
      ],
      body: '{"a":1}',
    })
    expect(curl).toBe(
      [
        "curl -X POST 'http://127.0.0.1:3000/hooks?x=1&y=2'",
        "-H 'content-type: application/json'",
        "-H 'webhook-id: msg_1'",
        "-H 'webhook-id: msg_2'",
        `--data-raw '{"a":1}'`,
      ].join(' \\\n  '),
    )
  })

  it('leaves out an empty body', () => {
    expect(toCurl({ method: 'GET', url: 'http://x', headers: [], body: '' })).toBe("curl -X GET 'http://x'")
  })

  it('quotes for a POSIX shell: only a single quote needs care, $ and ` stay literal', () => {
    expect(quote("it's $HOME `id`")).toBe(`'it'\\''s $HOME \`id\`'`)
  })
})
