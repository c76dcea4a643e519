import type { TokenRequest, TokenRequestOutcome } from '../../../../shared/domain/oauth-client.ts'
import { useAppStore } from '../../state/index.ts'
import { formatTime } from '../../ui/format.ts'
import { TableHead } from '../../ui/TableHead.tsx'
import { tokenCurl } from './emulator-urls.ts'

const OUTCOME_LABELS: Record<TokenRequestOutcome, string> = {
  issued: 'Issued',
  invalid_request: 'Invalid request',
  invalid_client: 'Invalid client',
  unsupported_grant_type: 'Unsupported grant',
  invalid_scope: 'Invalid scope',
  injected_failure: 'Injected failure',
}

/** The token server's recent requests, newest first, as last loaded (the card's Reload fetches again). */
export function TokenRequestsTable({ receiverUrl }: { receiverUrl: string | null }) {
  const requests = useAppStore((state) => state.tokenRequests)

  if (requests.error) {
    return (
      <p className="inline-error" role="alert">
        Could not read the token requests: {requests.error.message}{' '}
        <code className="error-code">{requests.error.code}</code>
      </p>
    )
  }
  if (!requests.value) return <p className="muted">Reading the token requests…</p>
  if (requests.value.length === 0) {
    return (
      <div className="settings-empty">
        <p>
          No token requests yet. Each <code>POST /oauth2/token</code> is listed here, newest first, with what
          it was told.
        </p>
        {receiverUrl ? (
          <pre className="settings-curl">
            <code>{tokenCurl(receiverUrl, '<client_id>', '<client_secret>', '<scope>')}</code>
          </pre>
        ) : null}
      </div>
    )
  }
  return (
    <table className="data-table" aria-label="Token requests">
      <TableHead columns={['Time', 'Client ID', 'Scope', 'Outcome', ['Status', 'is-number']]} />
      <tbody>
        {requests.value.map((request) => (
          <TokenRequestRow key={request.id} request={request} />
        ))}
      </tbody>
    </table>
  )
}

function TokenRequestRow({ request }: { request: TokenRequest }) {
  const scope = request.granted_scope ?? request.scope
  const ok = request.outcome === 'issued'
  return (
    <tr>
      <td className="cell-time">
        <time dateTime={request.at} title={new Date(request.at).toLocaleString()}>
          {formatTime(request.at)}
        </time>
      </td>
      <td>{request.client_id ? <code>{request.client_id}</code> : <span className="muted">none</span>}</td>
      <td>{scope ? <code>{scope}</code> : <span className="muted">—</span>}</td>
      <td>
        <span className={ok ? 'text-ok' : 'text-danger'} title={request.detail ?? undefined}>
          {OUTCOME_LABELS[request.outcome]}
        </span>
        {request.detail && !ok ? <span className="settings-detail">{request.detail}</span> : null}
      </td>
      <td className="is-number">{request.status}</td>
    </tr>
  )
}
