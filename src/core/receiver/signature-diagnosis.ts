import { createHmac, timingSafeEqual } from 'node:crypto'
import { SECRET_PREFIX, type VerifyFailure, verify } from '../signing/standard-webhooks.ts'

/**
 * When a Standard Webhooks signature fails, "wrong secret, or the body was changed" leaves the
 * sender's developer guessing. Most failures are one of a few well-known mistakes, so this tries
 * each of them with the bin's own secret and, when one reproduces the signature received, names it.
 * Runs only after verification has failed: valid and unchecked requests never pay for it.
 */

const SIGN_EXACT_BYTES = 'sign the exact bytes sent'
const WEBHOOK_HEADERS = ['webhook-id', 'webhook-timestamp', 'webhook-signature'] as const

/** What the bin received and how it verifies, as the verifier was given it. */
export type Received = {
  secret: string
  headers: Record<string, string | undefined>
  body: Buffer
  nowSeconds: number
  toleranceSeconds: number
}

/** A better reason than the verifier's, or null when no known mistake explains the failure. */
export function diagnoseSignature(received: Received, failure: VerifyFailure): string | null {
  const { secret, headers, body, nowSeconds, toleranceSeconds } = received
  switch (failure) {
    case 'missing_headers':
      return diagnoseSvixNames(received)
    case 'timestamp_too_new':
      return diagnoseMilliseconds(headers['webhook-timestamp'] ?? '', nowSeconds, toleranceSeconds)
    case 'no_matching_signature':
      return diagnoseMismatch(secret, headers, body) ?? diagnoseSvixBeside(received)
    default:
      return null
  }
}

/** `svix-*` names instead of `webhook-*`: the Svix libraries accept both, the standard only these. */
function diagnoseSvixNames(received: Received): string | null {
  const missing = WEBHOOK_HEADERS.filter((name) => !received.headers[name])
  const svixNames = missing.map(svixName)
  if (!svixNames.every((name) => received.headers[name])) return null
  return (
    `the request sends ${svixNames.join(', ')} instead of ${missing.join(', ')}: ` +
    `Standard Webhooks names them webhook-*` +
    (verifiesWith(received, 'webhook') ? ' (the signature itself matches the secret)' : '')
  )
}

/** Both header sets present, only the `svix-*` one right: the sender fills them from different values. */
function diagnoseSvixBeside(received: Received): string | null {
  if (!received.headers['svix-signature'] || !verifiesWith(received, 'svix')) return null
  return 'the svix-* headers are signed right but the webhook-* ones beside them are not: the sender sends the two sets with different values (send webhook-* only)'
}

/** Verifies with each header taken from the preferred set, or else from the other one. */
function verifiesWith(received: Received, preferred: 'webhook' | 'svix'): boolean {
  const { secret, headers, body, nowSeconds, toleranceSeconds } = received
  const pick = (name: string) =>
    preferred === 'webhook'
      ? (headers[name] ?? headers[svixName(name)])
      : (headers[svixName(name)] ?? headers[name])
  const chosen = Object.fromEntries(WEBHOOK_HEADERS.map((name) => [name, pick(name)]))
  return verify(secret, chosen, body, nowSeconds, toleranceSeconds).ok
}

function svixName(name: string): string {
  return name.replace(/^webhook-/, 'svix-')
}

/** A 13-digit timestamp read as seconds lands centuries ahead; as milliseconds it is "now". */
function diagnoseMilliseconds(
  timestamp: string,
  nowSeconds: number,
  toleranceSeconds: number,
): string | null {
  if (!/^\d{12,14}$/.test(timestamp)) return null
  if (Math.abs(Number(timestamp) / 1000 - nowSeconds) > toleranceSeconds) return null
  return `webhook-timestamp ${timestamp} is in milliseconds: send Unix seconds, and sign those`
}

type Trial = { digest: Buffer; mistakes: string[] }
type Candidate = { digest: Buffer; mistakes: string[] }

/** Tries every known key, content and encoding mistake together, so a combination is named too. */
function diagnoseMismatch(
  secret: string,
  headers: Record<string, string | undefined>,
  body: Buffer,
): string | null {
  const id = headers['webhook-id'] ?? ''
  const timestamp = headers['webhook-timestamp'] ?? ''
  const candidates = candidatesOf(headers['webhook-signature'] ?? '')
  if (candidates.length === 0) return null
  for (const trial of trialsOf(secret, id, timestamp, body)) {
    for (const candidate of candidates) {
      if (!sameBytes(candidate.digest, trial.digest)) continue
      const mistakes = [...trial.mistakes, ...candidate.mistakes]
      if (mistakes.length > 0) return mistakes.join('; and ')
    }
  }
  return null
}

function* trialsOf(secret: string, id: string, timestamp: string, body: Buffer): Generator<Trial> {
  const contents = contentsOf(id, timestamp, body)
  for (const key of keysOf(secret)) {
    for (const content of contents) {
      const digest = createHmac('sha256', key.bytes).update(content.bytes).digest()
      yield { digest, mistakes: [...key.mistakes, ...content.mistakes] }
    }
  }
}

type Variant = { bytes: Buffer; mistakes: string[] }

