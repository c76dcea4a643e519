import { describe, expect, it } from 'vitest'
import { parseCommand } from '../../../src/cli/args.ts'
import { defaultDataDir } from '../../../src/cli/paths.ts'

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
    expect(parseCommand([])).toEqual({ kind: 'help' })
    expect(parseCommand(['--help'])).toEqual({ kind: 'help' })
    expect(parseCommand(['-v'])).toEqual({ kind: 'version' })
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
