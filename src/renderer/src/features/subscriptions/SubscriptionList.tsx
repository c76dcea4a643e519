import type { Subscription } from '../../../../shared/domain/subscription.ts'
import { type EditorTarget, useAppStore } from '../../state/index.ts'
import { EditorListRow } from '../../ui/EditorListRow.tsx'
import { textOf } from '../../ui/format.ts'
import { profileInfo, unfilteredTopics } from '../../ui/profiles.ts'
import { TableHead } from '../../ui/TableHead.tsx'
import { HealthCell } from './HealthCell.tsx'

/**
 * Dense, one row per subscription; a click anywhere on a row (or Enter on it) opens the editor,
 * the switch enables or disables.
 */
export function SubscriptionList({ items, editor }: { items: Subscription[]; editor: EditorTarget }) {
  return (
    <table className="data-table list-table" aria-label="Subscriptions">
      <TableHead
        columns={[
          'Name',
          ['Profile', 'col-profile'],
          ['URL', 'col-url'],
          'Enabled',
          ['Health', 'col-health'],
        ]}
      />
      <tbody>
        {items.map((item) => (
          <SubscriptionRow
            key={item.id}
            subscription={item}
            selected={editor?.kind === 'edit' && editor.id === item.id}
          />
        ))}
      </tbody>
    </table>
  )
}

function SubscriptionRow({ subscription, selected }: { subscription: Subscription; selected: boolean }) {
  const open = useAppStore((state) => state.openSubscriptionEditor)
  const setEnabled = useAppStore((state) => state.setSubscriptionEnabled)
  const toggling = useAppStore((state) => state.togglingSubscriptions.includes(subscription.id))
  const name = textOf(subscription.name) || '(unnamed)'
  const topics = subscription.topics.length
  return (
    <EditorListRow
      selected={selected}
      onOpen={() => open({ kind: 'edit', id: subscription.id })}
      name={name}
      sub={
        <>
          {topics === 0
            ? unfilteredTopics(subscription.profile).short
            : `${topics} ${topics === 1 ? 'topic' : 'topics'}`}
          {subscription.signing ? ' · signed' : ''}
          {subscription.auth_config_id ? ' · auth' : ''}
        </>
      }
    >
      <td className="col-profile">
        <span className="badge" title={profileInfo(subscription.profile).label}>
          {subscription.profile}
        </span>
      </td>
      <td className="col-url">
        <code className="url-cell" title={subscription.url}>
          {subscription.url}
        </code>
      </td>
      <td>
        <label className="toggle-switch">
          <input
            type="checkbox"
            aria-label={`Enabled: ${name}`}
            checked={subscription.enabled}
            disabled={toggling}
            onChange={(event) => void setEnabled(subscription.id, event.target.checked)}
          />
          <span className="toggle-switch-track" aria-hidden="true" />
        </label>
      </td>
      <td className="col-health">
        <HealthCell subscription={subscription} />
      </td>
    </EditorListRow>
  )
}
