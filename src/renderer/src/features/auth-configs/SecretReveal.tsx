import { CopyButton } from '../../components/CopyButton.tsx'
import { useAppStore } from '../../stores/index.ts'

/** The stored secret, masked until the user asks; fetched with ?reveal=true only then. */
export function SecretReveal({ id }: { id: string }) {
  const revealed = useAppStore((state) => state.revealedAuthSecrets[id])
  const reveal = useAppStore((state) => state.revealAuthSecret)
  const hide = useAppStore((state) => state.hideAuthSecret)
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
