import { useEffect } from 'react'
import type { OAuthServerState } from '../../../../shared/domain/oauth-client.ts'
import { useAppStore } from '../../state/index.ts'
import { formatCount, plural } from '../../ui/format.ts'
import { tokenUrlOf } from './emulator-urls.ts'
import { OAuthFailureForm } from './OAuthFailureForm.tsx'
import { SettingsCard } from './SettingsCard.tsx'
import { SettingsRow } from './SettingsRow.tsx'
import { TokenRequestsTable } from './TokenRequestsTable.tsx'
import { TokenTtlForm } from './TokenTtlForm.tsx'

/** The mock OAuth2 client-credentials server on the receiver: its URL, TTL, failure mode, tokens and log. */
export function OAuthServerCard() {
  const server = useAppStore((state) => state.oauthServer)
  const requestsLoading = useAppStore((state) => state.tokenRequests.status === 'loading')
  const receiverUrl = useAppStore((state) => state.health.value?.receiver_url ?? null)
  const loadOAuthServer = useAppStore((state) => state.loadOAuthServer)
  const loading = server.status === 'loading' || requestsLoading

  // Tokens expire and requests arrive while the page is closed: fresh figures on every visit.
  useEffect(() => {
    void loadOAuthServer()
  }, [loadOAuthServer])

  const reload = (
    <button
      type="button"
      className="button button-small"
      disabled={loading}
      onClick={() => void loadOAuthServer()}
    >
      {loading ? 'Reloading…' : 'Reload'}
    </button>
  )

  return (
    <SettingsCard
      id="oauth-server"
      title="Mock OAuth2 server"
      description="A client-credentials token server on the receiver, for testing OAuth flows offline."
      actions={reload}
    >
      <dl className="settings-list">
        <SettingsRow label="Token URL" copy={receiverUrl ? tokenUrlOf(receiverUrl) : null}>
          {receiverUrl ? (
            <code>{tokenUrlOf(receiverUrl)}</code>
          ) : (
            <span className="muted">Receiver not listening</span>
          )}
        </SettingsRow>
        {server.value ? <ActiveTokensRow active={server.value.issued_active} /> : null}
      </dl>
      {server.error ? (
        <p className="inline-error" role="alert">
          Could not read the token server’s state: {server.error.message}{' '}
          <code className="error-code">{server.error.code}</code>
        </p>
      ) : null}
      {server.value ? (
        <ServerForms state={server.value} />
      ) : server.error ? null : (
        <p className="muted">Loading…</p>
      )}
      <h3 className="panel-title">Recent token requests</h3>
      <TokenRequestsTable receiverUrl={receiverUrl} />
    </SettingsCard>
  )
}

function ServerForms({ state }: { state: OAuthServerState }) {
  return (
    <>
      <TokenTtlForm saved={state.token_ttl_s} />
      <OAuthFailureForm saved={state.failure} />
    </>
  )
}

function ActiveTokensRow({ active }: { active: number }) {
  const expire = useAppStore((state) => state.oauthExpire)
  const expireOAuthTokens = useAppStore((state) => state.expireOAuthTokens)
  const working = expire.status === 'saving'
  return (
    <SettingsRow
      label="Active tokens"
      actions={
        <>
          <span className="form-status" role="status">
            {expire.status === 'saved' && expire.expired !== null
              ? `Expired ${plural(expire.expired, 'token')}.`
              : ''}
            {expire.status === 'error' && expire.error ? `Could not expire: ${expire.error.message}` : ''}
          </span>
          <button
            type="button"
            className="button button-small button-quiet-danger"
            disabled={working}
            onClick={() => void expireOAuthTokens()}
          >
            {working ? 'Expiring…' : 'Expire all tokens now'}
          </button>
        </>
      }
    >
      <span data-testid="active-tokens">{formatCount(active)}</span>
      <span className="muted"> issued and not yet expired</span>
    </SettingsRow>
  )
}
