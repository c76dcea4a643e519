import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { processIsAlive, readFileIfPresent, writeFileAtomic } from '../core/index.ts'

/**
 * `<data dir>/api.json`: where the running Hookbench's local API listens and its token, so
 * `hookbench trigger`, `replay`, `export` and `import` find it with no flags. It holds the token,
 * so it is created 0600 (the data folder itself is 0700).
 */
export const DISCOVERY_FILE_NAME = 'api.json'

export const DiscoverySchema = z.object({
  api: z.string().min(1),
  receiver: z.string().min(1),
  token: z.string().min(1),
  // A pid of 0 or below would address a process group in process.kill: never "a process".
  pid: z.number().int().positive(),
})
export type Discovery = z.infer<typeof DiscoverySchema>

export function discoveryPath(dataDir: string): string {
  return join(dataDir, DISCOVERY_FILE_NAME)
}

/**
 * Writes the discovery file (atomically, so a reader never sees half of it) and returns the
 * function that removes it again on a clean stop — only while it is still ours.
 */
export async function publishDiscovery(dataDir: string, entry: Discovery): Promise<() => Promise<void>> {
  const path = discoveryPath(dataDir)
  const contents = `${JSON.stringify(entry)}\n`
  await writeFileAtomic(path, contents, 0o600)
  let removed = false
  return async () => {
    if (removed) return
    removed = true
    if ((await readFileIfPresent(path)) === contents) await rm(path, { force: true })
  }
}

export type DiscoveryLookup =
  | { kind: 'found'; path: string; discovery: Discovery }
  | { kind: 'missing'; path: string }
  /** Left behind by a Hookbench that did not stop cleanly (crash, kill -9). */
  | { kind: 'stale'; path: string; pid: number }
  | { kind: 'unreadable'; path: string; reason: string }

/** What `<data dir>/api.json` says, judged: a file naming a process that is gone is stale. */
export async function readDiscovery(
  dataDir: string,
  isAlive: (pid: number) => boolean = processIsAlive,
): Promise<DiscoveryLookup> {
  const path = discoveryPath(dataDir)
  let text: string | null
  try {
    text = await readFileIfPresent(path)
  } catch (error) {
    return { kind: 'unreadable', path, reason: (error as Error).message }
  }
  if (text === null) return { kind: 'missing', path }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return { kind: 'unreadable', path, reason: 'it is not valid JSON' }
  }
  const parsed = DiscoverySchema.safeParse(json)
  if (!parsed.success) return { kind: 'unreadable', path, reason: 'it is not a Hookbench discovery file' }
  if (!isAlive(parsed.data.pid)) return { kind: 'stale', path, pid: parsed.data.pid }
  return { kind: 'found', path, discovery: parsed.data }
}
