import { type DragEvent, useState } from 'react'
import { useAppStore } from '../../state/index.ts'
import { ExportPanel } from './ExportPanel.tsx'
import { ImportPanel } from './ImportPanel.tsx'
import { SettingsCard } from './SettingsCard.tsx'

/** Export and import of the whole workspace; a JSON file dropped anywhere on the card is taken for import. */
export function WorkspaceCard() {
  const resetImport = useAppStore((state) => state.resetImport)
  const [file, setFile] = useState<File | null>(null)
  const [dragging, setDragging] = useState(false)

  const choose = (next: File | null) => {
    setFile(next)
    resetImport()
  }

  const carriesFiles = (event: DragEvent) => event.dataTransfer.types.includes('Files')
  const onDragOver = (event: DragEvent<HTMLElement>) => {
    if (!carriesFiles(event)) return
    event.preventDefault()
    event.dataTransfer.dropEffect = 'copy'
    setDragging(true)
  }
  const onDragLeave = (event: DragEvent<HTMLElement>) => {
    // Leaving for a child element is not leaving the card.
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false)
  }
  const onDrop = (event: DragEvent<HTMLElement>) => {
    if (!carriesFiles(event)) return
    event.preventDefault()
    setDragging(false)
    const dropped = event.dataTransfer.files[0]
    if (dropped) choose(dropped)
  }

  return (
    <SettingsCard
      id="workspace"
      title="Workspace"
      description="Move subscriptions, auth configs, bins and settings (and, if you like, history) between machines as one JSON file."
      className={dragging ? 'is-drop-target' : undefined}
      onDragOver={onDragOver}
      onDragLeave={onDragLeave}
      onDrop={onDrop}
    >
      <div className="settings-workspace-panels">
        <ExportPanel />
        <ImportPanel file={file} onChoose={choose} />
      </div>
    </SettingsCard>
  )
}
