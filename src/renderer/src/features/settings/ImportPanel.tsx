import { useRef, useState } from 'react'
import { type ImportMode, useAppStore } from '../../state/index.ts'
import { formatBytes } from '../../ui/format.ts'
import { ImportOutcome } from './ImportOutcome.tsx'
import { WorkspacePanel } from './WorkspacePanel.tsx'

const MODES: ReadonlyArray<{ value: ImportMode; label: string; explanation: string }> = [
  {
    value: 'merge',
    label: 'Merge',
    explanation: 'Adds what the file holds; items with the same id are replaced, everything else is kept.',
  },
  {
    value: 'replace',
    label: 'Replace',
    explanation: 'The file’s configuration replaces this one; items not in the file are removed.',
  },
]

interface ImportPanelProps {
  file: File | null
  onChoose: (file: File | null) => void
}

export function ImportPanel({ file, onChoose }: ImportPanelProps) {
  const importState = useAppStore((state) => state.workspaceImport)
  const importWorkspace = useAppStore((state) => state.importWorkspace)
  const [mode, setMode] = useState<ImportMode>('merge')
  const input = useRef<HTMLInputElement>(null)
  const working = importState.status === 'working'

  return (
    <WorkspacePanel id="import-title" title="Import">
      <div className="settings-file-choice">
        <input
          ref={input}
          id="import-file"
          className="visually-hidden"
          type="file"
          accept="application/json,.json"
          tabIndex={-1}
          aria-label="Workspace file"
          onChange={(event) => {
            onChoose(event.target.files?.[0] ?? null)
            // Choosing the same file again (after fixing it) must still count as a change.
            event.target.value = ''
          }}
        />
        <button type="button" className="button" onClick={() => input.current?.click()}>
          Choose file…
        </button>
        {file ? (
          <span className="settings-file-name" title={file.name}>
            {file.name} <span className="muted">({formatBytes(file.size)})</span>
          </span>
        ) : (
          <span className="muted">or drop a .json file on this card</span>
        )}
      </div>
      <fieldset className="settings-mode-choice">
        <legend className="visually-hidden">Import mode</legend>
        {MODES.map((option) => (
          <label key={option.value} className="settings-mode-option">
            <input
              type="radio"
              name="import-mode"
              value={option.value}
              checked={mode === option.value}
              onChange={() => setMode(option.value)}
            />
            <span>
              <span className="settings-mode-label">{option.label}</span>
              <span className="settings-mode-explanation">{option.explanation}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <p className="field-hint settings-import-note">
        In both modes, history in the file is added and settings are taken from the file. An invalid file
        changes nothing.
      </p>
      <div className="form-footer">
        <button
          type="button"
          className={mode === 'replace' ? 'button button-danger' : 'button button-primary'}
          disabled={!file || working}
          onClick={() => file && void importWorkspace(file, mode)}
        >
          {working ? 'Importing…' : mode === 'replace' ? 'Import and replace' : 'Import'}
        </button>
      </div>
      <ImportOutcome state={importState} />
    </WorkspacePanel>
  )
}
