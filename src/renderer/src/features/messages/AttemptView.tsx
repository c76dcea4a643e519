import type { AttemptRecord } from '../../../../shared/domain/message.ts'
import { useAppStore } from '../../state/index.ts'
import { BodyView } from './BodyView.tsx'
import { HeaderDiff } from './HeaderDiff.tsx'
import { HeaderTable, hasMaskedHeader } from './HeaderTable.tsx'
import { TokenExchangeView } from './TokenExchangeView.tsx'

interface AttemptViewProps {
  attempt: AttemptRecord
  previous: AttemptRecord | null
}

/** One attempt: the request exactly as sent, what came back, the token it needed, what changed. */
export function AttemptView({ attempt, previous }: AttemptViewProps) {
  const revealed = useAppStore((state) => state.messageDetail.revealed)
  const setReveal = useAppStore((state) => state.setReveal)
  const { request, response } = attempt
  const maskable = hasMaskedHeader(request.headers) || attempt.token?.exchange != null

  return (
    <article className="messages-attempt" aria-label={`Attempt ${attempt.number}`}>
      <section className="messages-attempt-section" aria-labelledby={`request-${attempt.attempt_id}`}>
        <header className="messages-attempt-section-header">
          <h4 id={`request-${attempt.attempt_id}`}>Request as sent</h4>
          {maskable ? (
            <button
              type="button"
              className="button button-small"
              aria-pressed={revealed}
              onClick={() => void setReveal(!revealed)}
            >
              {revealed ? 'Mask' : 'Reveal'}
            </button>
          ) : null}
          <CurlButton attemptId={attempt.attempt_id} />
        </header>
        <p className="messages-request-line">
          <span className="messages-method">{request.method}</span>{' '}
          <span className="messages-url">{request.url}</span>
        </p>
        <HeaderTable headers={request.headers} label="Request headers" revealed={revealed} />
        <BodyView body={request.body} label="Request body" />
      </section>

      {previous ? <HeaderDiff previous={previous} current={attempt} revealed={revealed} /> : null}

      {attempt.token?.exchange ? (
        <TokenExchangeView exchange={attempt.token.exchange} revealed={revealed} />
      ) : attempt.token ? (
        <p className="muted messages-attempt-note">
          OAuth token from the cache (no exchange for this attempt).
        </p>
      ) : null}

      <section className="messages-attempt-section" aria-labelledby={`response-${attempt.attempt_id}`}>
        <header className="messages-attempt-section-header">
          <h4 id={`response-${attempt.attempt_id}`}>Response</h4>
          <span className="muted">{attempt.duration_ms} ms</span>
        </header>
        {attempt.error ? (
          <p className="inline-error" role="note">
            {attempt.error}
          </p>
        ) : null}
        {response ? (
          <>
            <p className="messages-request-line">
              <span
                className={
                  response.status >= 200 && response.status < 300 ? 'messages-http-ok' : 'messages-http-bad'
                }
              >
                HTTP {response.status}
              </span>
            </p>
            <HeaderTable headers={response.headers} label="Response headers" revealed={revealed} />
            <BodyView
              body={response.body}
              label="Response body"
              note={response.body_truncated ? 'truncated: only the first part was kept' : undefined}
            />
          </>
        ) : (
          <p className="muted">No response.</p>
        )}
      </section>
    </article>
  )
}

function CurlButton({ attemptId }: { attemptId: string }) {
  const curl = useAppStore((state) => state.attemptCurl)
  const copyAttemptCurl = useAppStore((state) => state.copyAttemptCurl)
  const mine = curl.attemptId === attemptId
  const label =
    mine && curl.status === 'working'
      ? 'Copying…'
      : mine && curl.status === 'copied'
        ? 'Copied curl'
        : mine && curl.status === 'failed'
          ? 'Copy failed'
          : 'Copy as curl'
  return (
    <>
      <button
        type="button"
        className="button button-small"
        aria-live="polite"
        onClick={() => void copyAttemptCurl(attemptId)}
      >
        {label}
      </button>
      {mine && curl.status === 'failed' && curl.text ? (
        <textarea className="messages-curl-fallback" readOnly value={curl.text} aria-label="curl command" />
      ) : null}
    </>
  )
}
