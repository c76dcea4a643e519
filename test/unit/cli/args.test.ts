import { describe, expect, it } from 'vitest'
import { parseCommand } from '../../../src/cli/args.ts'
import { defaultDataDir } from '../../../src/cli/paths.ts'
import { refusal } from './refusal.ts'

describe('hookbench CLI arguments', () => {
  it('uses the documented defaults', () => {
    expect(parseCommand(['serve'])).toEqual({
      kind: 'serve',
      options: { host: '127.0.0.1', port: 8787, apiHost: '127.0.0.1', apiPort: 8788 },
    })
  })

  it('reads every serve option', () => {
    const command = parseCommand([
      'serve',
      '--host',
      '0.0.0.0',
      '--port',
      '0',
      '--api-port',
      '9000',
      '--data-dir',
      '/tmp/x',
      '--token',
      'abcdefghijklmnop',
    ])
    expect(command).toEqual({
      kind: 'serve',
      options: {
        host: '0.0.0.0',
        port: 0,
        apiHost: '127.0.0.1',
        apiPort: 9000,
        dataDir: '/tmp/x',
        token: 'abcdefghijklmnop',
      },
    })
  })

  it.each([
    [['serve', '--port', '70000'], /port/],
    [['serve', '--port', ''], /port/],
    [['serve', '--port', '-1'], /port|argument/],
    [['serve', '--token', 'short'], /token/],
    [['serve', '--nope'], /--nope/],
    [['launch'], /Unknown command "launch"/],
    [['serve', 'extra'], /Unexpected argument "extra"/],
  ])('refuses %j', (argv, message) => {
    expect(() => parseCommand(argv)).toThrow(message)
  })

  it('answers help and version', () => {
    expect(parseCommand(['--help'])).toEqual({ kind: 'help' })
    expect(parseCommand(['-h'])).toEqual({ kind: 'help' })
    expect(parseCommand(['-v'])).toEqual({ kind: 'version' })
  })

  it('refuses a missing command as bad arguments, with the usage', () => {
    const error = refusal([])
    expect(error.code).toBe('bad_request')
    expect(error.message).toMatch(/^No command given\.\n\nUsage: hookbench <command>/)
  })

  it('names an unknown option in a sentence of its own, followed by the usage', () => {
    expect(refusal(['serve', '--bogus']).message).toMatch(/^Unknown option --bogus\.\n\nUsage: /)
    expect(refusal(['--bogus']).message).toMatch(/^Unknown option --bogus\.\n/)
    expect(refusal(['serve', '-x']).message).toMatch(/^Unknown option -x\.\n/)
    expect(refusal(['serve', '--bogus=1']).message).toMatch(/^Unknown option --bogus\.\n/)
  })

  it('says which option lacks its value, or takes none', () => {
    expect(refusal(['serve', '--port']).message).toMatch(/^Option --port needs a value\.\n/)
    // Not "--api-port" read as the receiver port, which strict parseArgs refuses too.
    expect(refusal(['serve', '--port', '--api-port', '0']).message).toMatch(
      /^Option --port needs a value, not --api-port\. For a value that starts with a dash, write --port=<value>\./,
    )
    expect(refusal(['--help=yes']).message).toMatch(/^Option --help takes no value\.\n/)
    expect(parseCommand(['serve', '--token=-starts-with-a-dash']).kind).toBe('serve')
  })

  it('names the flag the user typed when its value is invalid', () => {
    const error = refusal(['serve', '--api-port', '99999'])
    expect(error.message).toBe('Invalid --api-port: a port is a whole number from 0 to 65535.')
    expect(error.details).toEqual({
      issues: [{ path: 'apiPort', message: 'a port is a whole number from 0 to 65535' }],
    })
    expect(refusal(['serve', '--api-host', '']).message).toMatch(/^Invalid --api-host: give an address/)
  })
})

describe('default data dir', () => {
  it('is the folder Electron uses as the desktop app userData on each platform', () => {
    expect(defaultDataDir('linux', {}, '/home/ada')).toBe('/home/ada/.config/Hookbench')
    expect(defaultDataDir('linux', { XDG_CONFIG_HOME: '/xdg' }, '/home/ada')).toBe('/xdg/Hookbench')
    expect(defaultDataDir('darwin', {}, '/Users/ada')).toBe(
      '/Users/ada/Library/Application Support/Hookbench',
    )
    expect(
      defaultDataDir('win32', { APPDATA: 'C:\\Users\\ada\\AppData\\Roaming' }, 'C:\\Users\\ada'),
    ).toMatch(/Roaming[\\/]Hookbench$/)
  })
})
