import { useEffect } from 'react'
import { useAppStore } from '../../state/index.ts'
import { ListEditorPage } from '../../ui/ListEditorPage.tsx'
import { SubscriptionEditor } from './editor/SubscriptionEditor.tsx'
import { SubscriptionList } from './SubscriptionList.tsx'
import { SubscriptionsEmpty } from './SubscriptionsEmpty.tsx'
import './subscriptions.css'

const DESCRIPTION = 'Where Hookbench delivers events, and how: format, authentication, signing and retries.'

export function SubscriptionsPage() {
  const loadSubscriptions = useAppStore((state) => state.loadSubscriptions)
  const loadAuthConfigs = useAppStore((state) => state.loadAuthConfigs)
  const loadCatalog = useAppStore((state) => state.loadCatalog)
  const subscriptions = useAppStore((state) => state.subscriptions)
  const editor = useAppStore((state) => state.subscriptionEditor)
  const listError = useAppStore((state) => state.subscriptionListError)
  const unsaved = useAppStore((state) => state.subscriptionUnsaved)
  const forgetEdits = useAppStore((state) => state.forgetSubscriptionEdits)
  const open = useAppStore((state) => state.openSubscriptionEditor)
  const watchSubscriptionRoute = useAppStore((state) => state.watchSubscriptionRoute)

  useEffect(() => watchSubscriptionRoute(), [watchSubscriptionRoute])
  // Every visit refreshes the list and its health; the previous list stays on screen meanwhile.
  useEffect(() => {
    void loadSubscriptions()
    void loadAuthConfigs()
    if (useAppStore.getState().catalog.status !== 'ready') void loadCatalog()
  }, [loadSubscriptions, loadAuthConfigs, loadCatalog])

  return (
    <ListEditorPage
      title="Subscriptions"
      description={DESCRIPTION}
      noun={{ one: 'subscription', many: 'subscriptions' }}
      list={subscriptions}
      onReload={() => void loadSubscriptions()}
      editor={editor}
      renderEditor={(id) => <SubscriptionEditor id={id} />}
      unsaved={unsaved}
      onFormOpen={forgetEdits}
      onNew={() => open({ kind: 'new' })}
      empty={<SubscriptionsEmpty />}
      toolbar={
        <button
          type="button"
          className="button button-small push-right"
          onClick={() => void loadSubscriptions()}
          disabled={subscriptions.status === 'loading'}
        >
          Refresh
        </button>
      }
      notice={
        listError ? (
          <p className="inline-error pane-error" role="alert">
            {listError.message}
          </p>
        ) : null
      }
    >
      {(items) => <SubscriptionList items={items} editor={editor} />}
    </ListEditorPage>
  )
}
