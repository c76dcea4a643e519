import type { ErrorBody } from '../../../../shared/errors.ts'
import type { ImportWorkspaceOutput } from '../../../../shared/workspace.ts'
import type { WorkspaceImportState } from '../../state/index.ts'
import { issuesOf } from '../../ui/error-issues.ts'
import { plural } from '../../ui/format.ts'

/** Names of what an import counts, in the order people think of them; unknown keys follow as they are. */
const CONFIG_NOUNS: Record<string, [string, string]> = {
  subscriptions: ['subscription', 'subscriptions'],
  auth_configs: ['auth config', 'auth configs'],
  bins: ['bin', 'bins'],
  oauth_clients: ['OAuth client', 'OAuth clients'],
}
const HISTORY_NOUNS: Record<string, [string, string]> = {
  events: ['event', 'events'],
  messages: ['message', 'messages'],
  attempts: ['attempt', 'attempts'],
  requests: ['captured request', 'captured requests'],
}

export function ImportOutcome({ state }: { state: WorkspaceImportState }) {
  if (state.status === 'done' && state.result) return <ImportSummary result={state.result} />
  if (state.status === 'error' && state.error) return <ImportRefusal error={state.error} />
  return null
}

function ImportSummary({ result }: { result: ImportWorkspaceOutput }) {
  return (
    <div className="notice is-ok" role="status" data-testid="import-summary">
      <p className="notice-title">
        {result.mode === 'replace' ? 'Workspace replaced.' : 'Workspace merged.'}
      </p>
      <p>Configuration: {counts(result.config, CONFIG_NOUNS)}.</p>
      <p>History: {counts(result.history, HISTORY_NOUNS)}.</p>
      {Object.values(result.history_skipped).some((count) => count > 0) ? (
        <p>Already here, kept as they were: {counts(result.history_skipped, HISTORY_NOUNS)}.</p>
      ) : null}
      {result.secrets_kept.length > 0 ? (
        <p>
          {plural(result.secrets_kept.length, 'secret was', 'secrets were')} redacted in the file: the{' '}
          {result.secrets_kept.length === 1 ? 'one' : 'ones'} stored here{' '}
          {result.secrets_kept.length === 1 ? 'was' : 'were'} kept.
        </p>
      ) : null}
      {result.secrets_missing.length > 0 ? (
        <>
          <p className="notice-title">
            {plural(result.secrets_missing.length, 'secret was', 'secrets were')} not in the file; enter{' '}
            {result.secrets_missing.length === 1 ? 'it' : 'them'} again:
          </p>
          <ul className="settings-secret-paths">
            {result.secrets_missing.map((path) => (
              <li key={path}>
                <code>{path}</code>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  )
}

function ImportRefusal({ error }: { error: ErrorBody }) {
  const issues = issuesOf(error.details)
  return (
    <div className="notice is-error" role="alert">
      <p className="notice-title">Import refused — nothing was changed.</p>
      <p>
        {error.message} <code className="error-code">{error.code}</code>
      </p>
      {issues.length > 1 ? (
        <ul className="settings-issue-list">
          {issues.slice(0, MAX_ISSUES).map((issue) => (
            <li key={`${issue.path}:${issue.message}`}>
              <code>{issue.path || '(file)'}</code> {issue.message}
            </li>
          ))}
          {issues.length > MAX_ISSUES ? <li>…and {issues.length - MAX_ISSUES} more.</li> : null}
        </ul>
      ) : null}
    </div>
  )
}

const MAX_ISSUES = 6

function counts(figures: Record<string, number>, nouns: Record<string, [string, string]>): string {
  const keys = [...Object.keys(nouns), ...Object.keys(figures).filter((key) => !(key in nouns))]
  return keys
    .filter((key) => key in figures)
    .map((key) => {
      const [one, many] = nouns[key] ?? [key, key]
      return plural(figures[key] ?? 0, one, many)
    })
    .join(' · ')
}
