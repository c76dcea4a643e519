import { toCurl } from '../../../../shared/curl.ts'
import type {
  CheckRequest,
  CheckResponse,
  CheckResult,
  CheckRun,
} from '../../../../shared/domain/check-run.ts'
import { REDACTED } from '../../../../shared/redacted.ts'
import { useAppStore } from '../../state/index.ts'
import { CopyButton } from '../../ui/CopyButton.tsx'
import { formatLatency, prettyJson } from '../../ui/format.ts'
import { HeaderPairsTable } from '../../ui/HeaderPairsTable.tsx'
import { highlightJson } from '../../ui/json-highlight.tsx'

/** A check's verdict explained: expected against observed, the request as sent and the answer. */
export function CheckDetail({ result, run }: { result: CheckResult; run: CheckRun }) {
  const action = useAppStore((state) => state.checkRunAction)
  const rerun = useAppStore((state) => state.rerunCheck)
  const rerunning = action.status === 'saving' && action.checkId === result.id
  const masked = result.request?.headers.some(([, value]) => value === REDACTED) ?? false
  return (
    <>
      <dl className="chk-verdict">
        {/* A skipped check expected nothing: it never ran. */}
        {result.expected === '' ? null : (
          <>
            <dt>Expected</dt>
            <dd>{result.expected}</dd>
          </>
        )}
        <dt>Observed</dt>
        <dd>{result.observed}</dd>
      </dl>
      <div className="chk-detail-actions">
        {result.request ? <CopyButton text={toCurl(result.request)} label="Copy as curl" /> : null}
        <button
          type="button"
          className="button button-small"
          disabled={run.status === 'running' || rerunning}
          title={run.status === 'running' ? 'Wait for the run to end' : 'Run this check again, in place'}
          onClick={() => void rerun(result.id)}
        >
          {rerunning ? 'Starting…' : 'Rerun'}
        </button>
        {masked ? (
          <span className="form-hint">
            A run never shows its credentials: put yours in place of {REDACTED}.
          </span>
        ) : null}
      </div>
      {result.request ? <RequestView request={result.request} /> : null}
      {result.response ? <ResponseView response={result.response} /> : null}
      {result.error ? (
        <p className="notice is-error chk-error" data-testid="check-error">
          No answer: {result.error}
        </p>
      ) : null}
    </>
  )
}

function RequestView({ request }: { request: CheckRequest }) {
  return (
    <section className="chk-exchange" aria-label="Request">
      <h3 className="chk-exchange-title">Request</h3>
      <p className="chk-request-line">
        <strong>{request.method}</strong> <code>{request.url}</code>
      </p>
      <HeaderPairsTable headers={request.headers} label="Request headers" />
      <Body text={request.body} label="Request body" />
    </section>
  )
}

function ResponseView({ response }: { response: CheckResponse }) {
  return (
    <section className="chk-exchange" aria-label="Response">
      <h3 className="chk-exchange-title">
        Response <span className="chk-http-status">{response.status}</span>{' '}
        <span className="muted">in {formatLatency(response.ms)}</span>
      </h3>
      <HeaderPairsTable headers={response.headers} label="Response headers" />
      <Body text={response.body} label="Response body" />
    </section>
  )
}

function Body({ text, label }: { text: string; label: string }) {
  if (text === '') return <p className="muted">Empty body.</p>
  const pretty = prettyJson(text)
  return (
    <pre className="code chk-body" data-testid={label}>
      <code>{pretty === null ? text : highlightJson(pretty)}</code>
    </pre>
  )
}
