import { useId } from 'react'
import type { ErrorBody } from '../../../../shared/errors.ts'
import type { BinDraft } from './bin-draft.ts'
import { FieldMessage } from './FieldMessage.tsx'

interface VerifyFieldsProps {
  draft: BinDraft
  onChange: (change: Partial<BinDraft>) => void
  error: ErrorBody | null
}

/**
 * What the bin expects of senders. Stored secrets show as •••• and are kept as long as the field
 * is left as it is; typing a new value replaces them.
 */
export function VerifyFields({ draft, onChange, error }: VerifyFieldsProps) {
  const id = useId()
  const { basic, bearer, standardWebhooks } = draft
  return (
    <fieldset className="inbox-fieldset">
      <legend>Verification</legend>
      <p className="field-hint">Each capture records whether these checks passed, and why not.</p>

      <label className="check">
        <input
          type="checkbox"
          checked={basic.on}
          onChange={(event) => onChange({ basic: { ...basic, on: event.target.checked } })}
        />
        Basic credentials
      </label>
      {basic.on ? (
        <div className="inbox-step-row">
          <label className="inbox-inline">
            <span>Username</span>
            <input
              className="text-input"
              value={basic.username}
              autoComplete="off"
              onChange={(event) => onChange({ basic: { ...basic, username: event.target.value } })}
            />
          </label>
          <label className="inbox-inline">
            <span>Password</span>
            <input
              className="text-input"
              type="password"
              value={basic.password}
              autoComplete="new-password"
              onChange={(event) => onChange({ basic: { ...basic, password: event.target.value } })}
            />
          </label>
        </div>
      ) : null}
      <FieldMessage error={error} field="verify.basic" />

      <label className="check">
        <input
          type="checkbox"
          checked={bearer.on}
          onChange={(event) => onChange({ bearer: { ...bearer, on: event.target.checked } })}
        />
        Bearer token
      </label>
      {bearer.on ? (
        // Either a fixed token or whatever the mock OAuth2 server issued: one choice, two answers.
        <div className="segmented segmented-small" role="radiogroup" aria-label="Bearer tokens accepted">
          {([false, true] as const).map((mockOAuth) => (
            <label key={String(mockOAuth)} className="segment">
              <input
                type="radio"
                name={`${id}-bearer`}
                checked={bearer.mockOAuth === mockOAuth}
                onChange={() => onChange({ bearer: { ...bearer, mockOAuth } })}
              />
              <span>{mockOAuth ? 'Any mock OAuth token' : 'This token'}</span>
            </label>
          ))}
        </div>
      ) : null}
      {bearer.on && bearer.mockOAuth ? (
        <p className="field-hint">
          Any token the mock OAuth2 server issued (POST /oauth2/token on the receiver, for a client registered
          under Settings) and that has not expired.
        </p>
      ) : null}
      {bearer.on && !bearer.mockOAuth ? (
        <label className="inbox-inline">
          <span>Token</span>
          <input
            className="text-input"
            type="password"
            value={bearer.token}
            autoComplete="off"
            onChange={(event) => onChange({ bearer: { ...bearer, token: event.target.value } })}
          />
        </label>
      ) : null}
      <FieldMessage error={error} field="verify.bearer" />

      <label className="check">
        <input
          type="checkbox"
          checked={standardWebhooks.on}
          onChange={(event) =>
            onChange({ standardWebhooks: { ...standardWebhooks, on: event.target.checked } })
          }
        />
        Standard Webhooks signature
      </label>
      {standardWebhooks.on ? (
        <label className="inbox-inline" htmlFor={`${id}-secret`}>
          <span>Secret</span>
          <input
            id={`${id}-secret`}
            className="text-input inbox-wide"
            type="password"
            placeholder="whsec_…"
            value={standardWebhooks.secret}
            autoComplete="off"
            onChange={(event) =>
              onChange({ standardWebhooks: { ...standardWebhooks, secret: event.target.value } })
            }
          />
        </label>
      ) : null}
      <FieldMessage error={error} field="verify.standard_webhooks" />

      <label className="check">
        <input
          type="checkbox"
          checked={draft.enforce}
          onChange={(event) => onChange({ enforce: event.target.checked })}
        />
        Answer 401 when a check fails (instead of the response above)
      </label>
    </fieldset>
  )
}
