import { type ChangeEvent, useRef, useState } from 'react'
import { toErrorBody } from '../../api/index.ts'
import { useAppStore } from '../../state/index.ts'

/** Export the listed captures as a HAR file; import one (into this bin, or a bin named "imported"). */
export function HarButtons({ binName }: { binName: string | null }) {
  const input = useRef<HTMLInputElement>(null)
  const [message, setMessage] = useState<string | null>(null)
  const exportHarDocument = useAppStore((state) => state.exportHar)
  const importHarFile = useAppStore((state) => state.importHar)

  const exportHar = async () => {
    try {
      const har = await exportHarDocument()
      const blob = new Blob([JSON.stringify(har, null, 2)], { type: 'application/json' })
      const link = document.createElement('a')
      link.href = URL.createObjectURL(blob)
      link.download = `${binName ?? 'hookbench'}-requests.har`
      link.click()
      URL.revokeObjectURL(link.href)
      setMessage(null)
    } catch (error) {
      setMessage(`Export failed: ${toErrorBody(error).message}`)
    }
  }

  const importHar = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0]
    event.target.value = ''
    if (!file) return
    try {
      const imported = await importHarFile(binName ?? 'imported', JSON.parse(await file.text()))
      setMessage(`Imported ${imported} requests.`)
    } catch (error) {
      const reason = error instanceof SyntaxError ? 'the file is not JSON' : toErrorBody(error).message
      setMessage(`Import failed: ${reason}`)
    }
  }

  return (
    <span className="inbox-har">
      <button type="button" className="button button-small" onClick={() => void exportHar()}>
        Export HAR
      </button>
      <button type="button" className="button button-small" onClick={() => input.current?.click()}>
        Import HAR
      </button>
      <input
        ref={input}
        type="file"
        accept=".har,application/json"
        className="visually-hidden"
        tabIndex={-1}
        aria-label="HAR file to import"
        onChange={(event) => void importHar(event)}
      />
      {message ? (
        <span className="inbox-har-message" role="status">
          {message}
        </span>
      ) : null}
    </span>
  )
}
