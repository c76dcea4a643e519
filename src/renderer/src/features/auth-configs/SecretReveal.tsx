import { useAppStore } from '../../state/index.ts'
import { CopyButton } from '../../ui/CopyButton.tsx'

/**
 * The stored secret, masked until the user asks; fetched with ?reveal=true only then. `missing`:
 * nothing is stored (an imported workspace left it out), which must not look like a set secret.
 */
export function SecretReveal({ id, missing = false }: { id: string; missing?: boolean }) {
  const revealed = useAppStore((state) => state.revealedAuthSecrets[id])
  const reveal = useAppStore((state) => state.revealAuthSecret)
  const hide = useAppStore((state) => state.hideAuthSecret)
  if (missing) {
    return (
      <p className="field-error" data-testid="auth-secret-missing">
        No secret stored (the imported workspace left it out): enter it again and save.
      </p>
    )
  }
  return (
    <div className="secret-line">
      <span className="muted">Stored:</span>
      <code className="secret-value" data-testid="auth-secret">
        {revealed ?? '••••'}
      </code>
      {revealed === undefined ? (
        <button type="button" className="button button-small" onClick={() => void reveal(id)}>
          Reveal
        </button>
      ) : (
        <>
          <CopyButton text={revealed} />
          <button type="button" className="button button-small" onClick={() => hide(id)}>
            Hide
          </button>
        </>
      )}
    </div>
  )
}
