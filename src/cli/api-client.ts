import { z } from 'zod'
import { ErrorBodySchema } from '../shared/errors.ts'

/** A running Hookbench's local API, and where its address and token were found (for messages). */
export interface ApiTarget {
  url: string
  token: string
  /** `--api`, `HOOKBENCH_API` or the discovery file's path. */
  source: string
  /** `--token`, `HOOKBENCH_TOKEN` or the discovery file's path. */
  tokenSource: string
}

/**
 * A command that ran and failed for a reason the user can act on: printed as `hookbench: <lines>`,
 * exit code 2 for bad input (the API's 400), 1 for anything else.
 */
export class CommandFailed extends Error {
  readonly exitCode: 1 | 2

  constructor(message: string, exitCode: 1 | 2 = 1) {
    super(message)
    this.name = 'CommandFailed'
    this.exitCode = exitCode
  }
}

export interface CallOptions {
  /** A JSON body, sent as is (the caller decides whether to parse it first). */
  body?: string | Buffer
  timeoutMs?: number
}

const DEFAULT_TIMEOUT_MS = 30_000

/**
 * One request to the local API. Resolves with the response only when it is a 2xx; an error
 * answer, an unreachable API or a silent one becomes a CommandFailed that says what happened.
 */
export async function request(
  target: ApiTarget,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<Response> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
  let response: Response
  try {
    response = await fetch(`${target.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${target.token}`,
        ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(options.body === undefined ? {} : { body: options.body }),
      signal: AbortSignal.timeout(timeoutMs),
    })
  } catch (error) {
    throw unreachable(error, target, timeoutMs)
  }
  if (!response.ok) throw await failureOf(response, target)
  return response
}

/** A JSON answer, checked against what the contract says the route returns. */
export async function requestJson<S extends z.ZodType>(
  target: ApiTarget,
  method: string,
  path: string,
  schema: S,
  options: CallOptions = {},
): Promise<{ text: string; value: z.output<S> }> {
  const response = await request(target, method, path, options)
  const text = await response.text()
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    throw notHookbench(
      target,
      `${method} ${path} answered ${response.status} with something that is not JSON`,
    )
  }
  const parsed = schema.safeParse(json)
  if (!parsed.success) {
    throw notHookbench(target, `${method} ${path} answered ${response.status} with JSON of another shape`)
  }
  return { text, value: parsed.data }
}

const ErrorEnvelopeSchema = z.object({ error: ErrorBodySchema })
const IssuesSchema = z.object({ issues: z.array(z.object({ path: z.string(), message: z.string() })) })

/** The API's `{"error": {code, message, details}}` as lines: the message, then one per issue. */
export function describeApiError(body: z.infer<typeof ErrorBodySchema>): string {
  const lines = [body.message]
  const issues = IssuesSchema.safeParse(body.details)
  for (const issue of issues.success ? issues.data.issues : []) {
    // An issue at the root repeats what the message already says.
    if (issue.path === '' && body.message.includes(issue.message)) continue
    lines.push(`  ${issue.path === '' ? '(the whole body)' : issue.path}: ${issue.message}`)
  }
  return lines.join('\n')
}

async function failureOf(response: Response, target: ApiTarget): Promise<CommandFailed> {
  const text = await response.text().catch(() => '')
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    json = null
  }
  const envelope = ErrorEnvelopeSchema.safeParse(json)
  if (!envelope.success) {
    const status = `${response.status}${response.statusText ? ` ${response.statusText}` : ''}`
    return notHookbench(target, `it answered ${status}, not in the way Hookbench's API answers`)
  }
  let message = describeApiError(envelope.data.error)
  if (response.status === 401) message += `\nThe token came from ${target.tokenSource}.`
  return new CommandFailed(message, response.status === 400 ? 2 : 1)
}

function notHookbench(target: ApiTarget, what: string): CommandFailed {
  return new CommandFailed(
    `${target.url} does not look like a Hookbench API: ${what}.\nThe address came from ${target.source}.`,
  )
}

const REASONS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'the connection was reset',
  ENOTFOUND: 'no such host',
  EAI_AGAIN: 'the host name could not be resolved',
  EHOSTUNREACH: 'host unreachable',
  ETIMEDOUT: 'the connection timed out',
}

function unreachable(error: unknown, target: ApiTarget, timeoutMs: number): CommandFailed {
  const where = `The address came from ${target.source}.`
  if (error instanceof Error && error.name === 'TimeoutError') {
    return new CommandFailed(`${target.url} did not answer within ${timeoutMs / 1000} s.\n${where}`)
  }
  const cause = error instanceof Error ? (error.cause as NodeJS.ErrnoException | undefined) : undefined
  const code = typeof cause?.code === 'string' ? cause.code : undefined
  const reason =
    (code && REASONS[code]) ?? cause?.message ?? (error instanceof Error ? error.message : String(error))
  return new CommandFailed(
    `cannot reach Hookbench at ${target.url}: ${reason}${code ? ` (${code})` : ''}.\n` +
      `${where} Is Hookbench running there?`,
  )
}
