import type { AuthConfig, AuthType } from '../../../../shared/domain/auth-config.ts'
import type { AuthConfigPayload } from '../../state/index.ts'

export interface AuthDraft {
  auth_type: AuthType
  key: string
  secret: string
  scope: string
  token_url: string
}

export function newAuthDraft(): AuthDraft {
  return { auth_type: 'BASIC_AUTH', key: '', secret: '', scope: '', token_url: '' }
}

/** The stored secret is never put in the form: an empty box keeps it (see keepsSecret). */
export function authDraftOf(config: AuthConfig): AuthDraft {
  return {
    auth_type: config.auth_type,
    key: config.key ?? '',
    secret: '',
    scope: config.scope ?? '',
    token_url: config.token_url ?? '',
  }
}

const orNull = (text: string) => (text.trim() === '' ? null : text.trim())

/** Rustici Generator's body: the fields a type does not use are sent as null (NO_AUTH requires it). */
export function authPayloadOf(draft: AuthDraft): AuthConfigPayload {
  switch (draft.auth_type) {
    case 'NO_AUTH':
      return { auth_type: 'NO_AUTH', key: null, secret: null, scope: null, token_url: null }
    case 'BASIC_AUTH':
      return {
        auth_type: 'BASIC_AUTH',
        key: orNull(draft.key),
        secret: orNull(draft.secret),
        scope: null,
        token_url: null,
      }
    case 'OAUTH_2_CLIENT_CREDENTIALS':
      return {
        auth_type: 'OAUTH_2_CLIENT_CREDENTIALS',
        key: orNull(draft.key),
        secret: orNull(draft.secret),
        scope: orNull(draft.scope),
        token_url: orNull(draft.token_url),
      }
    default: {
      const unreachable: never = draft.auth_type
      return unreachable
    }
  }
}

/** Editing without typing a new secret keeps the stored one (when the type still has a secret). */
export function keepsSecret(draft: AuthDraft, saved: AuthConfig | null): boolean {
  return saved !== null && saved.secret !== null && draft.auth_type !== 'NO_AUTH' && draft.secret === ''
}
