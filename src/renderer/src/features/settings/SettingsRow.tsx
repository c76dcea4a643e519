import type { ReactNode } from 'react'
import { CopyButton } from '../../ui/CopyButton.tsx'

interface SettingsRowProps {
  label: string
  /** Text for a Copy button at the end of the row. */
  copy?: string | null | undefined
  /** Other small controls at the end of the row (Reveal, Expire…). */
  actions?: ReactNode
  children: ReactNode
}

/** One `label: value` line of a `.settings-list`; put it inside a `<dl>`. */
export function SettingsRow({ label, copy, actions, children }: SettingsRowProps) {
  return (
    <div className="settings-row">
      <dt>{label}</dt>
      <dd>
        <span className="settings-value">{children}</span>
        {copy || actions ? (
          <span className="settings-row-actions">
            {actions}
            {copy ? <CopyButton text={copy} /> : null}
          </span>
        ) : null}
      </dd>
    </div>
  )
}
