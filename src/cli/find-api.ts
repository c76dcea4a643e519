import { resolve } from 'node:path'
import type { z } from 'zod'
import { type DiscoveryLookup, readDiscovery } from '../server/discovery.ts'
import { HookbenchError } from '../shared/errors.ts'
import { type ApiTarget, CommandFailed } from './api-client.ts'
import type { ConnectionOptions } from './client-args.ts'
import { ApiUrlSchema, TokenSchema } from './options.ts'
import { defaultDataDir } from './paths.ts'

export const START_HINT = 'Start `hookbench serve` (or the desktop app), or pass --api and --token.'

/**
 * Which running Hookbench a client command talks to, first match wins:
 * 1. `--api` (with `--token`, else HOOKBENCH_TOKEN);
 * 2. `--data-dir DIR`: DIR/api.json — a flag naming a workspace beats the environment;
 * 3. HOOKBENCH_API (with `--token`, else HOOKBENCH_TOKEN);
 * 4. api.json in the default data folder (the one `serve` and the desktop app use).
 * A discovery file gives its own token unless `--token` is passed.
 */
export async function findApi(
  options: ConnectionOptions,
  env: NodeJS.ProcessEnv = process.env,
  lookup: (dataDir: string) => Promise<DiscoveryLookup> = readDiscovery,
): Promise<ApiTarget> {
  if (options.api !== undefined) return explicit(options.api, '--api', options.token, env)
  if (options.dataDir === undefined) {
    const envApi = fromEnv(env, 'HOOKBENCH_API', ApiUrlSchema)
    if (envApi !== undefined) return explicit(envApi, 'HOOKBENCH_API', options.token, env)
  }
  const dataDir = resolve(options.dataDir ?? defaultDataDir(process.platform, env))
  const found = await lookup(dataDir)
  if (found.kind !== 'found') throw nothingRunning(found, options.dataDir !== undefined)
  return {
    url: found.discovery.api,
    token: options.token ?? found.discovery.token,
    source: found.path,
    tokenSource: options.token === undefined ? found.path : '--token',
  }
}

function explicit(url: string, source: string, token: string | undefined, env: NodeJS.ProcessEnv): ApiTarget {
  if (token !== undefined) return { url, token, source, tokenSource: '--token' }
  const envToken = fromEnv(env, 'HOOKBENCH_TOKEN', TokenSchema)
  if (envToken !== undefined) return { url, token: envToken, source, tokenSource: 'HOOKBENCH_TOKEN' }
  throw new HookbenchError(
    'bad_request',
    `${source} names the API but no token comes with it: pass --token or set HOOKBENCH_TOKEN.`,
  )
}

/** An environment variable, validated like the flag it stands for; empty counts as unset. */
function fromEnv<S extends z.ZodType<string, string>>(
  env: NodeJS.ProcessEnv,
  name: string,
  schema: S,
): string | undefined {
  const value = env[name]
  if (value === undefined || value === '') return undefined
  const parsed = schema.safeParse(value)
  if (!parsed.success) {
    throw new HookbenchError(
      'bad_request',
      `Invalid ${name}: ${parsed.error.issues[0]?.message ?? 'unknown'}.`,
    )
  }
  return parsed.data
}

function nothingRunning(
  found: Exclude<DiscoveryLookup, { kind: 'found' }>,
  dataDirGiven: boolean,
): CommandFailed {
  const why = whyNotFound(found)
  const looked = dataDirGiven ? why : `no --api, no HOOKBENCH_API, and ${why}`
  return new CommandFailed(`no running Hookbench found: ${looked}.\n${START_HINT}`)
}

function whyNotFound(found: Exclude<DiscoveryLookup, { kind: 'found' }>): string {
  switch (found.kind) {
    case 'missing':
      return `${found.path} does not exist`
    case 'stale':
      return `${found.path} was left by process ${found.pid}, which is no longer running`
    case 'unreadable':
      return `${found.path} cannot be used: ${found.reason}`
    default: {
      const unreachable: never = found
      return unreachable
    }
  }
}
