import { describe, expect, it } from 'vitest'
import { deepLinkArgument, parseDeepLink } from '../../../../src/main/app/deep-link.ts'

const ID = '6bc76399-92dd-42ee-a7fa-20fc355e30bc'

describe('parseDeepLink', () => {
  it.each([
    [`hookbench://message/${ID}`, ID],
    [`hookbench://message/${ID}/`, ID],
    [`HOOKBENCH://message/${ID}`, ID],
    [`HookBench://message/${ID}`, ID],
    [`hookbench://message/${ID.toUpperCase()}`, ID],
    ['hookbench://message/00000000-0000-0000-0000-000000000000', '00000000-0000-0000-0000-000000000000'],
  ])('accepts %s', (link, messageId) => {
    expect(parseDeepLink(link)).toEqual({ kind: 'message', message_id: messageId })
  })

  it.each([undefined, null, 42, {}, [`hookbench://message/${ID}`], new String(`hookbench://message/${ID}`)])(
    'refuses the non-string %s',
    (input) => {
      expect(parseDeepLink(input)).toBeNull()
    },
  )

  it.each([
    ['empty', ''],
    ['scheme only', 'hookbench:'],
    ['no target', 'hookbench://'],
    ['no id', 'hookbench://message/'],
    ['not a GUID', 'hookbench://message/not-a-guid'],
    ['GUID one digit short', `hookbench://message/${ID.slice(0, -1)}`],
    ['GUID one digit long', `hookbench://message/${ID}0`],
    ['GUID without dashes', `hookbench://message/${ID.replaceAll('-', '')}`],
    ['GUID in braces', `hookbench://message/{${ID}}`],
    ['non-hex digit', `hookbench://message/${ID.replace('b', 'g')}`],
    ['full-width digit', `hookbench://message/${ID.replace('6', '６')}`],
    ['a further path segment', `hookbench://message/${ID}/delete`],
    ['two trailing slashes', `hookbench://message/${ID}//`],
    ['dot segments', `hookbench://message/x/../${ID}`],
    ['dot segment before the id', `hookbench://message/./${ID}`],
    ['a query', `hookbench://message/${ID}?next=https://evil.example`],
    ['an empty query', `hookbench://message/${ID}?`],
    ['a fragment', `hookbench://message/${ID}#x`],
    ['percent-encoding', `hookbench://message/%36${ID.slice(1)}`],
    ['an encoded slash', `hookbench://message%2F${ID}`],
    ['a NUL byte', `hookbench://message/${ID}\u0000`],
    ['a newline the URL parser would drop', `hookbench://mess\nage/${ID}`],
    ['a tab the URL parser would drop', `hookbench://message/\t${ID}`],
    ['leading space', ` hookbench://message/${ID}`],
    ['trailing space', `hookbench://message/${ID} `],
    ['user info', `hookbench://user:pass@message/${ID}`],
    ['a port', `hookbench://message:80/${ID}`],
    ['another host', `hookbench://evil.example/message/${ID}`],
    ['host in capitals', `hookbench://MESSAGE/${ID}`],
    ['no slashes', `hookbench:message/${ID}`],
    ['three slashes', `hookbench:///message/${ID}`],
    ['backslashes', `hookbench:\\\\message\\${ID}`],
    ['another kind of target', `hookbench://subscription/${ID}`],
    ['a lookalike scheme (Cyrillic o)', `h\u043eokbench://message/${ID}`],
    ['a longer scheme', `hookbenchx://message/${ID}`],
    ['our app scheme', `hookbench-app://bundle/index.html`],
    ['http', `http://message/${ID}`],
    ['javascript', `javascript:alert(1)//hookbench://message/${ID}`],
    ['file', 'file:///etc/passwd'],
  ])('refuses %s', (_why, input) => {
    expect(parseDeepLink(input)).toBeNull()
  })

  it('refuses a huge input without trying to match it', () => {
    const huge = `hookbench://message/${ID}${'/'.repeat(5_000_000)}`
    const started = performance.now()
    expect(parseDeepLink(huge)).toBeNull()
    expect(performance.now() - started).toBeLessThan(50)
  })
})

describe('deepLinkArgument', () => {
  it('finds the link among the switches Chromium adds', () => {
    expect(
      deepLinkArgument([
        'C:\\Hookbench\\Hookbench.exe',
        '--allow-file-access-from-files',
        `hookbench://message/${ID}`,
      ]),
    ).toBe(`hookbench://message/${ID}`)
  })

  it('matches the scheme case-insensitively and returns the argument untouched for parsing', () => {
    expect(deepLinkArgument(['hookbench', 'HOOKBENCH://anything'])).toBe('HOOKBENCH://anything')
  })

  it('ignores arguments that merely contain a link, or a lookalike scheme', () => {
    expect(
      deepLinkArgument([
        '/usr/bin/hookbench',
        `--open=hookbench://message/${ID}`,
        `hookbenchx://message/${ID}`,
        'hookbench',
      ]),
    ).toBeNull()
    expect(deepLinkArgument([])).toBeNull()
  })
})
