import type { ReactNode } from 'react'

/** One half of the Workspace card (Export, Import): a titled section. */
export function WorkspacePanel({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="settings-workspace-panel" aria-labelledby={id}>
      <h3 id={id} className="panel-title">
        {title}
      </h3>
      {children}
    </section>
  )
}
