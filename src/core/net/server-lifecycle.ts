import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'

/** Resolves once the server listens; rejects (e.g. EADDRINUSE) instead of crashing the process. */
export function listen(server: Server, host: string, port: number): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => {
      server.off('listening', onListening)
      reject(error)
    }
    const onListening = () => {
      server.off('error', onError)
      resolve(server.address() as AddressInfo)
    }
    server.once('error', onError)
    server.once('listening', onListening)
    server.listen(port, host)
  })
}

/**
 * Stops accepting connections, lets in-flight requests finish, and closes idle keep-alive
 * sockets so `stop()` does not hang on a browser's open connection. Anything still busy after
 * `graceMs` is cut.
 */
export async function closeServer(server: Server, graceMs = 5_000): Promise<void> {
  if (!server.listening) return
  const closed = new Promise<void>((resolve) => server.close(() => resolve()))
  server.closeIdleConnections()
  const timer = setTimeout(() => server.closeAllConnections(), graceMs)
  try {
    await closed
  } finally {
    clearTimeout(timer)
  }
}

/** A URL a client on this machine can use; wildcard binds are reached through loopback. */
export function urlOf(address: AddressInfo): string {
  const wildcard = address.address === '0.0.0.0' || address.address === '::'
  const host = wildcard ? '127.0.0.1' : address.address
  return `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`
}
