import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { KEY_FILE_NAME, openKeyFileBox } from '../../../../src/core/secrets/key-file-box.ts'
import { REDACTED, redact, type SecretBox } from '../../../../src/core/secrets/secret-box.ts'
import { StoreError } from '../../../../src/core/store/store-error.ts'
import { tempDirsPerTest } from '../../../helpers/temp-dir.ts'

const tempDir = tempDirsPerTest()
const posixOnly = it.skipIf(process.platform === 'win32')

function openFailure(box: SecretBox, sealed: string): StoreError {
  try {
    box.open(sealed)
  } catch (error) {
    if (error instanceof StoreError) return error
    throw error
  }
  throw new Error('expected open() to throw')
}

/** Flips one bit in the decoded bytes at `index` (iv: 0–11, tag: 12–27, ciphertext: 28–). */
function flipByte(sealed: string, index: number): string {
  const bytes = Buffer.from(sealed.slice('hbk1:'.length), 'base64url')
  bytes[index] = (bytes[index] ?? 0) ^ 0x01
  return `hbk1:${bytes.toString('base64url')}`
}

describe('key-file secret box', () => {
  posixOnly('creates a 32-byte key file readable only by the owner', async () => {
    const dataDir = tempDir()
    const box = await openKeyFileBox(dataDir)

    const keyPath = join(dataDir, KEY_FILE_NAME)
    expect(box.kind).toBe('key-file')
    expect(statSync(keyPath).mode & 0o777).toBe(0o600)
    expect(readFileSync(keyPath)).toHaveLength(32)
  })

  it('round-trips values, and a reopened data dir still opens them', async () => {
    const dataDir = tempDir()
    const box = await openKeyFileBox(dataDir)
    const values = ['whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', 'pässwörd 🔑', '']

    const sealed = values.map((value) => box.seal(value))

    expect(sealed.every((value) => value.startsWith('hbk1:'))).toBe(true)
    expect(sealed.map((value) => box.open(value))).toEqual(values)
    const reopened = await openKeyFileBox(dataDir)
    expect(sealed.map((value) => reopened.open(value))).toEqual(values)
  })

  it('never seals the same value the same way twice, and never shows it', async () => {
    const box = await openKeyFileBox(tempDir())

    const first = box.seal('s3cret-value')
    const second = box.seal('s3cret-value')

    expect(first).not.toBe(second)
    expect(first).not.toContain('s3cret')
    expect(box.isSealed(first)).toBe(true)
    expect(box.isSealed('s3cret-value')).toBe(false)
  })

  it("refuses a value sealed under another data dir's key with store_corrupt", async () => {
    const mine = await openKeyFileBox(tempDir())
    const theirs = await openKeyFileBox(tempDir())

    const error = openFailure(mine, theirs.seal('not yours'))

    expect(error.code).toBe('store_corrupt')
    expect(error.message).toMatch(/cannot be decrypted with this data dir's key/)
  })

  it('detects tampering with the iv, the tag, the ciphertext or the length', async () => {
    const box = await openKeyFileBox(tempDir())
    const sealed = box.seal('a secret of some length')

    for (const tampered of [
      flipByte(sealed, 0),
      flipByte(sealed, 20),
      flipByte(sealed, 30),
      sealed.slice(0, -4),
      'hbk1:',
      'hbk1:not*base64',
    ]) {
      expect(openFailure(box, tampered).code).toBe('store_corrupt')
    }
  })

  it('says so when asked to open a value it did not seal', async () => {
    const box = await openKeyFileBox(tempDir())

    expect(openFailure(box, 'hbos1:AAAA').message).toMatch(/OS keychain by the Hookbench desktop app/)
    expect(openFailure(box, 'plain text').message).toMatch(/not an encrypted Hookbench secret/)
  })

  posixOnly('tightens a key file others can read to 0600 and warns once', async () => {
    const dataDir = tempDir()
    const sealed = (await openKeyFileBox(dataDir)).seal('kept')
    const keyPath = join(dataDir, KEY_FILE_NAME)
    chmodSync(keyPath, 0o644)
    const warnings: string[] = []

    const box = await openKeyFileBox(dataDir, { warn: (message) => warnings.push(message) })
    await openKeyFileBox(dataDir, { warn: (message) => warnings.push(message) })

    expect(statSync(keyPath).mode & 0o777).toBe(0o600)
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toContain(keyPath)
    expect(warnings[0]).toContain('0600')
    expect(box.open(sealed)).toBe('kept')
  })

  it('refuses a key file of the wrong size and leaves it alone', async () => {
    const dataDir = tempDir()
    const keyPath = join(dataDir, KEY_FILE_NAME)
    writeFileSync(keyPath, 'short', { mode: 0o600 })

    const error = await openKeyFileBox(dataDir).catch((caught: unknown) => caught)

    expect(error).toBeInstanceOf(StoreError)
    expect(error).toMatchObject({ code: 'store_corrupt', file: keyPath })
    expect(readFileSync(keyPath, 'utf8')).toBe('short')
  })

  it('replaces an empty key file left by a crash during creation', async () => {
    const dataDir = tempDir()
    const keyPath = join(dataDir, KEY_FILE_NAME)
    writeFileSync(keyPath, '', { mode: 0o600 })

    const box = await openKeyFileBox(dataDir)

    expect(readFileSync(keyPath)).toHaveLength(32)
    expect(box.open(box.seal('x'))).toBe('x')
  })
})

describe('redact', () => {
  it('hides every non-empty secret and keeps absent ones absent', () => {
    expect(redact('whsec_abc')).toBe(REDACTED)
    expect(REDACTED).toBe('••••')
    expect(redact('')).toBe('')
    expect(redact(null)).toBeNull()
    expect(redact(undefined)).toBeNull()
  })
})
