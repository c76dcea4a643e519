import { safeStorage } from 'electron'
import { type SecretBox, StoreError, sealedPrefixes } from '../../core/index.ts'

const PREFIX = sealedPrefixes['os-keychain']

/**
 * Secrets at rest through the OS keychain (Keychain, DPAPI, libsecret/kwallet) via Electron's
 * safeStorage. Null when the OS offers no real keychain — on Linux without a secret service
 * safeStorage falls back to a hard-coded password ("basic_text"), which is no protection — so the
 * caller uses the data folder's key file instead and says so.
 */
export function openSafeStorageBox(configPath: string): SecretBox | null {
  if (!safeStorage.isEncryptionAvailable()) return null
  if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') return null
  return {
    kind: 'os-keychain',
    seal: (plain) => `${PREFIX}${safeStorage.encryptString(plain).toString('base64url')}`,
    isSealed: (value) => value.startsWith(PREFIX),
    open(sealed) {
      if (!sealed.startsWith(PREFIX)) {
        const hint = sealed.startsWith(sealedPrefixes['key-file'])
          ? 'it was sealed by `hookbench serve` with the data folder key file'
          : 'it is not a sealed value'
        throw new StoreError(
          'store_corrupt',
          configPath,
          `A secret in ${configPath} cannot be opened here: ${hint}.`,
        )
      }
      try {
        return safeStorage.decryptString(Buffer.from(sealed.slice(PREFIX.length), 'base64url'))
      } catch {
        throw new StoreError(
          'store_corrupt',
          configPath,
          `A secret in ${configPath} cannot be decrypted with this user's OS keychain (another user or machine?).`,
        )
      }
    },
  }
}
