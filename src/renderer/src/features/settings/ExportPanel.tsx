import { useState } from 'react'
import { useAppStore } from '../../state/index.ts'
import { WorkspacePanel } from './WorkspacePanel.tsx'

export function ExportPanel() {
  const exportState = useAppStore((state) => state.workspaceExport)
  const exportWorkspace = useAppStore((state) => state.exportWorkspace)
  const [includeHistory, setIncludeHistory] = useState(false)
  const [includeSecrets, setIncludeSecrets] = useState(false)
  const working = exportState.status === 'working'

  return (
    <WorkspacePanel id="export-title" title="Export">
      <label className="check">
        <input
          type="checkbox"
          checked={includeHistory}
          onChange={(event) => setIncludeHistory(event.target.checked)}
        />
        <span>Include history</span>
      </label>
      <p className="settings-check-hint">
        Events, messages, attempts and captured requests; the file can get large.
      </p>
      <label className="check">
        <input
          type="checkbox"
          checked={includeSecrets}
          aria-describedby={includeSecrets ? 'export-secrets-warning' : undefined}
          onChange={(event) => setIncludeSecrets(event.target.checked)}
        />
        <span>Include secrets</span>
      </label>
      {includeSecrets ? (
        <p id="export-secrets-warning" className="notice is-warn">
          The file will contain your secrets (auth secrets, client secrets, signing keys, secret headers) in
          plain text. Keep it private and do not commit it.
        </p>
      ) : (
        <p className="settings-check-hint">
          Without them, secrets are left out and must be entered again after an import.
        </p>
      )}
      <div className="form-footer">
        <button
          type="button"
          className="button"
          disabled={working}
          onClick={() => void exportWorkspace({ includeHistory, includeSecrets })}
        >
          {working ? 'Exporting…' : 'Export…'}
        </button>
        <span className="form-status" role="status">
          {exportState.status === 'done' && exportState.fileName ? `Downloaded ${exportState.fileName}` : ''}
        </span>
      </div>
      {exportState.error ? (
        <p className="inline-error" role="alert">
          Could not export: {exportState.error.message}
        </p>
      ) : null}
    </WorkspacePanel>
  )
}
