import type { SampleEvent } from '../preview.ts'

interface SamplePickerProps {
  samples: readonly SampleEvent[]
  value: string | null
  onChange: (key: string) => void
}

/** Which catalog example the previews render: templates read its data. */
export function SamplePicker({ samples, value, onChange }: SamplePickerProps) {
  if (samples.length === 0) return <p className="muted">Loading example events…</p>
  const groups = [...new Set(samples.map((sample) => sample.profileId))]
  return (
    <div className="subs-sample-picker">
      <label htmlFor="sample-event" className="subs-sample-label">
        Preview with
      </label>
      <select
        id="sample-event"
        className="form-select"
        value={value ?? ''}
        onChange={(event) => onChange(event.target.value)}
      >
        {groups.length === 1
          ? samples.map((sample) => (
              <option key={sample.key} value={sample.key}>
                {sample.topic}
              </option>
            ))
          : groups.map((group) => (
              <optgroup key={group} label={group}>
                {samples
                  .filter((sample) => sample.profileId === group)
                  .map((sample) => (
                    <option key={sample.key} value={sample.key}>
                      {sample.topic}
                    </option>
                  ))}
              </optgroup>
            ))}
      </select>
      <span className="field-hint">the catalog’s example event (see the Events page)</span>
    </div>
  )
}
