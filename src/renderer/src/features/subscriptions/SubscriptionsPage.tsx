import { useEffect } from 'react'
import { useAppStore } from '../../state/index.ts'
import { ErrorState } from '../../ui/ErrorState.tsx'
import { PageLayout } from '../../ui/PageLayout.tsx'
import { SubscriptionEditor } from './editor/SubscriptionEditor.tsx'
import { SubscriptionList } from './SubscriptionList.tsx'
import { SubscriptionsEmpty } from './SubscriptionsEmpty.tsx'
import './subscriptions.css'

const DESCRIPTION = 'Where Hookbench delivers events, and how: format, authentication, signing and retries.'

export function SubscriptionsPage() {
  const loadSubscriptions = useAppStore((state) => state.loadSubscriptions)
  const loadAuthConfigs = useAppStore((state) => state.loadAuthConfigs)
  const loadCatalog = useAppStore((state) => state.loadCatalog)
  const editor = useAppStore((state) => state.subscriptionEditor)
  const watchSubscriptionRoute = useAppStore((state) => state.watchSubscriptionRoute)

  useEffect(() => watchSubscriptionRoute(), [watchSubscriptionRoute])
  // Every visit refreshes the list and its health; the previous list stays on screen meanwhile.
  useEffect(() => {
    void loadSubscriptions()
    void loadAuthConfigs()
    if (useAppStore.getState().catalog.status !== 'ready') void loadCatalog()
  }, [loadSubscriptions, loadAuthConfigs, loadCatalog])

  return (
    <PageLayout title="Subscriptions" description={DESCRIPTION} layout="split">
      <div className="list-pane">
        <ListPane />
      </div>
      {editor ? (
        <div className="editor-pane">
          <SubscriptionEditor
            key={editor.kind === 'new' ? 'new' : editor.id}
            id={editor.kind === 'new' ? null : editor.id}
          />
        </div>
      ) : null}
    </PageLayout>
  )
}

function ListPane() {
  const subscriptions = useAppStore((state) => state.subscriptions)
  const editor = useAppStore((state) => state.subscriptionEditor)
  const listError = useAppStore((state) => state.subscriptionListError)
  const loadSubscriptions = useAppStore((state) => state.loadSubscriptions)
  const open = useAppStore((state) => state.openSubscriptionEditor)

  if (subscriptions.value === null) {
    if (subscriptions.status === 'error') {
      return (
        <ErrorState
          title="Could not load the subscriptions"
          error={subscriptions.error}
          hint="Check that Hookbench is still running (the header shows the connection), then retry."
          onRetry={() => void loadSubscriptions()}
        />
      )
    }
    return <p className="muted pane-message">Loading subscriptions…</p>
  }
  if (subscriptions.value.length === 0 && editor === null) return <SubscriptionsEmpty />

  const count = subscriptions.value.length
  return (
    <>
      <div className="pane-toolbar">
        <button type="button" className="button button-primary" onClick={() => open({ kind: 'new' })}>
          New subscription
        </button>
        <span className="muted">
          {count} {count === 1 ? 'subscription' : 'subscriptions'}
        </span>
        <button
          type="button"
          className="button button-small push-right"
          onClick={() => void loadSubscriptions()}
          disabled={subscriptions.status === 'loading'}
        >
          Refresh
        </button>
      </div>
      {listError ? (
        <p className="inline-error pane-error" role="alert">
          {listError.message}
        </p>
      ) : null}
      {count > 0 ? (
        <SubscriptionList items={subscriptions.value} editor={editor} />
      ) : (
        <p className="muted pane-message">Fill in the form to create the first subscription.</p>
      )}
    </>
  )
}
