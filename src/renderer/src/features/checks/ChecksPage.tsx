import { useEffect } from 'react'
import { useAppStore } from '../../state/index.ts'
import { PageLayout } from '../../ui/PageLayout.tsx'
import { CheckForm } from './CheckForm.tsx'
import { RunHistory } from './RunHistory.tsx'
import { RunReport } from './RunReport.tsx'
import './checks.css'

const DESCRIPTION =
  'Sends your webhook endpoint what a sender sends — a valid delivery, and the forged, replayed, ' +
  'duplicated, late and large ones it has to cope with — and says what it answered to each.'

/** A running run is refetched this often when no live event came (a dropped stream). */
const RUN_POLL_MS = 3_000

export function ChecksPage() {
  const watchChecksRoute = useAppStore((state) => state.watchChecksRoute)
  const watchCheckRuns = useAppStore((state) => state.watchCheckRuns)
  const loadCheckRuns = useAppStore((state) => state.loadCheckRuns)
  const openId = useAppStore((state) => state.checkRun.id)

  useEffect(() => watchChecksRoute(), [watchChecksRoute])
  useEffect(() => watchCheckRuns(RUN_POLL_MS), [watchCheckRuns])
  useEffect(() => {
    void loadCheckRuns()
  }, [loadCheckRuns])

  return (
    <PageLayout title="Check an endpoint" description={DESCRIPTION}>
      <div className="chk-layout">
        <div className="chk-column">
          <CheckForm />
        </div>
        <div className="chk-column">
          {openId ? <RunReport /> : null}
          <RunHistory />
        </div>
      </div>
    </PageLayout>
  )
}
