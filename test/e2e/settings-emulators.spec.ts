import type { APIRequestContext, Page } from '@playwright/test'
import { expect, type Hookbench, test } from './fixtures.ts'

async function openSettings(page: Page, hookbench: Hookbench) {
  await page.goto(`${hookbench.apiUrl}/#/settings`)
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible()
}

/** A client-credentials token request with HTTP Basic client authentication, as a sender makes it. */
function requestToken(request: APIRequestContext, hookbench: Hookbench, secret = 's3cret') {
  return request.post(`${hookbench.receiverUrl}/oauth2/token`, {
    headers: { authorization: `Basic ${Buffer.from(`demo:${secret}`).toString('base64')}` },
    form: { grant_type: 'client_credentials', scope: 'hooks' },
  })
}

/** The local API with the token, as Playwright's request client: a call's answer is checked by the test. */
function localApi(page: Page, hookbench: Hookbench) {
  const headers = { authorization: `Bearer ${hookbench.token}` }
  return {
    get: (path: string) => page.request.get(`${hookbench.apiUrl}${path}`, { headers }),
    post: (path: string, data: unknown) => page.request.post(`${hookbench.apiUrl}${path}`, { headers, data }),
    patch: (path: string, data: unknown) =>
      page.request.patch(`${hookbench.apiUrl}${path}`, { headers, data }),
  }
}

/** Registers an OAuth client of the mock server through the local API; anything but 201 fails the test. */
async function registerOAuthClient(page: Page, hookbench: Hookbench, client: Record<string, unknown>) {
  const registered = await localApi(page, hookbench).post('/api/oauth-clients', client)
  expect(registered.status(), await registered.text()).toBe(201)
}

