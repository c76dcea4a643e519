import { DEFAULT_RETRY_SCHEDULE } from '../../../../../shared/retry.ts'
import { FormRow } from '../../../ui/FormRow.tsx'
import { errorAt, type FieldErrors } from '../../../ui/field-errors.ts'
import { schedulePreview, scheduleSpan } from '../../../ui/format.ts'

interface RetryScheduleFieldProps {
  retry: string[]
  timeScale: number
  errors: FieldErrors
  onChange: (retry: string[]) => void
}

/** Seconds to wait before each attempt (the first is usually 0: at once); its length is the attempt count. */
export function RetryScheduleField({ retry, timeScale, errors, onChange }: RetryScheduleFieldProps) {
  const numbers = retry.map(Number)
  const valid = retry.length > 0 && numbers.every((value, index) => retry[index]?.trim() !== '' && value >= 0)
  const edit = (index: number, text: string) =>
    onChange(retry.map((item, at) => (at === index ? text : item)))
  return (
    <FormRow
      label="Retry schedule"
      labelId="retry-label"
      error={errors.retry_schedule ?? errorAt(errors, 'retry_schedule')}
      hint={
        valid ? (
          <span data-testid="schedule-preview">
            <strong>{schedulePreview(numbers)}</strong> — {scheduleSpan(numbers, timeScale)}. Jitter ±20 %;
            Retry-After on 429/503 wins.
          </span>
        ) : (
          'Seconds before each attempt; the first is the first delivery (0 = at once).'
        )
      }
    >
      <ol className="subs-retry-list" aria-labelledby="retry-label">
        {retry.map((text, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: an attempt is its place in the schedule.
          <li key={index} className="subs-retry-item">
            <input
              className="text-input subs-retry-input"
              type="number"
              min={0}
              step="any"
              inputMode="decimal"
              aria-label={`Attempt ${index + 1} delay in seconds`}
              aria-invalid={errors[`retry_schedule.${index}`] ? true : undefined}
              value={text}
              onChange={(event) => edit(index, event.target.value)}
            />
            <button
              type="button"
              className="subs-retry-remove"
              aria-label={`Remove attempt ${index + 1}`}
              disabled={retry.length === 1}
              onClick={() => onChange(retry.filter((_, at) => at !== index))}
            >
              ×
            </button>
          </li>
        ))}
      </ol>
      <div className="inline-controls">
        <button
          type="button"
          className="button button-small"
          onClick={() => onChange([...retry, retry.at(-1) ?? '60'])}
        >
          Add attempt
        </button>
        <button
          type="button"
          className="button button-small"
          onClick={() => onChange(DEFAULT_RETRY_SCHEDULE.map(String))}
        >
          Reset to default
        </button>
      </div>
    </FormRow>
  )
}
