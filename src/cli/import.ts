import { readFile } from 'node:fs/promises'
import type { z } from 'zod'
import { HookbenchError } from '../shared/errors.ts'
import { ImportWorkspaceOutputSchema } from '../shared/workspace.ts'
import { requestJson } from './api-client.ts'
import { type ImportOptions, parseJson } from './client-args.ts'
import { findApi } from './find-api.ts'

/** As the API answers it; an older Hookbench leaves out what it did not report yet. */
type Imported = z.input<typeof ImportWorkspaceOutputSchema>

/** The API reads up to 512 MB here: give it time. */
const IMPORT_TIMEOUT_MS = 10 * 60_000

/** `hookbench import FILE`: POST /api/import?mode=merge|replace with the file as it is. */
export async function importWorkspace(options: ImportOptions): Promise<number> {
  const text = await readWorkspaceFile(options.file)
  const target = await findApi(options)
  const mode = options.replace ? 'replace' : 'merge'
  const imported = await requestJson(
    target,
    'POST',
    `/api/import?mode=${mode}`,
    ImportWorkspaceOutputSchema,
    {
      body: text,
      timeoutMs: IMPORT_TIMEOUT_MS,
    },
  )
  process.stdout.write(options.json ? `${imported.text}\n` : describeImport(options.file, imported.value))
  return 0
}

/** Judged here first, so a wrong file is named as such rather than as "the request body". */
async function readWorkspaceFile(file: string): Promise<string> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : message
    throw new HookbenchError('bad_request', `Cannot read ${file}: ${why}.`)
  }
  const parsed = parseJson(text)
  if (!parsed.ok) throw new HookbenchError('bad_request', `${file} is not valid JSON (${parsed.reason}).`)
  const value = parsed.value
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new HookbenchError(
      'bad_request',
      `${file} is not a workspace export (hookbench export writes one).`,
    )
  }
  return text
}

/** What each count is called, one and many; a kind this CLI does not know yet keeps its key. */
const NAMES: Record<string, [string, string]> = {
  subscriptions: ['subscription', 'subscriptions'],
  auth_configs: ['auth config', 'auth configs'],
  bins: ['bin', 'bins'],
  oauth_clients: ['OAuth client', 'OAuth clients'],
  events: ['event', 'events'],
  messages: ['message', 'messages'],
  attempts: ['attempt', 'attempts'],
  requests: ['captured request', 'captured requests'],
  check_runs: ['check run', 'check runs'],
}

function counted(counts: Record<string, number>): string {
  const parts = Object.entries(counts).map(([key, count]) => {
    const [one, many] = NAMES[key] ?? [key, key]
    return `${count} ${count === 1 ? one : many}`
  })
  return parts.length > 0 ? parts.join(', ') : 'nothing'
}

/** At most this many secret paths are listed; --json lists them all. */
const SHOWN_SECRETS = 10

export function describeImport(file: string, imported: Imported): string {
  const lines = [
    `Imported ${file} (${imported.mode}): ${counted(imported.config)}; history: ${counted(imported.history)}.`,
  ]
  const skipped = imported.history_skipped ?? {}
  if (Object.values(skipped).some((count) => count > 0)) {
    lines.push(`Already here, kept as they were: ${counted(skipped)}.`)
  }
  const kept = imported.secrets_kept?.length ?? 0
  if (kept > 0) {
    lines.push(
      kept === 1
        ? '1 secret was redacted in the file: the one stored here was kept.'
        : `${kept} secrets were redacted in the file: the ones stored here were kept.`,
    )
  }
  const missing = imported.secrets_missing
  if (missing.length > 0) {
    const shown = missing.slice(0, SHOWN_SECRETS).join(', ')
    const more = missing.length > SHOWN_SECRETS ? ` and ${missing.length - SHOWN_SECRETS} more` : ''
    const count = missing.length === 1 ? '1 secret was' : `${missing.length} secrets were`
    lines.push(`${count} redacted in the file and must be entered again: ${shown}${more}.`)
  }
  return `${lines.join('\n')}\n`
}
