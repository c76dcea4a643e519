import type { ErrorBody } from '../../../shared/errors.ts'
import { recoveryFor, reloadPage } from './recovery.ts'

interface ErrorStateProps {
  title: string
  error: ErrorBody | null
  /** What the user can do about it, when the error itself does not decide (see recoveryFor). */
  hint: string
  onRetry: () => void
}

export function ErrorState({ title, error, hint, onRetry }: ErrorStateProps) {
  const recovery = recoveryFor(error, hint)
  return (
    <div className="error-state" role="alert">
      <h2 className="error-state-title">{title}</h2>
      {error ? (
        <p className="error-state-message">
          {error.message} <code className="error-code">{error.code}</code>
        </p>
      ) : null}
      <p className="error-state-hint">{recovery.hint}</p>
      {recovery.action === 'reload' ? (
        <button type="button" className="button" onClick={reloadPage}>
          Reload page
        </button>
      ) : (
        <button type="button" className="button" onClick={onRetry}>
          Retry
        </button>
      )}
    </div>
  )
}
