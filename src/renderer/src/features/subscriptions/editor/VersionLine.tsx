import type { Subscription } from '../../../../../shared/domain/subscription.ts'
import { formatDateTime } from '../../../ui/format.ts'

/** Contensis's version metadata: who created and last changed the subscription, and its version. */
export function VersionLine({ subscription }: { subscription: Subscription }) {
  const { version } = subscription
  return (
    <dl className="subs-version-line" aria-label="Version">
      <div>
        <dt>Version</dt>
        <dd data-testid="version-no">{version.versionNo}</dd>
      </div>
      <div>
        <dt>Created</dt>
        <dd>
          <time dateTime={version.created}>{formatDateTime(version.created)}</time> by {version.createdBy}
        </dd>
      </div>
      <div>
        <dt>Modified</dt>
        <dd>
          <time dateTime={version.modified}>{formatDateTime(version.modified)}</time> by {version.modifiedBy}
        </dd>
      </div>
      <div>
        <dt>ID</dt>
        <dd>
          <code>{subscription.id}</code>
        </dd>
      </div>
    </dl>
  )
}
