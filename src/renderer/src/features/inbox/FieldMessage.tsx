import type { ErrorBody } from '../../../../shared/errors.ts'
import { fieldError } from './bin-draft.ts'

/** The API's complaint about `field` when there is one, else the field's hint. */
export function FieldMessage({
  error,
  field,
  hint,
}: {
  error: ErrorBody | null
  field: string
  hint?: string
}) {
  const message = fieldError(error, field)
  if (message) return <p className="field-error">{message}</p>
  return hint ? <p className="field-hint">{hint}</p> : null
}
