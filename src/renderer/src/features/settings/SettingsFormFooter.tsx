import type { ReactNode } from 'react'

interface SettingsFormFooterProps {
  saving: boolean
  /** The submit button: "Apply", "Add client". */
  label: string
  /** The submit button while saving: "Applying…". */
  savingLabel: string
  /** Why the last submit was refused, when no field says it: "Could not add the client: …". */
  refusal?: string | null
  /** Announced after a submit: "Applied." (empty until then); leave out for a form that closes. */
  status?: string
  /** More buttons, after the submit one. */
  children?: ReactNode
}

/** The end of a settings form: why it was refused, then submit and what became of it. */
export function SettingsFormFooter({
  saving,
  label,
  savingLabel,
  refusal,
  status,
  children,
}: SettingsFormFooterProps) {
  return (
    <>
      {refusal ? (
        <p className="inline-error" role="alert">
          {refusal}
        </p>
      ) : null}
      <div className="form-footer settings-indent">
        <button type="submit" className="button button-primary" disabled={saving}>
          {saving ? savingLabel : label}
        </button>
        {children}
        {status === undefined ? null : (
          <span className="form-status" role="status">
            {status}
          </span>
        )}
      </div>
    </>
  )
}