function keysOf(secret: string): Variant[] {
  const encoded = secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret
  const decodeFirst = `base64-decode the part after ${SECRET_PREFIX} and use those bytes as the HMAC key`
  const variants: Variant[] = [
    { bytes: Buffer.from(encoded, 'base64'), mistakes: [] },
    {
      bytes: Buffer.from(encoded),
      mistakes: [`the sender used the secret's base64 text as the HMAC key: ${decodeFirst}`],
    },
    {
      bytes: Buffer.from(`${SECRET_PREFIX}${encoded}`),
      mistakes: [
        `the sender used the whole secret, ${SECRET_PREFIX} prefix included, as the HMAC key: ${decodeFirst}`,
      ],
    },
    {
      bytes: Buffer.from(`${SECRET_PREFIX}${encoded}`, 'base64'),
      mistakes: [
        `the sender base64-decoded the whole secret, ${SECRET_PREFIX} prefix included: decode only the part after ${SECRET_PREFIX}`,
      ],
    },
  ]
  return uniqueBytes(variants)
}

function contentsOf(id: string, timestamp: string, body: Buffer): Variant[] {
  const signed = (signedBody: Buffer) => Buffer.concat([Buffer.from(`${id}.${timestamp}.`), signedBody])
  const variants: Variant[] = [
    { bytes: signed(body), mistakes: [] },
    {
      bytes: body,
      mistakes: ['the sender signed the body alone: sign webhook-id.webhook-timestamp.body'],
    },
    {
      bytes: Buffer.concat([Buffer.from(`${timestamp}.${id}.`), body]),
      mistakes: ['the sender signed timestamp.id.body: the order is webhook-id.webhook-timestamp.body'],
    },
    ...bodyVariantsOf(body).map(({ bytes, mistakes }) => ({ bytes: signed(bytes), mistakes })),
  ]
  return uniqueBytes(variants)
}

/** Other serialisations of the body received, any of which the sender may have signed instead. */
function bodyVariantsOf(body: Buffer): Variant[] {
  const text = body.toString('utf8')
  const variants: Variant[] = []
  if (text.endsWith('\n')) {
    variants.push({
      bytes: Buffer.from(text.replace(/\r?\n$/, '')),
      mistakes: [`the body ends with a newline the sender did not sign: ${SIGN_EXACT_BYTES}`],
    })
  } else {
    variants.push({
      bytes: Buffer.from(`${text}\n`),
      mistakes: [`the sender signed the body with a trailing newline it did not send: ${SIGN_EXACT_BYTES}`],
    })
  }
  const json = parseJson(text)
  if (json === undefined) return variants
  const whitespace = `the sender signed the JSON with other whitespace than it sent (the body was re-serialised after signing): ${SIGN_EXACT_BYTES}`
  const keyOrder = `the sender signed the JSON with its keys in another order than it sent (the body was re-serialised after signing): ${SIGN_EXACT_BYTES}`
  const sorted = sortKeys(json)
  for (const indent of [0, 2, 4, '\t'] as const) {
    variants.push({ bytes: Buffer.from(JSON.stringify(json, null, indent)), mistakes: [whitespace] })
    variants.push({ bytes: Buffer.from(JSON.stringify(sorted, null, indent)), mistakes: [keyOrder] })
  }
  return variants.filter((variant) => !variant.bytes.equals(body))
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys)
  if (value === null || typeof value !== 'object') return value
  const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return Object.fromEntries(entries.map(([key, inner]) => [key, sortKeys(inner)]))
}

/** Keeps the first of variants with the same bytes: the one with the fewest mistakes comes first. */
function uniqueBytes(variants: Variant[]): Variant[] {
  const seen = new Set<string>()
  return variants.filter((variant) => {
    const key = variant.bytes.toString('base64')
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/** Each signature entry received, decoded to digest bytes, with what is wrong in its format. */
function candidatesOf(header: string): Candidate[] {
  const candidates: Candidate[] = []
  for (const entry of header.trim().split(/\s+/)) {
    const joined = entry.split(/,(?=v\d+,)/)
    const joinMistakes =
      joined.length > 1
        ? ['several signatures are joined by commas: separate the v1,<base64> entries with spaces']
        : []
    for (const part of joined) {
      const candidate = decodeEntry(part)
      if (candidate)
        candidates.push({ digest: candidate.digest, mistakes: [...joinMistakes, ...candidate.mistakes] })
    }
  }
  return candidates
}

function decodeEntry(entry: string): Candidate | null {
  const mistakes: string[] = []
  let payload = entry
  const labelled = /^([A-Za-z0-9_-]{1,20})([=,])(.{16,})$/.exec(entry)
  if (entry.startsWith('v1,')) {
    payload = entry.slice(3)
  } else if (labelled?.[3]) {
    payload = labelled[3]
    mistakes.push(`the signature starts "${labelled[1]}${labelled[2]}" instead of "v1,": send v1,<base64>`)
  } else {
    mistakes.push('the v1, prefix is missing: send v1,<base64>')
  }
  if (/^[0-9a-f]{64}$/i.test(payload)) {
    mistakes.push('the signature is a hex digest: send it base64-encoded, as v1,<base64>')
    return { digest: Buffer.from(payload, 'hex'), mistakes }
  }
  if (/[-_]/.test(payload)) {
    mistakes.push('the signature is base64url: send standard base64 (with + / and = padding)')
  } else if (payload.length === 43) {
    mistakes.push('the signature lacks its = padding: send standard base64')
  }
  const digest = Buffer.from(payload, 'base64')
  return digest.length === 32 ? { digest, mistakes } : null
}

function sameBytes(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b)
}
