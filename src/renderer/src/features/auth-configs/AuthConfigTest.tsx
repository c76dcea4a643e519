import type { TokenExchange } from '../../../../shared/domain/message.ts'
import { useAppStore } from '../../state/index.ts'
import { FormRow } from '../../ui/FormRow.tsx'
import { type AuthDraft, authPayloadOf } from './auth-draft.ts'

/**
 * "Test": asks the token endpoint for a token with what the form shows — unsaved edits included,
 * the stored secret while the secret box is empty — and shows the exchange as made. Never saves.
 * `id` null: a new config, tested with the form's values alone.
 */
export function AuthConfigTest({ id, draft }: { id: string | null; draft: AuthDraft }) {
  const test = useAppStore((state) => (state.authConfigTest.id === id ? state.authConfigTest : null))
  const runTest = useAppStore((state) => state.testAuthConfig)
  const testing = test?.status === 'testing'
  return (
    <FormRow
      label="Test"
      labelId="auth-test-label"
      hint="Fetches a token now (never from the cache) with the values above, saved or not; nothing is saved. Secrets in the exchange are masked."
    >
      <button
        type="button"
        className="button button-small"
        disabled={testing}
        onClick={() => void runTest(id, testValuesOf(draft))}
      >
        {testing ? 'Fetching a token…' : 'Fetch a token now'}
      </button>
      {test?.status === 'error' && test.error ? (
        <p className="inline-error" role="alert">
          Could not run the test: {test.error.message}
        </p>
      ) : null}
      {test?.status === 'done' && test.result ? (
        <div className="auth-test" data-testid="auth-test-result">
          <p className={test.result.ok ? 'notice is-ok' : 'notice is-error'} role="status">
            {test.result.ok ? 'Token issued. ' : 'No token. '}
            {test.result.message}
          </p>
          {test.result.exchange ? <ExchangeView exchange={test.result.exchange} /> : null}
        </div>
      ) : null}
    </FormRow>
  )
}

/** The form's token_url, scope, key and secret; an empty secret box is sent as null: the stored one, if any. */
function testValuesOf(draft: AuthDraft) {
  const { auth_type: _type, ...values } = authPayloadOf(draft)
  return values
}

function pretty(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2)
  } catch {
    return body
  }
}

function ExchangeView({ exchange }: { exchange: TokenExchange }) {
  const { request, response } = exchange
  return (
    <div className="auth-exchange">
      <p className="preview-caption">Request · {Math.round(exchange.duration_ms)} ms</p>
      <pre className="code preview-code">
        <code>
          {`${request.method} ${request.url}\n`}
          {request.headers.map(([name, value]) => `${name}: ${value}\n`).join('')}
          {request.body ? `\n${request.body}` : ''}
        </code>
      </pre>
      <p className="preview-caption">
        {response
          ? `Response · HTTP ${response.status}`
          : `No response${exchange.error ? `: ${exchange.error}` : ''}`}
      </p>
      {response ? (
        <pre className="code preview-code">
          <code>{pretty(response.body)}</code>
        </pre>
      ) : null}
    </div>
  )
}
