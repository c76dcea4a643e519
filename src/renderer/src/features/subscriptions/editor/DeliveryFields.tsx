import type { ReactNode } from 'react'
import { FormRow, invalidProps } from '../../../ui/FormRow.tsx'
import type { FieldErrors } from '../../../ui/field-errors.ts'
import { formatSeconds } from '../../../ui/format.ts'
import type { SubscriptionDraft } from '../draft.ts'
import { RetryScheduleField } from './RetryScheduleField.tsx'

interface DeliveryFieldsProps {
  draft: SubscriptionDraft
  errors: FieldErrors
  onChange: (patch: Partial<SubscriptionDraft>) => void
}

/** How hard Hookbench tries: schedule, timeout, concurrency, compressed time, when to give up. */
export function DeliveryFields({ draft, errors, onChange }: DeliveryFieldsProps) {
  const scale = Number(draft.time_scale)
  const validScale = Number.isFinite(scale) && scale >= 1
  return (
    <>
      <RetryScheduleField
        retry={draft.retry}
        timeScale={validScale ? scale : 1}
        errors={errors}
        onChange={(retry) => onChange({ retry })}
      />
      <NumberRow
        id="timeout_ms"
        label="Timeout"
        unit="ms"
        value={draft.timeout_ms}
        error={errors.timeout_ms}
        hint="Per attempt; a slower answer counts as a failure."
        onChange={(timeout_ms) => onChange({ timeout_ms })}
      />
      <NumberRow
        id="concurrency"
        label="Concurrency"
        unit="at once"
        value={draft.concurrency}
        error={errors.concurrency}
        hint="Deliveries in flight at the same time for this subscription (1–64)."
        onChange={(concurrency) => onChange({ concurrency })}
      />
      <NumberRow
        id="time_scale"
        label="Compressed time"
        unit="×"
        value={draft.time_scale}
        error={errors.time_scale}
        hint={
          <>
            1 is real time. 3600 runs one hour of the retry schedule per second, so you can watch retry →
            exhaust → disable against your own endpoint in a minute.
            {validScale && scale > 1 ? ` A 5 min wait becomes ${formatSeconds(300 / scale)}.` : ''}
          </>
        }
        onChange={(time_scale) => onChange({ time_scale })}
      />
      <NumberRow
        id="disable_after_failing_ms"
        label="Disable after"
        unit="hours failing"
        value={draft.disable_after_hours}
        error={errors.disable_after_failing_ms}
        hint="When every delivery has failed for this long, the subscription is disabled (compressed time applies)."
        onChange={(disable_after_hours) => onChange({ disable_after_hours })}
      />
    </>
  )
}

interface NumberRowProps {
  id: string
  label: string
  unit: string
  value: string
  error: string | undefined
  hint: ReactNode
  onChange: (value: string) => void
}

function NumberRow({ id, label, unit, value, error, hint, onChange }: NumberRowProps) {
  return (
    <FormRow label={label} htmlFor={id} error={error} hint={hint}>
      <span className="inline-controls">
        <input
          id={id}
          className="text-input number-input"
          type="number"
          min={0}
          step="any"
          inputMode="decimal"
          value={value}
          onChange={(event) => onChange(event.target.value)}
          {...invalidProps(id, error)}
        />
        <span className="muted">{unit}</span>
      </span>
    </FormRow>
  )
}
