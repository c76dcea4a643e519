import { timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]']

/**
 * DNS-rebinding defence: a page on evil.example that re-points its name at 127.0.0.1 still sends
 * `Host: evil.example`, so only the names this server is actually reachable as are accepted.
 */
export function allowedHostHeaders(bindHost: string, port: number): Set<string> {
  const names = new Set<string>()
  const isLoopback = bindHost === '127.0.0.1' || bindHost === '::1' || bindHost === 'localhost'
  const isWildcard = bindHost === '0.0.0.0' || bindHost === '::'
  if (isLoopback || isWildcard) for (const name of LOOPBACK_NAMES) names.add(name)
  if (!isWildcard) names.add(bindHost.includes(':') ? `[${bindHost}]` : bindHost)
  return new Set([...names].map((name) => `${name}:${port}`.toLowerCase()))
}

export function hostIsAllowed(req: IncomingMessage, allowed: Set<string>): boolean {
  const host = req.headers.host?.toLowerCase()
  return host !== undefined && allowed.has(host)
}

/** Constant-time comparison of `Authorization: Bearer <token>` with the launch token. */
export function bearerMatches(req: IncomingMessage, token: string): boolean {
  const header = req.headers.authorization ?? ''
  const match = /^Bearer\s+(.+)$/i.exec(header.trim())
  if (!match?.[1]) return false
  const given = Buffer.from(match[1])
  const expected = Buffer.from(token)
  return given.length === expected.length && timingSafeEqual(given, expected)
}
