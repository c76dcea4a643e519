import { randomUUID } from 'node:crypto'
import type { StoredBin } from '../../shared/receiver/bin.ts'
import type { CapturedRequest } from '../../shared/receiver/captured-request.ts'
import type { HarDocument, HarEntry } from '../../shared/receiver/har.ts'
import type { OpenedVerify } from './bins.ts'
import { decodeBody, encodeBody } from './body.ts'
import { verifyRequest } from './verification.ts'

const STATUS_TEXT: Record<number, string> = { 200: 'OK', 201: 'Created', 202: 'Accepted', 204: 'No Content' }

/** Captures as HAR 1.2 entries: the request as it arrived, the response as the bin answered it. */
export function toHar(
  requests: readonly CapturedRequest[],
  receiverUrl: string | null,
  version: string,
): HarDocument {
  return {
    log: {
      version: '1.2',
      creator: { name: 'Hookbench', version },
      entries: requests.map((request) => harEntry(request, receiverUrl)),
    },
  }
}

function harEntry(request: CapturedRequest, receiverUrl: string | null): Record<string, unknown> {
  const mimeType = request.content_type ?? 'application/octet-stream'
  const status = request.response?.status ?? 0
  return {
    startedDateTime: request.received_at,
    time: request.response?.delay_ms ?? 0,
    request: {
      method: request.method,
      url: `${receiverUrl ?? 'http://hookbench.invalid'}${request.url}`,
      httpVersion: `HTTP/${request.http_version}`,
      cookies: [],
      headers: request.headers.map(([name, value]) => ({ name, value })),
      queryString: request.query.map(([name, value]) => ({ name, value })),
      ...(request.size > 0
        ? {
            postData: {
              mimeType,
              text: request.body,
              ...(request.body_encoding === 'base64' ? { _encoding: 'base64' } : {}),
            },
          }
        : {}),
      headersSize: -1,
      bodySize: request.size,
    },
    response: {
      status,
      statusText: STATUS_TEXT[status] ?? '',
      httpVersion: `HTTP/${request.http_version}`,
      cookies: [],
      headers: [],
      content: { size: -1, mimeType: 'application/octet-stream' },
      redirectURL: '',
      headersSize: -1,
      bodySize: -1,
    },
    cache: {},
    timings: { send: 0, wait: request.response?.delay_ms ?? 0, receive: 0 },
    _hookbench: { id: request.id, bin: request.bin_name, verdict: request.verification.verdict },
  }
}

/**
 * One HAR entry as a capture in `bin`. Its checks run as of the entry's own time, so a signature
 * that was fresh when the request was recorded still verifies.
 */
export function fromHarEntry(entry: HarEntry, bin: StoredBin, verify: OpenedVerify): CapturedRequest {
  const url = new URL(entry.request.url, 'http://imported.invalid')
  const postData = entry.request.postData
  const base64 = postData?._encoding === 'base64' || postData?.encoding === 'base64'
  const bytes =
    postData?.text === undefined ? Buffer.alloc(0) : decodeBody(postData.text, base64 ? 'base64' : 'utf8')
  const headers = entry.request.headers.map(({ name, value }): [string, string] => [name, value])
  const receivedMs = Date.parse(entry.startedDateTime)
  const contentType =
    headers.find(([name]) => name.toLowerCase() === 'content-type')?.[1] ?? postData?.mimeType ?? null
  return {
    id: randomUUID(),
    bin_id: bin.id,
    bin_name: bin.name,
    source: 'har',
    method: entry.request.method.toUpperCase(),
    url: `${url.pathname}${url.search}`,
    path: url.pathname,
    sub_path: url.pathname,
    query: [...url.searchParams],
    http_version: (entry.request.httpVersion ?? 'HTTP/1.1').replace(/^HTTP\//i, ''),
    headers,
    ...encodeBody(bytes),
    size: bytes.length,
    content_type: contentType || null,
    remote_address: null,
    received_at: new Date(receivedMs).toISOString(),
    verification: verifyRequest(verify, headers, bytes, receivedMs),
    response: null,
    forward: null,
    replays: [],
  }
}
