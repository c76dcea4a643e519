import type { ErrorBody } from '../../../../shared/errors.ts'
import { useAppStore } from '../../state/index.ts'
import { textOf } from '../../ui/format.ts'

/** The subscriptions a 409 names (`details.subscription_ids`). */
export function conflictingIds(error: ErrorBody | null): string[] {
  const ids = (error?.details as { subscription_ids?: unknown } | undefined)?.subscription_ids
  return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : []
}

/** A delete refused: for a config in use, which subscriptions use it, each a link to its editor. */
export function DeleteError({ error }: { error: ErrorBody }) {
  const subscriptions = useAppStore((state) => state.subscriptions.value)
  const navigate = useAppStore((state) => state.navigate)
  const openSubscription = useAppStore((state) => state.openSubscriptionEditor)
  const ids = conflictingIds(error)
  if (error.code !== 'conflict' || ids.length === 0) {
    return (
      <p className="inline-error" role="alert">
        Could not delete: {error.message}
      </p>
    )
  }
  const nameOf = (id: string) => {
    const found = subscriptions?.find((item) => item.id === id)
    return found ? textOf(found.name) || id : id
  }
  return (
    <div className="notice is-error" role="alert">
      <p className="notice-title">
        Not deleted: used by {ids.length} {ids.length === 1 ? 'subscription' : 'subscriptions'}
      </p>
      <ul className="auth-conflict-list">
        {ids.map((id) => (
          <li key={id}>
            <button
              type="button"
              className="link-button"
              onClick={() => {
                navigate('subscriptions')
                openSubscription({ kind: 'edit', id })
              }}
            >
              {nameOf(id)}
            </button>
          </li>
        ))}
      </ul>
      <p>
        Pick another auth config (or none) in {ids.length === 1 ? 'it' : 'each of them'}, then delete this
        one.
      </p>
    </div>
  )
}
