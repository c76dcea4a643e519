/**
 * Why a URL Hookbench is to send to could never be sent to, or null when it can: it must parse
 * as a WHATWG URL (what the HTTP client does), use http or https, name a host, and any port must
 * be 1–65535. Checked when the URL is configured, so a typo is a 400 rather than every delivery
 * ending "exhausted".
 */
export function httpUrlProblem(url: string): string | null {
  if (!/^https?:\/\//i.test(url)) return 'must start with http:// or https://'
  const authority = /^https?:\/\/([^/?#]*)/i.exec(url)?.[1] ?? ''
  const hostAndPort = authority.slice(authority.lastIndexOf('@') + 1)
  const port = /:(\d*)$/.exec(hostAndPort.replace(/^\[[^\]]*\]/, ''))?.[1]
  if (hostAndPort === '' || hostAndPort.startsWith(':')) {
    return 'needs a host, as in http://localhost:3000/hook'
  }
  if (port !== undefined && port !== '' && (Number(port) < 1 || Number(port) > 65_535)) {
    return `has port ${port}; a port is 1–65535`
  }
  try {
    new URL(url)
  } catch {
    return 'is not a valid URL: check the host'
  }
  return null
}