test('an OAuth client made in the UI gets tokens; failures and expiry are driven from the card', async ({
  page,
  hookbench,
}) => {
  await openSettings(page, hookbench)
  const clientsCard = page.getByRole('region', { name: 'OAuth clients', exact: true })
  const serverCard = page.getByRole('region', { name: 'Mock OAuth2 server' })
  const tokenUrl = `${hookbench.receiverUrl}/oauth2/token`
  await expect(serverCard.getByText(tokenUrl, { exact: true })).toBeVisible()
  await expect(clientsCard.getByText('No OAuth clients yet.', { exact: false })).toBeVisible()

  // Create demo / s3cret with the scope "hooks" (typed, then Enter makes it a chip).
  await clientsCard.getByRole('button', { name: 'Add client' }).click()
  await expect(clientsCard.getByLabel('Client ID', { exact: true })).toBeFocused()
  await clientsCard.getByLabel('Client ID', { exact: true }).fill('demo')
  await clientsCard.getByLabel('Client secret', { exact: true }).fill('s3cret')
  await clientsCard.getByLabel('Scopes', { exact: true }).fill('hooks')
  await clientsCard.getByLabel('Scopes', { exact: true }).press('Enter')
  await expect(clientsCard.getByRole('button', { name: 'Remove scope hooks' })).toBeVisible()
  await clientsCard.getByRole('button', { name: 'Create client' }).click()

  const row = clientsCard.getByRole('table', { name: 'OAuth clients' }).getByRole('row', { name: /demo/ })
  await expect(row).toContainText('hooks')
  await expect(row).toContainText('••••')
  await expect(row).not.toContainText('s3cret')
  await row.getByRole('button', { name: 'Reveal the secret of demo' }).click()
  await expect(row.getByTestId('revealed-secret')).toHaveText('s3cret')
  await row.getByRole('button', { name: 'Hide the secret of demo' }).click()
  await expect(row).not.toContainText('s3cret')

  // A taken client_id (409) and an invalid one (400) are said next to the Client ID box.
  await clientsCard.getByRole('button', { name: 'Add client' }).click()
  const clientId = clientsCard.getByLabel('Client ID', { exact: true })
  await clientId.fill('demo')
  await clientsCard.getByLabel('Client secret', { exact: true }).fill('other')
  await clientsCard.getByRole('button', { name: 'Create client' }).click()
  await expect(clientId).toHaveAttribute('aria-invalid', 'true')
  await expect(clientId).toHaveAccessibleDescription(/already registered/)
  await clientId.fill('dämo')
  await clientsCard.getByRole('button', { name: 'Create client' }).click()
  await expect(clientId).toHaveAccessibleDescription(/printable ASCII/)
  await clientsCard.getByRole('button', { name: 'Cancel' }).click()
  await expect(clientsCard.getByRole('table', { name: 'OAuth clients' }).locator('tbody tr')).toHaveCount(1)

  // An edit that leaves the secret box empty keeps the secret (the token requests below use it).
  await row.getByRole('button', { name: 'Edit demo' }).click()
  await expect(clientsCard.getByLabel('Client secret', { exact: true })).toHaveAttribute(
    'placeholder',
    'Leave empty to keep the stored secret',
  )
  await clientsCard.getByLabel('Scopes', { exact: true }).fill('more')
  await clientsCard.getByRole('button', { name: 'Save client' }).click()
  await expect(row.getByRole('list', { name: 'Scopes of demo' }).getByRole('listitem')).toHaveText([
    'hooks',
    'more',
  ])

  // A sender asks for a token; Reload shows the request and the live token.
  const issued = await requestToken(page.request, hookbench)
  expect(issued.status(), await issued.text()).toBe(200)
  const body = await issued.json()
  expect(body.access_token).toMatch(/^hbo_/)
  expect(body.scope).toBe('hooks')

  await serverCard.getByRole('button', { name: 'Reload' }).click()
  const requests = serverCard.getByRole('table', { name: 'Token requests' })
  await expect(requests.locator('tbody tr')).toHaveCount(1)
  await expect(requests.locator('tbody tr').first()).toContainText('demo')
  await expect(requests.locator('tbody tr').first()).toContainText('hooks')
  await expect(requests.locator('tbody tr').first()).toContainText('Issued')
  await expect(requests.locator('tbody tr').first()).toContainText('200')
  await expect(serverCard.getByTestId('active-tokens')).toHaveText('1')

  // Fail the next request with 503 temporarily_unavailable: one failure, then tokens again.
  await serverCard.getByText('Fail the next N requests', { exact: true }).click()
  await expect(serverCard.getByRole('radio', { name: 'Fail the next N requests' })).toBeChecked()
  await expect(serverCard.getByLabel('Requests to fail')).toHaveValue('1')
  await serverCard.getByRole('button', { name: '503 temporarily_unavailable' }).click()
  await expect(serverCard.getByLabel('HTTP status')).toHaveValue('503')
  await serverCard.getByRole('button', { name: 'Apply' }).click()
  await expect(serverCard.getByTestId('oauth-failure-now')).toHaveText(
    'Now: the next token request gets 503 temporarily_unavailable.',
  )

  const failed = await requestToken(page.request, hookbench)
  expect(failed.status()).toBe(503)
  expect((await failed.json()).error).toBe('temporarily_unavailable')
  const recovered = await requestToken(page.request, hookbench)
  expect(recovered.status()).toBe(200)

  await serverCard.getByRole('button', { name: 'Reload' }).click()
  await expect(requests.locator('tbody tr')).toHaveCount(3)
  await expect(requests.locator('tbody tr').nth(1)).toContainText('Injected failure')
  await expect(requests.locator('tbody tr').nth(1)).toContainText('503')
  await expect(serverCard.getByTestId('oauth-failure-now')).toHaveText(
    'Now: off, tokens are issued normally.',
  )
  await expect(serverCard.getByTestId('active-tokens')).toHaveText('2')

  // Expire them all: the count drops to 0, and the server agrees.
  await serverCard.getByRole('button', { name: 'Expire all tokens now' }).click()
  await expect(serverCard.getByRole('status').filter({ hasText: 'Expired 2 tokens.' })).toBeVisible()
  await expect(serverCard.getByTestId('active-tokens')).toHaveText('0')
  const state = await localApi(page, hookbench).get('/api/oauth-server')
  expect((await state.json()).issued_active).toBe(0)
})

