import type { ReceiverHost } from './receiver-host.ts'

/** The client every emulator test registers with the mock OAuth2 server. */
export const EMULATOR_CLIENT = { client_id: 'emulator-caller', client_secret: 'emulator-secret-7731' }

/**
 * What a caller of the Contensis or Rustici emulator does first: register an OAuth client in
 * Hookbench, then get a client-credentials token from its `POST /oauth2/token`. Answers the access
 * token, for `Authorization: Bearer <token>`.
 */
export async function emulatorToken(hb: ReceiverHost): Promise<string> {
  if (!hb.host.receiverUrl) throw new Error('the receiver is not listening')
  const existing = await hb.api<{ items: Array<{ client_id: string }> }>('GET', '/api/oauth-clients')
  if (!existing.body.items.some((client) => client.client_id === EMULATOR_CLIENT.client_id)) {
    const registered = await hb.api('POST', '/api/oauth-clients', EMULATOR_CLIENT)
    if (registered.status !== 201) throw new Error(`registering the client: ${registered.status}`)
  }
  const response = await hb.hook('/oauth2/token', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', ...EMULATOR_CLIENT }).toString(),
  })
  const body = (await response.json()) as { access_token?: string }
  if (response.status !== 200 || !body.access_token) {
    throw new Error(`the token request answered ${response.status}: ${JSON.stringify(body)}`)
  }
  return body.access_token
}
