import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CommandFailed } from '../../../src/cli/api-client.ts'
import { findApi, START_HINT } from '../../../src/cli/find-api.ts'
import type { DiscoveryLookup } from '../../../src/server/discovery.ts'
import { HookbenchError } from '../../../src/shared/errors.ts'

const FILE_TOKEN = 'hb_from-the-discovery-file'
const ENV_TOKEN = 'token-from-the-environment'
const FLAG_TOKEN = 'token-from-the-flag-xyz'

/** A lookup that answers as if `<dir>/api.json` said `api`, and records which folder it read. */
function discovered(api = 'http://127.0.0.1:9001') {
  const asked: string[] = []
  const lookup = async (dataDir: string): Promise<DiscoveryLookup> => {
    asked.push(dataDir)
    const path = join(dataDir, 'api.json')
    return {
      kind: 'found',
      path,
      discovery: { api, receiver: 'http://127.0.0.1:9000', token: FILE_TOKEN, pid: 1 },
    }
  }
  return { asked, lookup }
}

async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise
  } catch (error) {
    return error as Error
  }
  throw new Error('it succeeded')
}

describe('which Hookbench a client command talks to', () => {
  it('--api with --token: exactly those, no file read', async () => {
    const { asked, lookup } = discovered()
    const target = await findApi({ api: 'http://127.0.0.1:1234', token: FLAG_TOKEN }, {}, lookup)
    expect(target).toEqual({
      url: 'http://127.0.0.1:1234',
      token: FLAG_TOKEN,
      source: '--api',
      tokenSource: '--token',
    })
    expect(asked).toEqual([])
  })

  it('--api takes its token from HOOKBENCH_TOKEN, and is refused (bad arguments) with none', async () => {
    const { lookup } = discovered()
    const target = await findApi({ api: 'http://127.0.0.1:1234' }, { HOOKBENCH_TOKEN: ENV_TOKEN }, lookup)
    expect(target).toMatchObject({ token: ENV_TOKEN, tokenSource: 'HOOKBENCH_TOKEN' })
    const error = await failure(findApi({ api: 'http://127.0.0.1:1234' }, {}, lookup))
    expect(error).toBeInstanceOf(HookbenchError)
    expect(error.message).toMatch(
      /^--api names the API but no token comes with it: pass --token or set HOOKBENCH_TOKEN/,
    )
  })

  it('HOOKBENCH_API and HOOKBENCH_TOKEN when no flag says otherwise; empty counts as unset', async () => {
    const { asked, lookup } = discovered()
    const env = { HOOKBENCH_API: 'http://127.0.0.1:5555/', HOOKBENCH_TOKEN: ENV_TOKEN }
    expect(await findApi({}, env, lookup)).toEqual({
      url: 'http://127.0.0.1:5555',
      token: ENV_TOKEN,
      source: 'HOOKBENCH_API',
      tokenSource: 'HOOKBENCH_TOKEN',
    })
    expect(asked).toEqual([])
    expect((await findApi({}, { HOOKBENCH_API: '', HOOKBENCH_TOKEN: ENV_TOKEN }, lookup)).source).toMatch(
      /api\.json$/,
    )
  })

  it('names an invalid environment variable', async () => {
    const error = await failure(findApi({}, { HOOKBENCH_API: 'localhost:8788', HOOKBENCH_TOKEN: ENV_TOKEN }))
    expect(error.message).toMatch(/^Invalid HOOKBENCH_API: give the local API address/)
  })

  it('--data-dir reads that folder’s api.json, even with HOOKBENCH_API set, and its token', async () => {
    const { asked, lookup } = discovered('http://127.0.0.1:7777')
    const env = { HOOKBENCH_API: 'http://127.0.0.1:5555', HOOKBENCH_TOKEN: ENV_TOKEN }
    const target = await findApi({ dataDir: 'ws' }, env, lookup)
    expect(asked).toEqual([resolve('ws')])
    expect(target).toEqual({
      url: 'http://127.0.0.1:7777',
      token: FILE_TOKEN,
      source: join(resolve('ws'), 'api.json'),
      tokenSource: join(resolve('ws'), 'api.json'),
    })
  })

  it('with nothing given, the default data folder’s api.json; --token replaces its token', async () => {
    const { asked, lookup } = discovered()
    const target = await findApi({ token: FLAG_TOKEN }, { XDG_CONFIG_HOME: '/nowhere' }, lookup)
    if (process.platform === 'linux') expect(asked).toEqual(['/nowhere/Hookbench'])
    else expect(asked).toHaveLength(1)
    expect(target).toMatchObject({ token: FLAG_TOKEN, tokenSource: '--token' })
  })

  it.each([
    [{ kind: 'missing', path: '/ws/api.json' }, '/ws/api.json does not exist'],
    [
      { kind: 'stale', path: '/ws/api.json', pid: 4242 },
      '/ws/api.json was left by process 4242, which is no longer running',
    ],
    [
      { kind: 'unreadable', path: '/ws/api.json', reason: 'it is not valid JSON' },
      '/ws/api.json cannot be used: it is not valid JSON',
    ],
  ] as const)(
    'no running Hookbench (%j): exit 1, what was looked for, and what to do',
    async (found, why) => {
      const error = await failure(findApi({ dataDir: '/ws' }, {}, async () => found))
      expect(error).toBeInstanceOf(CommandFailed)
      expect((error as CommandFailed).exitCode).toBe(1)
      expect(error.message).toBe(`no running Hookbench found: ${why}.\n${START_HINT}`)
      const withoutFlags = await failure(findApi({}, {}, async () => found))
      expect(withoutFlags.message).toBe(
        `no running Hookbench found: no --api, no HOOKBENCH_API, and ${why}.\n${START_HINT}`,
      )
    },
  )
})
