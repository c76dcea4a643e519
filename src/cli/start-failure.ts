import { statSync } from 'node:fs'
import { dirname, relative } from 'node:path'
import { StoreError } from '../core/index.ts'

/** What `serve` tried to open, so a failure can name the option the user has to change. */
export interface StartAttempt {
  dataDir: string
  receiver: { host: string; port: number }
  api: { host: string; port: number }
}

type SystemError = Error & {
  code: string
  syscall?: string
  path?: string
  address?: string
  port?: number
  hostname?: string
}

function isSystemError(error: unknown): error is SystemError {
  return error instanceof Error && typeof (error as { code?: unknown }).code === 'string'
}

/**
 * Explains why `hookbench serve` could not start, in one or two lines a user can act on — never a
 * stack trace. Returns null for errors that are not about the network or the file system, so the
 * caller can fall back to their message.
 */
export function explainStartFailure(error: unknown, attempt: StartAttempt): string | null {
  if (!isSystemError(error)) return null
  if (error.syscall === 'listen' || error.syscall === 'bind') return explainListen(error, attempt)
  if (error.syscall === 'getaddrinfo') return explainLookup(error, attempt)
  if (typeof error.path === 'string') return explainDataDir(error, error.path, attempt.dataDir)
  return null
}

interface Listener {
  what: string
  hostFlag: string
  portFlag: string
}

const RECEIVER: Listener = { what: 'the receiver', hostFlag: '--host', portFlag: '--port' }
const API: Listener = { what: 'the local API', hostFlag: '--api-host', portFlag: '--api-port' }
const EITHER: Listener = {
  what: 'the receiver or the local API',
  hostFlag: '--host / --api-host',
  portFlag: '--port / --api-port',
}

function wantedBy(listener: Listener, attempt: StartAttempt): { host: string; port: number } {
  return listener === API ? attempt.api : attempt.receiver
}

/**
 * Which listener failed: Node's error carries the port (unless it was 0) and the address or host
 * name it was asked for. Both listeners asked for the same thing: say either.
 */
function listenerOf(error: SystemError, attempt: StartAttempt): Listener {
  const both = [RECEIVER, API]
  const byPort = both.filter((listener) => wantedBy(listener, attempt).port === error.port)
  if (byPort.length === 1) return byPort[0] ?? EITHER
  const host = error.address ?? error.hostname
  const byHost = (byPort.length > 0 ? byPort : both).filter(
    (listener) => wantedBy(listener, attempt).host === host,
  )
  return byHost.length === 1 ? (byHost[0] ?? EITHER) : EITHER
}

function explainListen(error: SystemError, attempt: StartAttempt): string {
  const listener = listenerOf(error, attempt)
  const wanted = wantedBy(listener, attempt)
  const address = error.address ?? wanted.host
  // Node leaves the port out of the error when it was 0 ("any free port").
  const port = error.port ?? (listener === EITHER ? 0 : wanted.port)
  const host = address.includes(':') ? `[${address}]` : address
  const where = `cannot listen on ${port === 0 ? host : `${host}:${port}`} (${listener.what})`
  switch (error.code) {
    case 'EADDRINUSE':
      return (
        `${where}: another program is using that port (EADDRINUSE).\n` +
        `Stop it, or pick another ${listener.portFlag} (0 picks any free port).`
      )
    case 'EADDRNOTAVAIL':
      return (
        `${where}: that address is not on this machine (EADDRNOTAVAIL).\n` +
        `Give ${listener.hostFlag} one of this machine's addresses: 127.0.0.1, or 0.0.0.0 for all of them.`
      )
    case 'EACCES':
    case 'EPERM':
      return (
        `${where}: permission denied (${error.code}).\n` +
        `Ports below 1024 need administrator rights, and Windows reserves some ranges: pick another ${listener.portFlag} (0 picks any free port).`
      )
    default:
      return `${where}: ${error.message}.`
  }
}

