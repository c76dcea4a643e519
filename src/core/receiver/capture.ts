import type { IncomingMessage } from 'node:http'
import { HookbenchError } from '../../shared/errors.ts'
import type { HeaderPairs } from '../../shared/receiver/captured-request.ts'

/** Where a request to `/hooks/{bin}/{path…}` was aimed, read from the raw request target. */
export interface HookTarget {
  binName: string
  /** The raw path as sent (not normalised: `..` and `%2F` stay as they came). */
  path: string
  /** What followed the bin name, `/` when nothing did. */
  subPath: string
  query: Array<[string, string]>
}

const HOOKS_PREFIX = '/hooks/'

export function isHookPath(target: string): boolean {
  return target === '/hooks' || target.startsWith(HOOKS_PREFIX) || target.startsWith('/hooks?')
}

/** null when the target names no bin (`/hooks/`), or its name is not valid percent-encoding. */
export function parseHookTarget(requestTarget: string): HookTarget | null {
  const queryAt = requestTarget.indexOf('?')
  const path = queryAt === -1 ? requestTarget : requestTarget.slice(0, queryAt)
  const rawQuery = queryAt === -1 ? '' : requestTarget.slice(queryAt + 1)
  if (!path.startsWith(HOOKS_PREFIX)) return null
  const rest = path.slice(HOOKS_PREFIX.length)
  const slash = rest.indexOf('/')
  const rawName = slash === -1 ? rest : rest.slice(0, slash)
  if (rawName === '') return null
  let binName: string
  try {
    binName = decodeURIComponent(rawName)
  } catch {
    return null
  }
  return {
    binName,
    path,
    subPath: slash === -1 ? '/' : rest.slice(slash),
    query: [...new URLSearchParams(rawQuery)],
  }
}

/** `req.rawHeaders` as pairs: the order and the duplicates a sender really sent. */
export function headerPairsOf(req: IncomingMessage): HeaderPairs {
  const pairs: HeaderPairs = []
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    pairs.push([req.rawHeaders[i] as string, req.rawHeaders[i + 1] as string])
  }
  return pairs
}

export function remoteAddressOf(req: IncomingMessage): string | null {
  const address = req.socket.remoteAddress
  if (!address) return null
  return address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address
}

/** Past this, an oversized body is no longer read to the end (to answer 413 cleanly) but cut off. */
const MAX_DRAIN_BYTES = 64 * 1024 * 1024

/**
 * Reads the whole body up to `limitBytes`. A larger one is read on (and discarded) to its end, so
 * the sender gets to read the 413 rather than a reset connection; a huge one is cut off. Plain
 * listeners rather than `for await`: the async iterator was a visible share of a capture's CPU.
 */
export async function readBodyLimited(req: IncomingMessage, limitBytes: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'])
  if (Number.isFinite(declared) && declared > limitBytes + MAX_DRAIN_BYTES) throw tooLarge(limitBytes)
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const onData = (buffer: Buffer) => {
      size += buffer.length
      if (size <= limitBytes) chunks.push(buffer)
      else if (size > limitBytes + MAX_DRAIN_BYTES) {
        cleanup()
        req.destroy()
        reject(tooLarge(limitBytes))
      }
    }
    const onEnd = () => {
      cleanup()
      if (size > limitBytes) reject(tooLarge(limitBytes))
      else resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size))
    }
    const onError = (error: Error) => {
      cleanup()
      reject(error)
    }
    // The sender went away before the end of its body: nothing to capture or answer.
    const onClose = () => onError(new Error('the request was aborted before its body ended'))
    const cleanup = () => {
      req.off('data', onData)
      req.off('end', onEnd)
      req.off('error', onError)
      req.off('close', onClose)
    }
    if (req.destroyed) return onClose()
    req.on('data', onData)
    req.on('end', onEnd)
    req.on('error', onError)
    req.on('close', onClose)
  })
}

function tooLarge(limitBytes: number): HookbenchError {
  return new HookbenchError(
    'payload_too_large',
    `The request body is larger than this receiver accepts (${limitBytes} bytes).`,
    { limit_bytes: limitBytes },
  )
}
