/** Where the receiver's mock OAuth2 server and emulators answer, from the receiver URL in health. */

export function tokenUrlOf(receiverUrl: string): string {
  return `${trimSlash(receiverUrl)}/oauth2/token`
}

/** Where an emulator's management API is mounted: `<receiver>/emulate/<system>`. */
export function emulatorUrlOf(receiverUrl: string, system: 'contensis' | 'rustici' | 'quicklysign'): string {
  return `${trimSlash(receiverUrl)}/emulate/${system}`
}

export function quicklySignSubscriptionsUrlOf(receiverUrl: string): string {
  return `${trimSlash(receiverUrl)}/emulate/quicklysign/subscriptions`
}

/**
 * One request a user can paste to see the QuicklySign emulator answer: a subscription whose
 * callback is a Hookbench bin, so the whole loop stays on this machine.
 */
export function quicklySignCurl(receiverUrl: string, clientId: string, clientSecret: string): string {
  const body = JSON.stringify({
    client_id: clientId,
    client_secret: clientSecret,
    subscription: { entity_key: 'doc_1', callback: `${trimSlash(receiverUrl)}/hooks/quicklysign/callback` },
  })
  return `curl -s -H 'content-type: application/json' -d ${shellQuote(body)} ${quicklySignSubscriptionsUrlOf(receiverUrl)}`
}

/** A token request with HTTP Basic client authentication, as README's mock OAuth2 section shows. */
export function tokenCurl(receiverUrl: string, clientId: string, clientSecret: string, scope: string | null) {
  const scopePart = scope ? ` -d ${shellQuote(`scope=${scope}`)}` : ''
  return `curl -s -u ${shellQuote(`${clientId}:${clientSecret}`)} -d grant_type=client_credentials${scopePart} ${tokenUrlOf(receiverUrl)}`
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '')
}

/** POSIX single quotes: safe for any text, a quote inside closes, escapes and reopens. */
export function shellQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`
}
