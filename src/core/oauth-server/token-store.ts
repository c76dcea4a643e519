import { randomBytes } from 'node:crypto'
import type { Clock } from '../../shared/clock.ts'

export interface IssuedToken {
  /** The registry id of the client (survives a client_id rename), and its client_id for display. */
  clientRef: string
  clientId: string
  scope: string
  expiresAt: number
}

/** At this many remembered tokens, expired ones are swept (and, if that is not enough, the oldest). */
const SWEEP_AT = 10_000

/**
 * The tokens the mock server issued, in memory only: they are opaque random strings, meaningful
 * to nothing but this process, and a restart is as good as "expire all" — which is what a real
 * authorization server's restart looks like to a client holding a cached token.
 */
export class TokenStore {
  private readonly tokens = new Map<string, IssuedToken>()
  private readonly clock: Clock

  constructor(clock: Clock) {
    this.clock = clock
  }

  issue(grant: Omit<IssuedToken, 'expiresAt'>, ttlSeconds: number): { token: string; expiresAt: number } {
    if (this.tokens.size >= SWEEP_AT) this.sweep()
    // A recognisable prefix, so a user (or a secret scanner) can tell where a token came from.
    const token = `hbo_${randomBytes(32).toString('base64url')}`
    const expiresAt = this.clock.now() + ttlSeconds * 1000
    this.tokens.set(token, { ...grant, expiresAt })
    return { token, expiresAt }
  }

  /** The token if this server issued it and it has not expired (nor been expired or revoked). */
  lookup(token: string): IssuedToken | null {
    const found = this.tokens.get(token)
    if (!found) return null
    if (found.expiresAt <= this.clock.now()) {
      this.tokens.delete(token)
      return null
    }
    return found
  }

  /** Expires every token now; answers how many were still valid. */
  expireAll(): number {
    const active = this.activeCount()
    this.tokens.clear()
    return active
  }

  /** Revokes what was issued to a client that has been deleted. */
  revokeClient(clientRef: string): void {
    for (const [token, issued] of this.tokens) if (issued.clientRef === clientRef) this.tokens.delete(token)
  }

  activeCount(): number {
    const now = this.clock.now()
    let count = 0
    for (const issued of this.tokens.values()) if (issued.expiresAt > now) count++
    return count
  }

  private sweep(): void {
    const now = this.clock.now()
    for (const [token, issued] of this.tokens) if (issued.expiresAt <= now) this.tokens.delete(token)
    // Still full of live tokens (a long TTL under load): forget the oldest, Map keeps insertion order.
    for (const token of this.tokens.keys()) {
      if (this.tokens.size < SWEEP_AT) break
      this.tokens.delete(token)
    }
  }
}
