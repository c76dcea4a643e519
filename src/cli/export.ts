import { randomBytes } from 'node:crypto'
import { open, rename, rm } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { ReadableStream } from 'node:stream/web'
import { request } from './api-client.ts'
import type { ExportOptions } from './client-args.ts'
import { findApi } from './find-api.ts'

/** A whole workspace with its history can be large: give it time. */
const EXPORT_TIMEOUT_MS = 10 * 60_000

/** `hookbench export`: GET /api/export, streamed to stdout or to -o FILE. */
export async function exportWorkspace(options: ExportOptions): Promise<number> {
  const target = await findApi(options)
  const query = new URLSearchParams({
    include_history: String(options.history),
    include_secrets: String(options.secrets),
  })
  const response = await request(target, 'GET', `/api/export?${query}`, { timeoutMs: EXPORT_TIMEOUT_MS })
  const body = response.body
    ? Readable.fromWeb(response.body as ReadableStream<Uint8Array>)
    : Readable.from([])
  if (options.output === undefined) {
    try {
      await pipeline(body, process.stdout, { end: false })
    } catch (error) {
      // The reader stopped early (`| head`): what it wanted it has; not a failure of ours.
      if ((error as NodeJS.ErrnoException).code === 'EPIPE') return 0
      throw error
    }
    process.stdout.write('\n')
    return 0
  }
  await writeFileReplacing(options.output, body, options.secrets ? 0o600 : 0o666)
  process.stdout.write(`Exported ${describeContents(options)} to ${options.output}.\n`)
  return 0
}

export function describeContents(options: Pick<ExportOptions, 'history' | 'secrets'>): string {
  const what = options.history ? 'the configuration and history' : 'the configuration'
  return `${what} (${options.secrets ? 'secrets included: keep the file private' : 'secrets as ••••'})`
}

/**
 * Writes beside the file and renames over it, so a failed export leaves the old file (or none),
 * never half a workspace; the new file is created with `mode` (0600 for secrets, whatever the
 * old file's permissions were).
 */
async function writeFileReplacing(path: string, body: Readable, mode: number): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.partial`)
  const handle = await open(temp, 'wx', mode)
  try {
    await pipeline(
      body,
      async function* (source) {
        yield* source
        yield '\n'
      },
      handle.createWriteStream(),
    )
  } catch (error) {
    await rm(temp, { force: true })
    throw error
  }
  await rename(temp, path).catch(async (error: unknown) => {
    await rm(temp, { force: true })
    throw error
  })
}
