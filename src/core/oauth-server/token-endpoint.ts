import { randomUUID } from 'node:crypto'
import type { ServerResponse } from 'node:http'
import type { Clock } from '../../shared/clock.ts'
import { HookbenchError } from '../../shared/errors.ts'
import { readBody, sendJson } from '../net/json-response.ts'
import type { ReceiverRoute } from '../receiver/receiver-server.ts'
import { decideTokenRequest, type TokenDecisionDeps, type TokenRecordFields } from './token-decision.ts'
import { invalidRequest, type OAuthError, readTokenRequest } from './token-request.ts'

export const TOKEN_PATH = '/oauth2/token'
/** A token request is a handful of form fields; anything bigger is not one. */
const MAX_BODY_BYTES = 64 * 1024

/** RFC 6749 §5.1: token responses (and errors) must not be cached. */
const NO_STORE = { 'cache-control': 'no-store', pragma: 'no-cache' }

export interface TokenEndpointDeps extends TokenDecisionDeps {
  clock: Clock
}

/**
 * `POST /oauth2/token`: the client-credentials grant (RFC 6749 §4.4) with errors per §5.2. Every
 * request is recorded (never the secret or the token) so the UI can show what a sender asked for.
 */
export function createTokenEndpoint(deps: TokenEndpointDeps): ReceiverRoute {
  const record = (fields: TokenRecordFields) =>
    deps.state.record({ id: randomUUID(), at: new Date(deps.clock.now()).toISOString(), ...fields })

  /** Refused before the request could be read: nothing is known about the client. */
  const refuseUnread = (res: ServerResponse, error: OAuthError) => {
    record({
      client_id: null,
      client_auth: 'none',
      grant: null,
      scope: null,
      granted_scope: null,
      outcome: 'invalid_request',
      status: error.status,
      detail: error.description,
      expires_at: null,
    })
    sendOAuthError(res, error)
  }

  return {
    async handle(req, res) {
      const pathname = new URL(req.url ?? '/', 'http://receiver').pathname
      if (pathname !== TOKEN_PATH && pathname !== `${TOKEN_PATH}/`) {
        req.resume()
        throw new HookbenchError('not_found', `Nothing at ${pathname}: the token endpoint is ${TOKEN_PATH}.`)
      }
      if (req.method !== 'POST') {
        req.resume()
        res.setHeader('allow', 'POST')
        refuseUnread(res, {
          ...invalidRequest('The token endpoint accepts POST only (RFC 6749 section 3.2).'),
          status: 405,
        })
        return
      }
      let body: Buffer
      try {
        body = await readBody(req, MAX_BODY_BYTES)
      } catch (error) {
        if (!(error instanceof HookbenchError)) throw error
        res.setHeader('connection', 'close')
        refuseUnread(res, { ...invalidRequest(error.message), status: 413 })
        return
      }

      const read = readTokenRequest({
        contentType: req.headers['content-type'],
        authorization: req.headers.authorization,
        body,
      })
      const decision = decideTokenRequest(read, deps)
      record(decision.record)
      if (decision.kind === 'refused') {
        sendOAuthError(res, decision.error)
        return
      }
      const answer = {
        access_token: decision.token,
        token_type: 'Bearer',
        expires_in: decision.expiresIn,
        scope: decision.scope,
      }
      sendJson(res, 200, answer, NO_STORE)
    },
  }
}

function sendOAuthError(res: ServerResponse, error: OAuthError): void {
  const body =
    error.description === ''
      ? { error: error.error }
      : { error: error.error, error_description: error.description }
  // §5.2: a client that tried HTTP Basic gets 401 with a challenge for that scheme.
  const challenge: Record<string, string> = error.challenge
    ? { 'www-authenticate': 'Basic realm="hookbench"' }
    : {}
  sendJson(res, error.status, body, { ...NO_STORE, ...challenge })
}
