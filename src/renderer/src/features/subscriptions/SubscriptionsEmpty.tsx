import { useAppStore } from '../../state/index.ts'
import { SubscriptionsIcon } from '../../ui/icons.tsx'
import { profileInfos } from '../../ui/profiles.ts'

/** No subscriptions yet: what one is, what each profile sends, and the one button to start. */
export function SubscriptionsEmpty() {
  const open = useAppStore((state) => state.openSubscriptionEditor)
  return (
    <div className="empty-state empty-state-guide">
      <div className="empty-state-icon">
        <SubscriptionsIcon />
      </div>
      <h2 className="empty-state-title">No subscriptions yet</h2>
      <p className="empty-state-body">
        A subscription says which events go to which URL, and how: the payload format (profile), headers,
        authentication, a signing secret and a retry schedule. When an event is sent, every enabled
        subscription that matches it gets a message with its own <code>message_id</code>.
      </p>
      <dl className="profile-glossary">
        {profileInfos.map((info) => (
          <div key={info.id}>
            <dt>
              {info.label} <code>{info.id}</code>
            </dt>
            <dd>
              {info.sends} Success on {info.success}.
            </dd>
          </div>
        ))}
      </dl>
      <button type="button" className="button button-primary" onClick={() => open({ kind: 'new' })}>
        New subscription
      </button>
      <p className="empty-state-note">
        Tip: point the URL at a bin of the Inbox to see exactly what Hookbench sends.
      </p>
    </div>
  )
}