function explainLookup(error: SystemError, attempt: StartAttempt): string {
  const name = error.hostname ?? '?'
  const listener = listenerOf(error, attempt)
  return (
    `cannot listen on ${name} (${listener.what}): this machine cannot resolve that name (${error.code}).\n` +
    `Give ${listener.hostFlag} an address instead: 127.0.0.1, or 0.0.0.0 for all of this machine's addresses.`
  )
}

function explainDataDir(error: SystemError, path: string, dataDir: string): string {
  const inside = relative(dataDir, path)
  const subject =
    inside === ''
      ? `cannot use ${dataDir} as the data folder`
      : inside.startsWith('..')
        ? `cannot use ${dataDir} as the data folder (at ${path})`
        : `cannot write ${inside} in the data folder ${dataDir}`
  const elsewhere = 'point --data-dir at another folder'
  switch (error.code) {
    case 'EEXIST':
    case 'ENOTDIR': {
      const file = error.code === 'EEXIST' && error.syscall === 'mkdir' ? path : fileOnTheWay(path)
      if (file === null) break
      const it = file === dataDir ? 'it is a file' : `${file} is a file`
      return `${subject}: ${it}, not a folder (${error.code}).\nMove the file, or ${elsewhere}.`
    }
    case 'EACCES':
    case 'EPERM':
      return `${subject}: permission denied on ${path} (${error.code}).\nFix its permissions, or ${elsewhere}.`
    case 'EROFS':
      return `${subject}: it is on a read-only file system (EROFS).\nPoint --data-dir at a writable folder.`
    case 'ENOSPC':
    case 'EDQUOT':
      return `${subject}: the disk is full (${error.code}).\nFree some space, or ${elsewhere} on another disk.`
    default:
      break
  }
  return `${subject}: ${error.message}.`
}

/** The nearest ancestor of `path` that exists and is not a folder (what ENOTDIR complains about). */
function fileOnTheWay(path: string): string | null {
  for (let current = path; current !== dirname(current); current = dirname(current)) {
    try {
      if (!statSync(current).isDirectory()) return current
    } catch {
      // does not exist (or cannot be read): look further up
    }
  }
  return null
}

/** `serve` could not start; carries what it tried so the message can name the option to change. */
export class StartFailed extends Error {
  readonly attempt: StartAttempt

  constructor(cause: unknown, attempt: StartAttempt) {
    super(cause instanceof Error ? cause.message : String(cause), { cause })
    this.name = 'StartFailed'
    this.attempt = attempt
  }
}

/** HOOKBENCH_DEBUG=1 (any value but empty or 0) adds the stack trace to a failure. */
export function isDebugging(env: NodeJS.ProcessEnv): boolean {
  const flag = env.HOOKBENCH_DEBUG
  return flag !== undefined && flag !== '' && flag !== '0'
}

/**
 * What the user reads when the command fails (after `hookbench: `): what failed and what to do,
 * never a stack trace. An error nobody anticipated keeps just its message.
 */
export function failureMessage(error: unknown, debugging: boolean): string {
  const cause = error instanceof StartFailed ? error.cause : error
  // The data folder cannot be opened (locked, corrupt, too new): its message says what to do.
  if (cause instanceof StoreError) return cause.message
  if (error instanceof StartFailed) {
    const explained = explainStartFailure(cause, error.attempt)
    if (explained) return explained
  }
  const what = error instanceof StartFailed ? 'could not start' : 'failed'
  const message = cause instanceof Error ? cause.message : String(cause)
  return debugging ? `${what}: ${message}` : `${what}: ${message}\n(HOOKBENCH_DEBUG=1 shows where.)`
}

/** The stack of what actually went wrong, for HOOKBENCH_DEBUG=1. */
export function debugDetails(error: unknown): string {
  const cause = error instanceof StartFailed ? error.cause : error
  return cause instanceof Error ? (cause.stack ?? cause.message) : String(cause)
}
