import { REDACTED } from '../../shared/redacted.ts'

/**
 * The one interface every secret at rest goes through (secret header values, basic-auth and OAuth
 * client secrets, signing secrets). Headless mode uses a key file in the data dir; the desktop app
 * supplies an Electron `safeStorage` box from src/main/app, since core never imports electron.
 */
export interface SecretBox {
  readonly kind: SecretBoxKind
  /** Encrypts `plain`; two seals of the same value differ (random IV / nonce per value). */
  seal(plain: string): string
  /** Decrypts a value from `seal`. Throws StoreError 'store_corrupt' rather than return garbage. */
  open(sealed: string): string
  /** True when `value` is in this box's sealed format (its prefix), so it must not be sealed again. */
  isSealed(value: string): boolean
}

export type SecretBoxKind = 'key-file' | 'os-keychain'

/** Each kind's format prefix, versioned so the cipher can change without guessing. */
export const sealedPrefixes: Readonly<Record<SecretBoxKind, string>> = {
  'key-file': 'hbk1:',
  'os-keychain': 'hbos1:',
}

/** Which kind of box sealed `value`, or null if it is not a sealed value at all. */
export function sealedKindOf(value: string): SecretBoxKind | null {
  if (value.startsWith(sealedPrefixes['key-file'])) return 'key-file'
  if (value.startsWith(sealedPrefixes['os-keychain'])) return 'os-keychain'
  return null
}

export { REDACTED }

/**
 * What an API/IPC response, log line or export shows instead of a secret. An empty secret stays
 * empty so the UI can tell "not set" from "set"; null/undefined mean "no such field".
 */
export function redact(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null
  return value === '' ? '' : REDACTED
}

/**
 * The same box, remembering what it opened (bounded): for hot paths such as delivery, where the
 * same signing secret would otherwise be decrypted on every attempt. Plaintext stays in memory
 * only as long as the process runs, as it would while in use anyway.
 */
export function withOpenCache(box: SecretBox, maxEntries = 256): SecretBox {
  const opened = new Map<string, string>()
  return {
    kind: box.kind,
    seal: (plain) => box.seal(plain),
    isSealed: (value) => box.isSealed(value),
    open(sealed) {
      const cached = opened.get(sealed)
      if (cached !== undefined) return cached
      const plain = box.open(sealed)
      if (opened.size >= maxEntries) opened.delete(opened.keys().next().value as string)
      opened.set(sealed, plain)
      return plain
    },
  }
}
