import type { IncomingMessage } from 'node:http'
import { EmulatorError } from './emulator-route.ts'

/** What a refusal says, in the vendor's words; the status and challenge are the same for all. */
export interface BearerRefusalMessages {
  /** No `Authorization: Bearer …` at all. */
  missing: string
  /** A bearer token this Hookbench did not issue, or one that expired or was revoked. */
  invalid: string
}

/**
 * The emulators' `authenticate` for vendors whose management APIs take OAuth bearer tokens
 * (Contensis, Rustici Generator): `Authorization: Bearer <token>` where the token was issued by
 * Hookbench's own `POST /oauth2/token` to any client registered in `/api/oauth-clients`, and is
 * still valid. Refusals are 401 with an RFC 6750 §3 challenge: a bare `Bearer` when no token was
 * sent, `error="invalid_token"` when one was sent but is not valid.
 */
export function bearerAuthentication(
  isIssuedToken: (token: string) => boolean,
  messages: BearerRefusalMessages,
): (req: IncomingMessage) => void {
  return (req) => {
    const header = req.headers.authorization
    const match = header === undefined ? null : /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i.exec(header)
    if (header === undefined) {
      throw new EmulatorError(401, messages.missing, [], { 'www-authenticate': 'Bearer' })
    }
    if (!match?.[1] || !isIssuedToken(match[1])) {
      throw new EmulatorError(401, messages.invalid, [], {
        'www-authenticate': `Bearer error="invalid_token", error_description="${messages.invalid}"`,
      })
    }
  }
}
