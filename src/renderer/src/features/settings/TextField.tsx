import type { InputHTMLAttributes, ReactNode, Ref } from 'react'

interface TextFieldProps
  extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange' | 'className'> {
  id: string
  ref?: Ref<HTMLInputElement>
  label: string
  value: string
  onValue: (value: string) => void
  error?: string | undefined
  hint?: ReactNode
  /** Extra classes for the input (`emu-input-narrow`, `emu-mono`). */
  inputClassName?: string
  /** Controls after the input, on the same line (a unit, a button). */
  after?: ReactNode
}

/** A labelled input in the settings' two-column layout, its hint and error tied to it for screen readers. */
export function TextField({
  id,
  ref,
  label,
  value,
  onValue,
  error,
  hint,
  inputClassName,
  after,
  ...input
}: TextFieldProps) {
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ')
  return (
    <div className="settings-field-row">
      <label className="settings-field-label" htmlFor={id}>
        {label}
      </label>
      <div className="settings-field-control">
        <div className="settings-inline">
          <input
            {...input}
            ref={ref}
            id={id}
            className={inputClassName ? `text-input ${inputClassName}` : 'text-input'}
            value={value}
            aria-invalid={error ? true : undefined}
            aria-describedby={described || undefined}
            onChange={(event) => onValue(event.target.value)}
          />
          {after}
        </div>
        {hint ? (
          <p id={`${id}-hint`} className="field-hint">
            {hint}
          </p>
        ) : null}
        {error ? (
          <p id={`${id}-error`} className="field-error">
            {error}
          </p>
        ) : null}
      </div>
    </div>
  )
}
