import type { AuthConfig, AuthType } from '../../../shared/domain/auth-config.ts'

export const authTypeLabels: Record<AuthType, string> = {
  NO_AUTH: 'No auth',
  BASIC_AUTH: 'Basic auth',
  OAUTH_2_CLIENT_CREDENTIALS: 'OAuth2 client credentials',
}

/** "Basic auth · alice (3f2a9c1e)": configs have no name, so type, key and a short id tell them apart. */
export function authConfigLabel(config: AuthConfig): string {
  const parts = [authTypeLabels[config.auth_type]]
  if (config.key) parts.push(config.key)
  if (config.auth_type === 'OAUTH_2_CLIENT_CREDENTIALS' && config.scope) parts.push(`scope ${config.scope}`)
  return `${parts.join(' · ')} (${shortId(config.id)})`
}

export function shortId(id: string): string {
  return id.slice(0, 8)
}
