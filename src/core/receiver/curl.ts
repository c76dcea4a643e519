import { quote } from '../../shared/curl.ts'
import type { CapturedRequest } from '../../shared/receiver/captured-request.ts'
import { sendableHeaders } from './http-exchange.ts'

/**
 * A curl command that sends a capture again, byte for byte: headers in order with duplicates,
 * a text body inline, a binary one through `base64 -d` (curl reads it from stdin).
 */
export function curlCommand(request: CapturedRequest, url: string): string {
  const parts = ['curl', '-X', request.method, quote(url)]
  for (const [name, value] of sendableHeaders(request.headers)) parts.push('-H', quote(`${name}: ${value}`))
  if (request.size === 0) return parts.join(' ')
  if (request.body_encoding === 'utf8' && printable(request.body)) {
    return [...parts, '--data-binary', quote(request.body)].join(' ')
  }
  const base64 =
    request.body_encoding === 'base64' ? request.body : Buffer.from(request.body).toString('base64')
  return `printf %s ${quote(base64)} | base64 -d | ${[...parts, '--data-binary', '@-'].join(' ')}`
}

/** Text a terminal can paste: no control characters other than tab and newline. */
function printable(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a) || code === 0x7f) return false
  }
  return true
}
