import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { chmod, mkdir, open, readFile, stat } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fsyncDirectory, writeFileAtomic } from '../store/atomic-write.ts'
import { StoreError } from '../store/store-error.ts'
import { type SecretBox, sealedKindOf, sealedPrefixes } from './secret-box.ts'

export const KEY_FILE_NAME = 'secrets.key'

const KEY_BYTES = 32
const IV_BYTES = 12
const TAG_BYTES = 16
const PREFIX = sealedPrefixes['key-file']
/** Authenticating the prefix ties each ciphertext to this format version. */
const AAD = Buffer.from(PREFIX, 'utf8')
const BASE64URL = /^[A-Za-z0-9_-]*$/

export interface KeyFileBoxOptions {
  /** Where the "key file was too open" warning goes; stderr unless a test listens. */
  warn?: (message: string) => void
}

/**
 * The headless SecretBox: AES-256-GCM under a random 32-byte key kept in `<dataDir>/secrets.key`
 * (mode 0600). Anyone who can read the data dir as this user can read the secrets — the point is
 * that config.json, exports and backups of it alone do not reveal them.
 */
export async function openKeyFileBox(dataDir: string, options: KeyFileBoxOptions = {}): Promise<SecretBox> {
  await mkdir(dataDir, { recursive: true, mode: 0o700 })
  const keyPath = join(dataDir, KEY_FILE_NAME)
  const key = await loadOrCreateKey(keyPath, options.warn ?? warnOnStderr)
  return keyFileBox(key, keyPath)
}

function keyFileBox(key: Buffer, keyPath: string): SecretBox {
  return {
    kind: 'key-file',
    seal(plain) {
      const iv = randomBytes(IV_BYTES)
      const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES })
      cipher.setAAD(AAD)
      const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
      return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString('base64url')
    },
    open(sealed) {
      if (!sealed.startsWith(PREFIX)) throw cannotOpen(sealed, keyPath)
      const body = sealed.slice(PREFIX.length)
      const bytes = BASE64URL.test(body) ? Buffer.from(body, 'base64url') : Buffer.alloc(0)
      if (bytes.length < IV_BYTES + TAG_BYTES) throw undecryptable(keyPath)
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, IV_BYTES), {
          authTagLength: TAG_BYTES,
        })
        decipher.setAAD(AAD)
        decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES))
        const plain = Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()])
        return plain.toString('utf8')
      } catch {
        // GCM's tag check failed: another key, or the value was altered. Never return garbage.
        throw undecryptable(keyPath)
      }
    },
    isSealed(value) {
      return value.startsWith(PREFIX)
    },
  }
}

async function loadOrCreateKey(keyPath: string, warn: (message: string) => void): Promise<Buffer> {
  try {
    return await createKey(keyPath)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
  }
  await tightenPermissions(keyPath, warn)
  const key = await readFile(keyPath)
  if (key.length === KEY_BYTES) return key
  if (key.length === 0) {
    // A crash between creating the file and writing the key: nothing can have been sealed with a
    // key that never existed, so writing a new one loses nothing.
    const fresh = randomBytes(KEY_BYTES)
    await writeFileAtomic(keyPath, fresh, 0o600)
    return fresh
  }
  throw StoreError.corrupt(keyPath, `it holds ${key.length} bytes instead of a ${KEY_BYTES}-byte key`)
}

/** 'wx' + 0600: the file is created exclusively and is never readable by others, not even briefly. */
async function createKey(keyPath: string): Promise<Buffer> {
  const key = randomBytes(KEY_BYTES)
  const handle = await open(keyPath, 'wx', 0o600)
  try {
    await handle.writeFile(key)
    await handle.sync()
  } finally {
    await handle.close()
  }
  await fsyncDirectory(dirname(keyPath))
  return key
}

const warned = new Set<string>()

async function tightenPermissions(keyPath: string, warn: (message: string) => void): Promise<void> {
  if (process.platform === 'win32') return // no POSIX mode bits; the profile folder's ACL protects it
  const mode = (await stat(keyPath)).mode & 0o777
  if ((mode & 0o077) === 0) return
  let outcome: string
  try {
    await chmod(keyPath, 0o600)
    outcome = 'Hookbench changed it to 0600 (owner only)'
  } catch (error) {
    outcome = `Hookbench could not change it (${(error as Error).message}); run: chmod 600 ${keyPath}`
  }
  if (warned.has(keyPath)) return
  warned.add(keyPath)
  warn(
    `Warning: the secrets key ${keyPath} was readable by other users (mode ${mode.toString(8)}); ${outcome}.`,
  )
}

function warnOnStderr(message: string): void {
  process.stderr.write(`${message}\n`)
}

function cannotOpen(value: string, keyPath: string): StoreError {
  if (sealedKindOf(value) === 'os-keychain') {
    return new StoreError(
      'store_corrupt',
      keyPath,
      'This secret was encrypted with the OS keychain by the Hookbench desktop app, so headless mode ' +
        'cannot decrypt it: open this data folder in the desktop app, or enter the secret again.',
    )
  }
  return new StoreError('store_corrupt', keyPath, 'This value is not an encrypted Hookbench secret.')
}

function undecryptable(keyPath: string): StoreError {
  return new StoreError(
    'store_corrupt',
    keyPath,
    `A secret cannot be decrypted with this data dir's key (${keyPath}): it was encrypted with another ` +
      'key or has been altered. Hookbench changed nothing: restore the secrets.key that belongs with ' +
      'this data, or enter the secret again.',
  )
}

/**
 * The desktop app seals with the OS keychain; a data folder that `hookbench serve` used before
 * also holds values sealed with its key file. This box seals with `primary` and opens either
 * kind, so the same workspace works in both modes on this machine.
 */
export async function withKeyFileFallback(primary: SecretBox, dataDir: string): Promise<SecretBox> {
  if (!existsSync(join(dataDir, KEY_FILE_NAME))) return primary
  const keyFile = await openKeyFileBox(dataDir)
  return {
    kind: primary.kind,
    seal: (plain) => primary.seal(plain),
    isSealed: (value) => primary.isSealed(value) || keyFile.isSealed(value),
    open: (sealed) => (keyFile.isSealed(sealed) ? keyFile.open(sealed) : primary.open(sealed)),
  }
}
