import { useId } from 'react'
import type { StepDraft } from './bin-draft.ts'

interface StepFieldsProps {
  step: StepDraft
  label: string
  onChange: (step: StepDraft) => void
  onRemove?: () => void
}

/** One answer: status, delay, headers (one `Name: value` per line) and body. */
export function StepFields({ step, label, onChange, onRemove }: StepFieldsProps) {
  const id = useId()
  const change = (field: keyof StepDraft, value: string) => onChange({ ...step, [field]: value })
  return (
    <fieldset className="inbox-step">
      <legend>{label}</legend>
      <div className="inbox-step-row">
        <label className="inbox-inline">
          <span>Status</span>
          <input
            className="text-input inbox-number"
            inputMode="numeric"
            value={step.status}
            aria-label={`${label} status`}
            onChange={(event) => change('status', event.target.value)}
          />
        </label>
        <label className="inbox-inline">
          <span>Delay (ms)</span>
          <input
            className="text-input inbox-number"
            inputMode="numeric"
            value={step.delay}
            aria-label={`${label} delay in milliseconds`}
            onChange={(event) => change('delay', event.target.value)}
          />
        </label>
        {onRemove ? (
          <button type="button" className="button button-small" onClick={onRemove}>
            Remove
          </button>
        ) : null}
      </div>
      <label htmlFor={`${id}-headers`} className="inbox-sublabel">
        Headers
      </label>
      <textarea
        id={`${id}-headers`}
        className="text-input inbox-textarea"
        rows={2}
        placeholder="Retry-After: 120"
        spellCheck={false}
        value={step.headers}
        aria-label={`${label} headers`}
        onChange={(event) => change('headers', event.target.value)}
      />
      <label htmlFor={`${id}-body`} className="inbox-sublabel">
        Body
      </label>
      <textarea
        id={`${id}-body`}
        className="text-input inbox-textarea"
        rows={2}
        spellCheck={false}
        value={step.body}
        aria-label={`${label} body`}
        onChange={(event) => change('body', event.target.value)}
      />
    </fieldset>
  )
}
