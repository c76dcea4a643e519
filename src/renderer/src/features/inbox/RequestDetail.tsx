import type { CapturedRequest } from '../../../../shared/receiver/captured-request.ts'
import { REDACTED } from '../../../../shared/redacted.ts'
import { useAppStore } from '../../state/index.ts'
import { CopyButton } from '../../ui/CopyButton.tsx'
import { sizeOf, timeOf } from '../../ui/format.ts'
import { HeaderPairsTable } from '../../ui/HeaderPairsTable.tsx'
import { BodyPanel } from './BodyPanel.tsx'
import { DeliveredBy } from './DeliveredBy.tsx'
import { ExchangeView } from './ExchangeView.tsx'
import { ReplayPanel } from './ReplayPanel.tsx'

/** One capture: where it came from, whether it verified, every header, the body, what happened next. */
export function RequestDetail() {
  const detail = useAppStore((state) => state.requestDetail)
  const selectedId = useAppStore((state) => state.selectedRequestId)
  const curl = useAppStore((state) => state.requestCurl)
  const revealed = useAppStore((state) => state.requestRevealed)
  const setRequestReveal = useAppStore((state) => state.setRequestReveal)

  if (!selectedId) {
    return (
      <div className="inbox-placeholder">
        <p className="placeholder-title">Select a request to inspect it</p>
        <p className="muted">Headers in order, the body as pretty JSON, raw text or hex, and replay.</p>
      </div>
    )
  }
  if (detail.status === 'error') {
    return (
      <p className="inline-error" role="alert">
        {detail.error?.message ?? 'Could not load this request.'}
      </p>
    )
  }
  const request = detail.value
  if (!request || request.id !== selectedId) return <p className="muted inbox-placeholder">Loading…</p>
  const maskable = revealed || request.headers.some(([, value]) => value === REDACTED)

  return (
    <article className="inbox-request-detail" aria-labelledby="request-title">
      <header className="inbox-detail-header">
        <p className="eyebrow">
          {request.bin_name}
          {request.source === 'har' ? ' · imported from HAR' : ''}
        </p>
        <h2 id="request-title" className="inbox-detail-title">
          <span className={`inbox-method inbox-method-${request.method.toLowerCase()}`}>
            {request.method}
          </span>{' '}
          {request.url}
        </h2>
        <p className="inbox-detail-meta">
          <time dateTime={request.received_at}>{timeOf(request.received_at)}</time>
          {request.remote_address ? ` · from ${request.remote_address}` : ''} · HTTP/{request.http_version} ·{' '}
          {sizeOf(request.size)}
          {request.response ? ` · answered ${request.response.status}` : ''}
          {request.response?.delay_ms ? ` after ${request.response.delay_ms} ms` : ''}
        </p>
        <DeliveredBy headers={request.headers} />
        {/* The command carries the credentials only once they are revealed. */}
        <p className="chips">{curl ? <CopyButton text={curl} label="Copy as curl" /> : null}</p>
      </header>

      <Verification request={request} />

      <section className="inbox-section" aria-labelledby="headers-title">
        <div className="inbox-section-header">
          <h3 id="headers-title" className="inbox-section-title">
            Headers <span className="muted">({request.headers.length})</span>
          </h3>
          {maskable ? (
            <button
              type="button"
              className="button button-small"
              aria-pressed={revealed}
              onClick={() => void setRequestReveal(!revealed)}
            >
              {revealed ? 'Mask' : 'Reveal'}
            </button>
          ) : null}
        </div>
        <HeaderPairsTable headers={request.headers} label="Request headers" />
      </section>

      {request.query.length > 0 ? (
        <section className="inbox-section" aria-labelledby="query-title">
          <h3 id="query-title" className="inbox-section-title">
            Query
          </h3>
          <HeaderPairsTable headers={request.query} label="Query parameters" />
        </section>
      ) : null}

      <BodyPanel
        body={request.body}
        encoding={request.body_encoding}
        contentType={request.content_type}
        label="Body"
      />

      {request.forward ? (
        <section className="inbox-section" aria-labelledby="forward-title">
          <h3 id="forward-title" className="inbox-section-title">
            Forwarded to {request.forward.url}
          </h3>
          <p>
            <span className={`badge inbox-forward-${request.forward.state}`}>{request.forward.state}</span>{' '}
            {request.forward.attempts} {request.forward.attempts === 1 ? 'attempt' : 'attempts'}
            {request.forward.next_attempt_at ? ` · next at ${timeOf(request.forward.next_attempt_at)}` : ''}
          </p>
          {request.forward.last ? <ExchangeView exchange={request.forward.last} /> : null}
        </section>
      ) : null}

      {request.replays.length > 0 ? (
        <section className="inbox-section" aria-labelledby="replays-title">
          <h3 id="replays-title" className="inbox-section-title">
            Replays
          </h3>
          <ul className="inbox-replays">
            {request.replays.toReversed().map((replay) => (
              <li key={`${replay.started_at}-${replay.url}`}>
                <ExchangeView exchange={replay} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <ReplayPanel request={request} />
    </article>
  )
}

function Verification({ request }: { request: CapturedRequest }) {
  const { verdict, checks } = request.verification
  const label =
    verdict === 'verified' ? 'Verified' : verdict === 'failed' ? 'Verification failed' : 'Not checked'
  return (
    <section className="inbox-section" aria-labelledby="verification-title">
      <h3 id="verification-title" className="inbox-section-title">
        Verification
      </h3>
      <p>
        <span className={`badge inbox-verdict-badge inbox-verdict-${verdict}`}>{label}</span>
        {verdict === 'not_configured' ? (
          <span className="muted"> — edit the bin to expect Basic credentials, a token or a signature.</span>
        ) : null}
      </p>
      {checks.length > 0 ? (
        <ul className="inbox-checks">
          {checks.map((check) => (
            <li key={check.kind} className={check.ok ? 'inbox-check-ok' : 'inbox-check-failed'}>
              <strong>{checkName(check.kind)}</strong>: {check.reason}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  )
}

function checkName(kind: CapturedRequest['verification']['checks'][number]['kind']): string {
  switch (kind) {
    case 'basic':
      return 'Basic'
    case 'bearer':
      return 'Bearer'
    case 'standard_webhooks':
      return 'Standard Webhooks'
    default: {
      const unreachable: never = kind
      return unreachable
    }
  }
}
