import type { ReactNode } from 'react'

interface FormRowProps {
  label: ReactNode
  /** The control the label names; without it the label is a plain caption (for groups). */
  htmlFor?: string | undefined
  labelId?: string | undefined
  hint?: ReactNode
  /** Shown under the control; its element id is `${htmlFor ?? labelId}-error`. */
  error?: string | undefined
  children: ReactNode
}

/** One labelled field of an editor: label on the left, control, hint and error on the right. */
export function FormRow({ label, htmlFor, labelId, hint, error, children }: FormRowProps) {
  const errorId = `${htmlFor ?? labelId}-error`
  return (
    <div className="form-row">
      {htmlFor ? (
        <label className="form-label" htmlFor={htmlFor} id={labelId}>
          {label}
        </label>
      ) : (
        <span className="form-label" id={labelId}>
          {label}
        </span>
      )}
      <div className="form-control">
        {children}
        {hint ? <div className="field-hint">{hint}</div> : null}
        {error ? (
          <p className="field-error" id={errorId}>
            {error}
          </p>
        ) : null}
      </div>
    </div>
  )
}

/** What a control says about its error: invalid, and described by the message under it. */
export function invalidProps(id: string, error: string | undefined) {
  return error ? { 'aria-invalid': true as const, 'aria-describedby': `${id}-error` } : {}
}
