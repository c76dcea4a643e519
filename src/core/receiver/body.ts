import { isUtf8 } from 'node:buffer'
import type { BodyEncoding } from '../../shared/receiver/captured-request.ts'

/** Text stays readable (and searchable) in the store; anything else is kept byte for byte as base64. */
export function encodeBody(bytes: Buffer): { body: string; body_encoding: BodyEncoding } {
  return isUtf8(bytes)
    ? { body: bytes.toString('utf8'), body_encoding: 'utf8' }
    : { body: bytes.toString('base64'), body_encoding: 'base64' }
}

export function decodeBody(body: string, encoding: BodyEncoding): Buffer {
  return Buffer.from(body, encoding === 'base64' ? 'base64' : 'utf8')
}
