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
  const shown = revealed !== undefined
  const action = shown ? 'Hide' : 'Reveal'
  return (
    <span className="settings-secret">
      <code className="settings-secret-value" data-testid={shown ? 'revealed-secret' : undefined}>
        {!shown ? '••••' : revealed === '' ? '(not set: enter it again)' : revealed}
      </code>
      {revealed ? <CopyButton text={revealed} /> : null}
      <button
        type="button"
        className="button button-small"
        aria-label={`${action} the secret of ${owner}`}
        onClick={shown ? onHide : onReveal}
      >
        {action}
      </button>
    </span>
  )
}