test('the token TTL is saved through the card and refused when out of range', async ({ page, hookbench }) => {
  await openSettings(page, hookbench)
  const serverCard = page.getByRole('region', { name: 'Mock OAuth2 server' })
  const ttl = serverCard.getByLabel('Token TTL')
  await expect(ttl).toHaveValue('3600')
  await ttl.fill('0')
  await serverCard.getByRole('button', { name: 'Save TTL' }).click()
  await expect(ttl).toHaveAccessibleDescription(/from 1 to/)
  await ttl.fill('60')
  await ttl.press('Enter')
  await expect(serverCard.getByRole('status').filter({ hasText: 'TTL saved.' })).toBeVisible()
  const state = await localApi(page, hookbench).get('/api/oauth-server')
  expect((await state.json()).token_ttl_s).toBe(60)
})

test('each token request’s time stays on one line, however long its other cells are', async ({
  page,
  hookbench,
}) => {
  await registerOAuthClient(page, hookbench, {
    client_id: 'demo',
    client_secret: 's3cret',
    scopes: ['hooks'],
  })
  const failing = await localApi(page, hookbench).patch('/api/oauth-server', {
    failure: {
      status: 503,
      error: 'temporarily_unavailable',
      error_description: 'The identity provider is being upgraded; try again in a few minutes. '.repeat(3),
      remaining: 1,
    },
  })
  expect(failing.status(), await failing.text()).toBe(200)
  expect((await requestToken(page.request, hookbench)).status()).toBe(503)
  expect((await requestToken(page.request, hookbench)).status()).toBe(200)

  // Narrower than usual, so the description squeezes the other columns.
  await page.setViewportSize({ width: 1000, height: 800 })
  await openSettings(page, hookbench)
  const times = page.getByRole('table', { name: 'Token requests' }).locator('tbody time')
  await expect(times).toHaveCount(2)
  for (const time of await times.all()) {
    await expect(time).toHaveText(/^\d{1,2}:\d{2}:\d{2}( [AP]M)?$/)
    // A wrapped inline element has one box per line.
    expect(await time.evaluate((element) => element.getClientRects().length)).toBe(1)
  }
})

test('a QuicklySign client added by keyboard lets the emulator answer; a wrong secret gets 401', async ({
  page,
  hookbench,
}) => {
  await openSettings(page, hookbench)
  const card = page.getByRole('region', { name: 'Emulator clients — QuicklySign' })
  const baseUrl = `${hookbench.receiverUrl}/emulate/quicklysign/subscriptions`
  await expect(card.getByText(baseUrl, { exact: true })).toBeVisible()

  // Keyboard only: type, Tab to the secret, Enter submits.
  await card.getByLabel('Client ID', { exact: true }).focus()
  await page.keyboard.type('qs-client')
  await page.keyboard.press('Tab')
  await expect(card.getByLabel('Client secret', { exact: true })).toBeFocused()
  await page.keyboard.type('qs-secret')
  await page.keyboard.press('Enter')

  const row = card.getByRole('table', { name: 'QuicklySign clients' }).getByRole('row', { name: /qs-client/ })
  await expect(row).toContainText('••••')
  await row.getByRole('button', { name: 'Reveal the secret of qs-client' }).click()
  await expect(row.getByTestId('revealed-secret')).toHaveText('qs-secret')
  // The example is built from the real receiver URL and the revealed pair.
  const curl = card.getByTestId('quicklysign-curl')
  await expect(curl).toContainText(baseUrl)
  await expect(curl).toContainText('"client_id":"qs-client","client_secret":"qs-secret"')

  const created = await page.request.post(baseUrl, {
    data: {
      client_id: 'qs-client',
      client_secret: 'qs-secret',
      subscription: { entity_key: 'doc-1', callback: 'http://127.0.0.1:9/cb' },
    },
  })
  expect(created.status(), await created.text()).toBe(200)
  const envelope = await created.json()
  expect(envelope.status).toEqual({ status_code: 200 })
  expect(envelope.data.subscription).toMatchObject({ entity_key: 'doc-1', callback: 'http://127.0.0.1:9/cb' })
  expect(typeof envelope.data.subscription.date_created).toBe('number')

  const refused = await page.request.post(baseUrl, {
    data: {
      client_id: 'qs-client',
      client_secret: 'wrong',
      subscription: { entity_key: 'doc-1', callback: 'http://127.0.0.1:9/cb' },
    },
  })
  expect(refused.status()).toBe(401)

  // Deleting the client locks the emulator again.
  await row.getByRole('button', { name: 'Delete qs-client' }).click()
  await card.getByRole('button', { name: 'Yes, delete qs-client' }).click()
  await expect(card.getByText(/No clients yet/)).toBeVisible()
  const locked = await page.request.get(`${baseUrl}?client_id=qs-client&client_secret=qs-secret`)
  expect(locked.status()).toBe(401)
})

