import type { Subscription } from '../../../../../shared/domain/subscription.ts'
import { useAppStore } from '../../../state/index.ts'
import { CopyButton } from '../../../ui/CopyButton.tsx'
import { FormRow, invalidProps } from '../../../ui/FormRow.tsx'
import { formatDateTime } from '../../../ui/format.ts'
import type { SigningMode } from '../draft.ts'

interface SigningFieldProps {
  mode: SigningMode
  secret: string
  /** The saved subscription, when editing one. */
  saved: Subscription | null
  error: string | undefined
  onChange: (patch: { signingMode?: SigningMode; signingSecret?: string }) => void
}

const NEW_OPTIONS: ReadonlyArray<{ mode: SigningMode; label: string }> = [
  { mode: 'none', label: 'None' },
  { mode: 'generate', label: 'Generate' },
  { mode: 'paste', label: 'Paste' },
]
const SIGNED_OPTIONS: ReadonlyArray<{ mode: SigningMode; label: string }> = [
  { mode: 'keep', label: 'Keep' },
  { mode: 'paste', label: 'Replace' },
  { mode: 'none', label: 'Remove' },
]

/** Standard Webhooks signing: webhook-id, webhook-timestamp and webhook-signature on every delivery. */
export function SigningField({ mode, secret, saved, error, onChange }: SigningFieldProps) {
  const signed = saved?.signing != null
  const options = signed ? SIGNED_OPTIONS : NEW_OPTIONS
  return (
    <FormRow
      label="Signing"
      labelId="signing-label"
      error={error}
      hint="Receivers verify the webhook-signature header with the secret (any Standard Webhooks library)."
    >
      <div className="segmented" role="radiogroup" aria-labelledby="signing-label">
        {options.map((option) => (
          <label key={option.mode} className="segment">
            <input
              type="radio"
              name="signing"
              value={option.mode}
              checked={mode === option.mode}
              onChange={() => onChange({ signingMode: option.mode })}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
      {mode === 'generate' ? (
        <p className="field-hint">A new whsec_ secret is generated when you save.</p>
      ) : null}
      {mode === 'paste' ? (
        <input
          id="signing-secret"
          className="text-input fill-width text-mono"
          aria-label="Signing secret"
          placeholder="whsec_…"
          autoComplete="off"
          spellCheck={false}
          value={secret}
          onChange={(event) => onChange({ signingSecret: event.target.value })}
          {...invalidProps('signing', error)}
        />
      ) : null}
      {mode === 'none' && signed ? (
        <p className="field-hint">Deliveries are sent unsigned after you save.</p>
      ) : null}
      {saved && signed ? <SavedSecret subscription={saved} /> : null}
    </FormRow>
  )
}

function SavedSecret({ subscription }: { subscription: Subscription }) {
  const shown = useAppStore((state) =>
    state.signingSecret?.subscriptionId === subscription.id ? state.signingSecret : null,
  )
  const action = useAppStore((state) => state.signingAction)
  const rotate = useAppStore((state) => state.rotateSigningSecret)
  const reveal = useAppStore((state) => state.revealSigningSecret)
  const hide = useAppStore((state) => state.hideSigningSecret)
  const busy = action.status === 'saving'
  const previous = subscription.signing?.previous ?? []

  if (subscription.signing?.secret === '') {
    return (
      <p className="field-error" data-testid="signing-secret-missing">
        No signing secret stored (the imported workspace left it out): deliveries fail until you choose
        Replace and paste it.
      </p>
    )
  }
  return (
    <div className="subs-secret-box">
      <div className="secret-line">
        <code className="secret-value" data-testid="signing-secret">
          {shown ? shown.secret : '•••• (hidden)'}
        </code>
        {shown ? (
          <>
            <CopyButton text={shown.secret} />
            <button type="button" className="button button-small" onClick={hide}>
              Hide
            </button>
          </>
        ) : (
          <button
            type="button"
            className="button button-small"
            disabled={busy}
            onClick={() => void reveal(subscription.id)}
          >
            Reveal
          </button>
        )}
        <button
          type="button"
          className="button button-small"
          disabled={busy}
          onClick={() => void rotate(subscription.id)}
        >
          {busy ? 'Working…' : 'Rotate'}
        </button>
      </div>
      {shown?.reason === 'rotated' ? (
        <p className="notice is-ok" role="status">
          New secret — copy it now to update your receiver. The previous one keeps signing for 24 h.
        </p>
      ) : null}
      {previous.length > 0 ? (
        <p className="field-hint">
          Also signing with {previous.length} previous {previous.length === 1 ? 'secret' : 'secrets'} until{' '}
          {previous.map((item) => formatDateTime(item.expires_at)).join(', ')}.
        </p>
      ) : null}
      {action.status === 'error' ? (
        <p className="field-error" role="alert">
          {action.error?.message}
        </p>
      ) : null}
    </div>
  )
}
