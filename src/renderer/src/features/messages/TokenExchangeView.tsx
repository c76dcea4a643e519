import type { TokenExchange } from '../../../../shared/domain/message.ts'
import { BodyView } from './BodyView.tsx'
import { HeaderTable } from './HeaderTable.tsx'

/** The OAuth2 client-credentials exchange this attempt needed; secrets masked unless revealed. */
export function TokenExchangeView({ exchange, revealed }: { exchange: TokenExchange; revealed: boolean }) {
  return (
    <section className="messages-attempt-section" aria-label="OAuth token exchange">
      <header className="messages-attempt-section-header">
        <h4>OAuth token exchange</h4>
        <span className="muted">{exchange.duration_ms} ms</span>
      </header>
      <p className="messages-request-line">
        <span className="messages-method">{exchange.request.method}</span>{' '}
        <span className="messages-url">{exchange.request.url}</span>
      </p>
      <HeaderTable headers={exchange.request.headers} label="Token request headers" revealed={revealed} />
      <BodyView body={exchange.request.body} label="Token request body" />
      {exchange.error ? (
        <p className="inline-error" role="note">
          {exchange.error}
        </p>
      ) : null}
      {exchange.response ? (
        <>
          <p className="messages-request-line">
            <span className={exchange.response.status === 200 ? 'messages-http-ok' : 'messages-http-bad'}>
              HTTP {exchange.response.status}
            </span>
          </p>
          <BodyView body={exchange.response.body} label="Token response body" />
        </>
      ) : null}
    </section>
  )
}
