import { EmptyState } from '../../components/EmptyState.tsx'
import { InboxIcon } from '../../components/icons.tsx'
import { PageLayout } from '../../components/PageLayout.tsx'
import { useAppStore } from '../../stores/index.ts'

export function InboxPage() {
  const receiverUrl = useAppStore((state) => state.health.value?.receiver_url ?? null)
  const hooksUrl = `${receiverUrl ?? 'http://<receiver>'}/hooks/<bin>/…`
  return (
    <PageLayout title="Inbox" description="Webhooks that arrive at Hookbench's receiver.">
      <EmptyState icon={<InboxIcon />} title="No bins yet" note="Not built yet in this version.">
        Bins capture webhooks sent to <code>{hooksUrl}</code> and will list each request here to inspect and
        replay.
      </EmptyState>
    </PageLayout>
  )
}
