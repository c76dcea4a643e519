import type { AuthConfig } from '../../../../shared/domain/auth-config.ts'
import type { Subscription } from '../../../../shared/domain/subscription.ts'
import { placeholdersOf } from '../../../../shared/templating.ts'
import { type CheckFormDraft, newCheckDraft } from './check-form.ts'

/** The form filled from a subscription, and what the user should know about what could not be. */
export interface SubscriptionFill {
  draft: CheckFormDraft
  notes: string[]
}

/**
 * "Check this endpoint": the subscription's URL, profile, signing secret and credentials, as
 * revealed (`getSubscription`/`getAuthConfig` with `reveal`). What cannot become a static
 * credential or a plain URL is said, not guessed.
 */
export function fillFromSubscription(subscription: Subscription, auth: AuthConfig | null): SubscriptionFill {
  const notes: string[] = []
  const draft: CheckFormDraft = {
    ...newCheckDraft(),
    url: subscription.url,
    profile: subscription.profile,
    secret: subscription.signing?.secret ?? '',
    subscriptionId: subscription.id,
  }
  if (placeholdersOf(subscription.url).length > 0) {
    notes.push(
      'The URL has templates ({/…}) that Hookbench fills per event; they are not expanded here: ' +
        'replace them with real values, or the checks go to the URL as written.',
    )
  }
  if (subscription.signing && !subscription.signing.secret) {
    notes.push('No signing secret is stored for this subscription: the signature checks are skipped.')
  }
  const authType = auth?.auth_type ?? 'NO_AUTH'
  switch (authType) {
    case 'NO_AUTH':
      break
    case 'BASIC_AUTH':
      draft.credentials = 'basic'
      draft.basicUser = auth?.key ?? ''
      draft.basicPassword = auth?.secret ?? ''
      break
    case 'OAUTH_2_CLIENT_CREDENTIALS':
      notes.push(
        'This subscription authenticates with OAuth client credentials, which cannot be turned into a ' +
          'static credential; give a bearer token to test credentials.',
      )
      break
    default: {
      const unreachable: never = authType
      return unreachable
    }
  }
  return { draft, notes }
}
