import { Fragment, type ReactNode } from 'react'
import { useAppStore } from '../../state/index.ts'
import { CopyButton } from '../../ui/CopyButton.tsx'
import { verifySummary } from './verify-summary.ts'

interface BinListProps {
  onCreate: () => void
  onEdit: (id: string) => void
}

/** Every bin with the URL to send to; choosing one narrows the request list to it. */
export function BinList({ onCreate, onEdit }: BinListProps) {
  const bins = useAppStore((state) => state.bins.value) ?? []
  const selected = useAppStore((state) => state.inboxBinId)
  const selectBin = useAppStore((state) => state.selectBin)

  return (
    <nav className="inbox-bins" aria-label="Bins">
      <div className="inbox-pane-header">
        <h2 className="inbox-pane-title">Bins</h2>
        <button type="button" className="button button-small" onClick={onCreate}>
          New bin
        </button>
      </div>
      <ul className="inbox-bin-list">
        <li>
          <button
            type="button"
            className="inbox-bin"
            aria-current={selected === null ? 'true' : undefined}
            onClick={() => selectBin(null)}
          >
            <span className="inbox-bin-name">All requests</span>
          </button>
        </li>
        {bins.map((bin) => (
          <li key={bin.id} className="inbox-bin-item">
            <button
              type="button"
              className="inbox-bin"
              aria-current={selected === bin.id ? 'true' : undefined}
              onClick={() => selectBin(bin.id)}
            >
              <span className="inbox-bin-name">{bin.name}</span>
              <span className="inbox-bin-rule">{ruleLabel(bin.response)}</span>
              <VerifyLine summary={verifySummary(bin.verify)} />
            </button>
            {selected === bin.id ? (
              <div className="inbox-bin-tools">
                <code className="inbox-bin-url" title="Send webhooks here">
                  {bin.url ? breakAfterSlashes(bin.url) : 'receiver not listening'}
                </code>
                <span className="inbox-bin-actions">
                  {bin.url ? <CopyButton text={bin.url} label="Copy URL" /> : null}
                  <button type="button" className="button button-small" onClick={() => onEdit(bin.id)}>
                    Edit
                  </button>
                </span>
              </div>
            ) : null}
          </li>
        ))}
      </ul>
    </nav>
  )
}

function VerifyLine({ summary }: { summary: string | null }) {
  return summary ? <span className="inbox-bin-verify">{summary}</span> : null
}

function ruleLabel(response: { sequence: Array<{ status: number }> } | { status: number }): string {
  if ('sequence' in response) return response.sequence.map((step) => step.status).join(' → ')
  return String(response.status)
}

/** A URL that wraps after its slashes (`…/hooks/` · `orders/`) rather than inside a word. */
function breakAfterSlashes(url: string): ReactNode[] {
  let offset = 0
  return url.split(/(?<=\/)/).map((part) => {
    const start = offset
    offset += part.length
    // Keyed by where the part starts in the URL, which is what it is.
    return (
      <Fragment key={start}>
        {start > 0 ? <wbr /> : null}
        {part}
      </Fragment>
    )
  })
}
