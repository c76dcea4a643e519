import { type ReactNode, useEffect, useState } from 'react'
import { type EditorTarget, useAppStore } from '../../state/index.ts'
import { CopyButton } from '../../ui/CopyButton.tsx'
import { EmptyState } from '../../ui/EmptyState.tsx'
import { ErrorState } from '../../ui/ErrorState.tsx'
import { sampleCurl } from '../../ui/format.ts'
import { InboxIcon } from '../../ui/icons.tsx'
import { useConfirmLeave } from '../../ui/leave-guard.ts'
import { PageLayout } from '../../ui/PageLayout.tsx'
import { BinEditor } from './BinEditor.tsx'
import { BinList } from './BinList.tsx'
import './inbox.css'
import { RequestDetail } from './RequestDetail.tsx'
import { RequestList } from './RequestList.tsx'

const DESCRIPTION = 'Webhooks that arrive at Hookbench’s receiver, captured live, to inspect and replay.'

export function InboxPage() {
  const bins = useAppStore((state) => state.bins)
  const loadBins = useAppStore((state) => state.loadBins)
  const loadRequests = useAppStore((state) => state.loadRequests)
  const watchInbox = useAppStore((state) => state.watchInbox)
  const watchInboxRoute = useAppStore((state) => state.watchInboxRoute)
  const hasRequests = useAppStore((state) => state.inboxRequests.items.length > 0)
  const [editor, setEditor] = useState<EditorTarget>(null)
  // Counts the forms opened: each starts from what is saved, even on the bin already open.
  const [openings, setOpenings] = useState(0)
  const confirmLeave = useConfirmLeave()
  // Another bin's form, or a new one, replaces the open one: its unsaved edits are asked about first.
  const openEditor = (target: EditorTarget) =>
    confirmLeave(() => {
      setEditor(target)
      setOpenings((count) => count + 1)
    })

  useEffect(() => {
    // The URL's bin first, so the first list loaded is that bin's.
    const stopRoute = watchInboxRoute()
    void loadBins()
    void loadRequests()
    const stopLive = watchInbox()
    return () => {
      stopRoute()
      stopLive()
    }
  }, [loadBins, loadRequests, watchInbox, watchInboxRoute])

  let body: ReactNode
  if (bins.status === 'error' && bins.value === null) {
    body = (
      <ErrorState
        title="Could not load the bins"
        error={bins.error}
        hint="Check that Hookbench is still running (the header shows the connection), then retry."
        onRetry={() => void loadBins()}
      />
    )
  } else if (bins.value === null) {
    body = <p className="muted">Loading bins…</p>
  } else if (bins.value.length === 0 && !hasRequests && editor === null) {
    body = <NoBins onCreate={() => openEditor({ kind: 'new' })} />
  } else {
    return (
      <PageLayout title="Inbox" description={DESCRIPTION} layout="split">
        <div className="inbox">
          <BinList
            onCreate={() => openEditor({ kind: 'new' })}
            onEdit={(id) => openEditor({ kind: 'edit', id })}
          />
          <RequestList />
          <div className="inbox-detail">
            {editor ? (
              <BinEditor key={openings} target={editor} onClose={() => setEditor(null)} />
            ) : (
              <RequestDetail />
            )}
          </div>
        </div>
      </PageLayout>
    )
  }
  return (
    <PageLayout title="Inbox" description={DESCRIPTION}>
      {body}
    </PageLayout>
  )
}

/** The first visit: what a bin is, and one command that makes something appear here. */
function NoBins({ onCreate }: { onCreate: () => void }) {
  const receiverUrl = useAppStore((state) => state.health.value?.receiver_url ?? null)
  const base = receiverUrl ?? 'http://<receiver>'
  const curl = sampleCurl(`${base}/hooks/demo/`)
  return (
    <EmptyState icon={<InboxIcon />} title="No bins yet">
      A bin is a URL that captures every request sent to it — headers in order, the body byte for byte —
      answers the way you script it (status, headers, delays, a 500-500-200 sequence), checks the sender’s
      credentials or signature, and can forward to your app. Bins capture webhooks sent to{' '}
      <code>{`${base}/hooks/<bin>/…`}</code>; a new name makes a new bin. Try it:
      <span className="inbox-try">
        <code className="inbox-curl">{curl}</code>
        <CopyButton text={curl} label="Copy curl" />
      </span>
      <span className="inbox-try">
        <button type="button" className="button button-primary" onClick={onCreate}>
          New bin
        </button>
      </span>
    </EmptyState>
  )
}
