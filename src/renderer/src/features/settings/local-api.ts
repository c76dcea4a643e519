/**
 * How this window reaches Hookbench, for the Ports card. The transports themselves live in
 * src/renderer/src/api; this only tells the user which one is in use and, in web mode, shows the
 * token the page was served with (the same meta tag the HTTP client reads) when they ask for it.
 */
export type Transport = 'ipc' | 'http'

export function currentTransport(): Transport {
  return window.api ? 'ipc' : 'http'
}

export function pageApiToken(): string | null {
  return document.querySelector<HTMLMetaElement>('meta[name="hookbench-api-token"]')?.content || null
}
