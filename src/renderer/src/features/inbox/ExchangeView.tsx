import type { Exchange } from '../../../../shared/receiver/captured-request.ts'
import { sizeOf, timeOf } from '../../ui/format.ts'

/** What came back from a forward or a replay. */
export function ExchangeView({ exchange }: { exchange: Exchange }) {
  return (
    <div className="inbox-exchange">
      <p>
        <strong>{exchange.method}</strong> {exchange.url} →{' '}
        {exchange.status !== null ? (
          <span className="badge">{exchange.status}</span>
        ) : (
          <span className="text-warn">{exchange.error}</span>
        )}{' '}
        <span className="muted">
          {exchange.duration_ms} ms · {timeOf(exchange.started_at)}
        </span>
      </p>
      {exchange.status !== null && exchange.body !== '' ? (
        <pre className="code inbox-exchange-body">
          <code>
            {exchange.body_encoding === 'base64' ? `(${exchange.size} bytes of binary)` : exchange.body}
            {exchange.body_truncated ? `\n… (${sizeOf(exchange.size)} in all)` : ''}
          </code>
        </pre>
      ) : null}
    </div>
  )
}
