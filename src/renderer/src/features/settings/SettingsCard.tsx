import type { HTMLAttributes, ReactNode } from 'react'

interface SettingsCardProps extends Omit<HTMLAttributes<HTMLElement>, 'title'> {
  /** Prefix of the heading's id, which names the card for assistive technology. */
  id: string
  title: string
  description?: ReactNode
  /** Small buttons at the right of the heading (Refresh). */
  actions?: ReactNode
  children: ReactNode
}

/** One group of settings: a titled card, so the page reads as a short list of topics. */
export function SettingsCard({
  id,
  title,
  description,
  actions,
  children,
  className,
  ...rest
}: SettingsCardProps) {
  return (
    <section
      className={className ? `settings-card ${className}` : 'settings-card'}
      aria-labelledby={`${id}-title`}
      {...rest}
    >
      <header className="panel-header settings-card-header">
        <div className="settings-card-heading">
          <h2 id={`${id}-title`} className="settings-card-title">
            {title}
          </h2>
          {description ? <p className="settings-card-description">{description}</p> : null}
        </div>
        {actions ? <div className="settings-card-actions">{actions}</div> : null}
      </header>
      <div className="settings-card-body">{children}</div>
    </section>
  )
}
