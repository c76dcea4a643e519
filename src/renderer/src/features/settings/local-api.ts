/**
 * How this window reaches Hookbench, for the Ports card: the transports live in
 * src/renderer/src/api, which says which one is in use and holds the page's API token.
 */
import { tokenFromPage, transport } from '../../api/index.ts'

export type Transport = typeof transport

export function currentTransport(): Transport {
  return transport
}

export function pageApiToken(): string | null {
  return tokenFromPage()
}
