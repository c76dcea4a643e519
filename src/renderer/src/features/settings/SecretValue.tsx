import { CopyButton } from '../../ui/CopyButton.tsx'

interface SecretValueProps {
  /** The secret when revealed; undefined while it is masked. */
  revealed: string | undefined
  /** Names the secret for assistive technology: "Reveal the secret of demo". */
  owner: string
  onReveal: () => void
  onHide: () => void
}

/** A secret shown as •••• until the user asks; it is fetched only then (`?reveal=true`). */
export function SecretValue({ revealed, owner, onReveal, onHide }: SecretValueProps) {
  if (revealed === undefined) {
    return (
      <span className="settings-secret">
        <code className="settings-secret-value">••••</code>
        <button
          type="button"
          className="button button-small"
          aria-label={`Reveal the secret of ${owner}`}
          onClick={onReveal}
        >
          Reveal
        </button>
      </span>
    )
  }
  return (
    <span className="settings-secret">
      <code className="settings-secret-value" data-testid="revealed-secret">
        {revealed === '' ? '(not set: enter it again)' : revealed}
      </code>
      {revealed ? <CopyButton text={revealed} /> : null}
      <button
        type="button"
        className="button button-small"
        aria-label={`Hide the secret of ${owner}`}
        onClick={onHide}
      >
        Hide
      </button>
    </span>
  )
}
