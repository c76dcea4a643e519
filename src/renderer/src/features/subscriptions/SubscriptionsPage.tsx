import { EmptyState } from '../../components/EmptyState.tsx'
import { SubscriptionsIcon } from '../../components/icons.tsx'
import { PageLayout } from '../../components/PageLayout.tsx'

export function SubscriptionsPage() {
  return (
    <PageLayout title="Subscriptions" description="Where Hookbench delivers events, and how.">
      <EmptyState
        icon={<SubscriptionsIcon />}
        title="No subscriptions yet"
        note="Not built yet in this version."
      >
        Subscriptions will say which topics go to which URL, with headers, authentication, signing and
        retries, and you will create and edit them here.
      </EmptyState>
    </PageLayout>
  )
}
