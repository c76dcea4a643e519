import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { StoreError } from '../store/store-error.ts'
import { KEY_FILE_NAME } from './key-file-box.ts'
import { mapSealed } from './redaction.ts'
import { type SecretBox, type SecretBoxKind, sealedKindOf } from './secret-box.ts'

export interface StoredSecretsCheck {
  dataDir: string
  /** config.json, named in the message. */
  configPath: string
  /** Headless mode created secrets.key just now: the data folder came without one. */
  keyFileCreated: boolean
  /** Where a secret that alone cannot be opened is reported (start goes on). */
  warn?: (message: string) => void
}

/**
 * Opens every sealed secret of the configuration once, at start. When none of those sealed with a
 * key can be opened, the key is not this data folder's (another machine's secrets.key, a damaged
 * one, none at all, another OS user's keychain): Hookbench refuses to start, naming the file and
 * what to do, instead of starting and failing every delivery, reveal and token request later.
 * A single value that does not open while others do is damaged, not the key: a warning names it.
 */
export async function checkStoredSecrets(
  config: unknown,
  box: SecretBox,
  check: StoredSecretsCheck,
): Promise<void> {
  const failed: Record<SecretBoxKind, string[]> = { 'key-file': [], 'os-keychain': [] }
  const opened: Record<SecretBoxKind, number> = { 'key-file': 0, 'os-keychain': 0 }
  mapSealed(config, (sealed, path) => {
    const kind = sealedKindOf(sealed)
    // Headless mode cannot open the desktop keychain's values at all; each says so when used.
    if (kind === null || (kind === 'os-keychain' && box.kind !== 'os-keychain')) return sealed
    try {
      box.open(sealed)
      opened[kind]++
    } catch {
      failed[kind].push(path)
    }
    return sealed
  })

  const keyPath = join(check.dataDir, KEY_FILE_NAME)
  if (failed['key-file'].length > 0 && opened['key-file'] === 0) {
    // A key created just now sealed nothing: leave the folder as it came, so the right key can be put back.
    if (check.keyFileCreated) await rm(keyPath, { force: true })
    throw wrongKey(keyPath, check, failed['key-file'].length)
  }
  if (failed['os-keychain'].length > 0 && opened['os-keychain'] === 0) {
    throw new StoreError(
      'store_corrupt',
      check.configPath,
      `The secrets in ${check.configPath} cannot be decrypted with this user's OS keychain: they were ` +
        'encrypted by Hookbench for another user or on another machine.\n' +
        'Open this data folder there, export the workspace with secrets and import it here; Hookbench changed nothing.',
    )
  }
  const damaged = [...failed['key-file'], ...failed['os-keychain']]
  if (damaged.length > 0) {
    const warn = check.warn ?? ((message: string) => console.warn(`[hookbench] ${message}`))
    warn(
      `${damaged.length === 1 ? '1 secret' : `${damaged.length} secrets`} in ${check.configPath} cannot be ` +
        `decrypted (damaged?): ${damaged.join(', ')}. Enter ${damaged.length === 1 ? 'it' : 'them'} again.`,
    )
  }
}

function wrongKey(keyPath: string, check: StoredSecretsCheck, count: number): StoreError {
  const secrets = count === 1 ? 'the secret' : `the ${count} secrets`
  const problem = check.keyFileCreated
    ? `There was no ${KEY_FILE_NAME} in ${check.dataDir}, but ${check.configPath} holds secrets encrypted ` +
      'with one: the data folder was copied without it.'
    : `${keyPath} cannot decrypt ${secrets} in ${check.configPath}: it is another machine's or data ` +
      "folder's key, or it is damaged."
  return new StoreError(
    'store_corrupt',
    keyPath,
    `${problem}\nPut back the ${KEY_FILE_NAME} that belongs with this data folder (from the machine or backup ` +
      'it came from), or run `hookbench export --secrets` there and import the file into a new data folder ' +
      'here. Hookbench changed nothing.',
  )
}
