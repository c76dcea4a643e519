import { EmptyState } from '../../components/EmptyState.tsx'
import { MessagesIcon } from '../../components/icons.tsx'
import { PageLayout } from '../../components/PageLayout.tsx'

export function MessagesPage() {
  return (
    <PageLayout title="Messages" description="Every delivery Hookbench has made, attempt by attempt.">
      <EmptyState icon={<MessagesIcon />} title="No messages yet" note="Not built yet in this version.">
        Each event delivered to a subscription will be listed here by its <code>message_id</code>, with the
        request and response of every attempt, ready to replay.
      </EmptyState>
    </PageLayout>
  )
}