test('ports show where Hookbench listens; the API token only on request', async ({ page, hookbench }) => {
  await openSettings(page, hookbench)
  const card = page.getByRole('region', { name: 'Ports and local API' })
  await expect(card.getByText(hookbench.receiverUrl, { exact: true })).toBeVisible()
  await expect(card.getByText(hookbench.apiUrl, { exact: true })).toBeVisible()
  await expect(card).toContainText('hookbench serve')
  await expect(page.getByText(hookbench.token)).toHaveCount(0)

  await card.getByRole('button', { name: 'Reveal token' }).click()
  await expect(card.getByTestId('api-token')).toHaveText(hookbench.token)
  await card.getByRole('button', { name: 'Hide token' }).click()
  await expect(page.getByText(hookbench.token)).toHaveCount(0)
})

test('an OAuth client’s token opens the Contensis emulator, as the card says; no token gets 401', async ({
  page,
  hookbench,
}) => {
  await registerOAuthClient(page, hookbench, { client_id: 'integration', client_secret: 's3cret' })
  await openSettings(page, hookbench)
  const hint = page
    .getByRole('region', { name: 'OAuth clients', exact: true })
    .getByTestId('emulator-token-hint')
  await expect(hint).toContainText(`${hookbench.receiverUrl}/emulate/contensis`)
  await expect(hint).toContainText(`${hookbench.receiverUrl}/emulate/rustici`)
  await expect(hint).toContainText('Authorization: Bearer <access_token>')

  const issued = await page.request.post(`${hookbench.receiverUrl}/oauth2/token`, {
    headers: { authorization: `Basic ${Buffer.from('integration:s3cret').toString('base64')}` },
    form: { grant_type: 'client_credentials' },
  })
  const { access_token } = await issued.json()
  const collection = `${hookbench.receiverUrl}/emulate/contensis/api/management/projects/movies/events/webhooks/subscriptions`
  const subscription = { name: 'from the emulator', url: 'http://127.0.0.1:9/hook' }

  const anonymous = await page.request.post(collection, { data: subscription })
  expect(anonymous.status()).toBe(401)
  expect(anonymous.headers()['www-authenticate']).toBe('Bearer')
  const created = await page.request.post(collection, {
    headers: { authorization: `Bearer ${access_token}` },
    data: subscription,
  })
  expect(created.status(), await created.text()).toBe(201)
  const asText = await page.request.post(collection, {
    headers: { authorization: `Bearer ${access_token}`, 'content-type': 'text/plain' },
    data: JSON.stringify(subscription),
  })
  expect(asText.status()).toBe(415)
})

test('the cap on bins created on first use is set on the Settings page and holds', async ({
  page,
  hookbench,
}) => {
  await openSettings(page, hookbench)
  const card = page.getByRole('region', { name: 'Bins created on first use' })
  await expect(card.getByLabel('Create a bin when a request names an unknown one')).toBeChecked()
  const max = card.getByLabel('At most')
  await expect(max).toHaveValue('300')

  await max.fill('-1')
  await card.getByRole('button', { name: 'Save' }).click()
  await expect(max).toHaveAccessibleDescription(/whole number/)
  await max.fill('1')
  await card.getByRole('button', { name: 'Save' }).click()
  await expect(card.getByRole('status')).toHaveText('Saved.')

  const first = await page.request.post(`${hookbench.receiverUrl}/hooks/first-name/x`, { data: 'a' })
  expect(first.status()).toBe(200)
  const second = await page.request.post(`${hookbench.receiverUrl}/hooks/second-name/x`, { data: 'a' })
  expect(second.status()).toBe(404)
  expect((await second.json()).error.message).toContain('max_auto_created_bins')
})
