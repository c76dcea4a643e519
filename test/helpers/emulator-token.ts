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

/** What such a route answered: its status, headers and JSON body (null when empty). */
export interface EmulatorAnswer {
  status: number
  headers: Headers
  // biome-ignore lint/suspicious/noExplicitAny: assertions read arbitrary JSON.
  body: any
}

/**
 * One call to a receiver route (an emulator, or the mock OAuth2 token endpoint) with exactly these
 * headers; a string body is sent as written.
 */
export async function emulatorRequest(
  hb: ReceiverHost,
  method: string,
  path: string,
  body: unknown,
  headers: Record<string, string>,
): Promise<EmulatorAnswer> {
  const response = await hb.hook(path, {
    method,
    headers,
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  })
  const text = await response.text()
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null }
}

export interface EmulatorCaller {
  hb: ReceiverHost
  token: string
  /** A JSON call with `Authorization: Bearer <token>`; `headers` adds or overrides headers. */
  call(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<EmulatorAnswer>
}

/** A caller of `hb`'s emulators that got a token from its mock OAuth2 server first. */
export async function emulatorCaller(hb: ReceiverHost): Promise<EmulatorCaller> {
  const token = await emulatorToken(hb)
  return {
    hb,
    token,
    call: (method, path, body, headers = {}) =>
      emulatorRequest(hb, method, path, body, {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        ...headers,
      }),
  }
}
