import { describe, expect, it } from 'vitest'
import { parseCommand, usageOf } from '../../../src/cli/args.ts'
import { refusal } from './refusal.ts'

describe('hookbench trigger arguments', () => {
  it('reads the topic, inline JSON data and the event fields', () => {
    const command = parseCommand([
      'trigger',
      'user.created',
      '--data',
      '{"user_id":"u1"}',
      '--tenant-id',
      't1',
      '--entity-key',
      'doc_1',
      '--resource-id',
      'r1',
      '--json',
    ])
    expect(command).toEqual({
      kind: 'trigger',
      options: {
        topic: 'user.created',
        data: { kind: 'inline', value: { user_id: 'u1' } },
        tenantId: 't1',
        entityKey: 'doc_1',
        resourceId: 'r1',
        json: true,
      },
    })
  })

  it('reads @file as a file to read later, and no --data as "use the example"', () => {
    expect(parseCommand(['trigger', 'x', '--data', '@event.json'])).toMatchObject({
      options: { data: { kind: 'file', path: 'event.json' } },
    })
    const bare = parseCommand(['trigger', 'x'])
    expect(bare.kind === 'trigger' && bare.options.data).toBeUndefined()
  })

  it('names --data when its JSON is bad, or its @ names no file', () => {
    expect(refusal(['trigger', 'x', '--data', '{bad']).message).toMatch(/^Invalid --data: not valid JSON \(/)
    expect(refusal(['trigger', 'x', '--data', '@']).message).toMatch(/^Invalid --data: give a file after @/)
    // A JSON value that starts with a dash needs the = form, like every other value.
    expect(parseCommand(['trigger', 'x', '--data=-1'])).toMatchObject({
      options: { data: { kind: 'inline', value: -1 } },
    })
  })

  it('needs exactly one topic, and says so with its own usage', () => {
    expect(refusal(['trigger']).message).toMatch(
      /^trigger needs a topic\.\n\nUsage: hookbench trigger <topic>/,
    )
    expect(refusal(['trigger', 'a', 'b']).message).toMatch(
      /^Unexpected argument "b"\.\n\nUsage: hookbench trigger/,
    )
  })

  it("refuses another command's option with this command's usage", () => {
    expect(refusal(['trigger', 'x', '--port', '1']).message).toMatch(
      /^Unknown option --port\.\n\nUsage: hookbench trigger/,
    )
    expect(refusal(['serve', '--json']).message).toMatch(/^Unknown option --json\.\n\nUsage: hookbench serve/)
  })
})

describe('connection options', () => {
  it('reads --api, --token and --data-dir, and drops a trailing slash from the URL', () => {
    const command = parseCommand([
      'export',
      '--api',
      'http://127.0.0.1:8788/',
      '--token',
      'abcdefghijklmnop',
      '--data-dir',
      '/tmp/ws',
    ])
    expect(command).toMatchObject({
      kind: 'export',
      options: { api: 'http://127.0.0.1:8788', token: 'abcdefghijklmnop', dataDir: '/tmp/ws' },
    })
  })

  it.each([
    [['replay', 'm', '--api', '127.0.0.1:8788'], /^Invalid --api: give the local API address/],
    [['replay', 'm', '--api', 'ftp://127.0.0.1'], /^Invalid --api:/],
    [['replay', 'm', '--token', 'short'], /^Invalid --token: use 16 to 256 characters/],
    [['replay', 'm', '--data-dir='], /^Invalid --data-dir: give a folder/],
  ])('refuses %j', (argv, message) => {
    const error = refusal(argv)
    expect(error.code).toBe('bad_request')
    expect(error.message).toMatch(message)
  })
})

describe('hookbench replay, export and import arguments', () => {
  it('replay: same-id by default, --new-id and --url', () => {
    expect(parseCommand(['replay', 'm1'])).toEqual({
      kind: 'replay',
      options: { messageId: 'm1', newId: false, json: false },
    })
    expect(parseCommand(['replay', 'm1', '--new-id', '--url', 'http://127.0.0.1:3000/hook'])).toEqual({
      kind: 'replay',
      options: { messageId: 'm1', newId: true, url: 'http://127.0.0.1:3000/hook', json: false },
    })
    expect(refusal(['replay', 'm1', '--url', 'ftp://x']).message).toMatch(/^Invalid --url: /)
    expect(refusal(['replay']).message).toMatch(/^replay needs a message_id\./)
    expect(refusal(['replay', 'm1', '--new-id=yes']).message).toMatch(/^Option --new-id takes no value\./)
  })

  it('export: --history, --secrets, -o and --output', () => {
    expect(parseCommand(['export'])).toEqual({ kind: 'export', options: { history: false, secrets: false } })
    expect(parseCommand(['export', '--history', '--secrets', '-o', 'ws.json'])).toEqual({
      kind: 'export',
      options: { history: true, secrets: true, output: 'ws.json' },
    })
    expect(parseCommand(['export', '--output=ws.json'])).toMatchObject({ options: { output: 'ws.json' } })
    expect(refusal(['export', 'ws.json']).message).toMatch(/^Unexpected argument "ws\.json"\./)
    expect(refusal(['export', '-o']).message).toMatch(/^Option -o needs a value\./)
  })

  it('import: a file, merge unless --replace', () => {
    expect(parseCommand(['import', 'ws.json'])).toEqual({
      kind: 'import',
      options: { file: 'ws.json', replace: false, json: false },
    })
    expect(parseCommand(['import', 'ws.json', '--replace'])).toMatchObject({ options: { replace: true } })
    expect(refusal(['import']).message).toMatch(/^import needs a file\.\n\nUsage: hookbench import/)
  })
})

describe('help', () => {
  it('<command> --help is that command’s help; --help alone or with an unknown word the overview', () => {
    expect(parseCommand(['trigger', '--help'])).toEqual({ kind: 'help', command: 'trigger' })
    expect(parseCommand(['import', '-h'])).toEqual({ kind: 'help', command: 'import' })
    expect(parseCommand(['serve', '--help'])).toEqual({ kind: 'help', command: 'serve' })
    expect(parseCommand(['launch', '--help'])).toEqual({ kind: 'help' })
    expect(usageOf('trigger')).toMatch(/^Usage: hookbench trigger <topic> \[options\]\n/)
    expect(usageOf('serve')).toMatch(/^Usage: hookbench serve \[options\]\n[\s\S]*--api-port/)
    expect(usageOf(undefined)).toMatch(/^Usage: hookbench <command>[\s\S]*trigger[\s\S]*replay[\s\S]*export/)
  })

  it('--version works after any command, as it did after serve', () => {
    expect(parseCommand(['serve', '-v'])).toEqual({ kind: 'version' })
    expect(parseCommand(['trigger', 'x', '--version'])).toEqual({ kind: 'version' })
  })
})
