import type { Locator, Page } from '@playwright/test'
import { createBasicAuthConfig, createReceiverOAuthConfig, segment } from './auth-config-form.ts'
import { expect, type Hookbench, test } from './fixtures.ts'

/**
 * The two end-to-end flows, through the real UI from first click to last capture: a bin,
 * an auth config, a signed subscription pointing at the bin, an event from the Events page, the
 * delivered message and its decorated request, a replay by message_id, and the captures in the
 * Inbox. No step goes through the API; it is only read afterwards to cross-check.
 */

function nav(page: Page, name: string) {
  return page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name })
}

function headerCell(table: Locator, name: string) {
  return table.getByRole('row', { name: new RegExp(`^${name}\\b`) }).getByRole('cell')
}

async function createBin(page: Page, name: string, verify: (page: Page) => Promise<void>) {
  await nav(page, 'Inbox').click()
  await page.getByRole('button', { name: 'New bin' }).click()
  await page.getByLabel('Name', { exact: true }).fill(name)
  await verify(page)
  await page.getByRole('button', { name: 'Create bin' }).click()
  const bins = page.getByRole('navigation', { name: 'Bins' })
  await expect(bins.getByRole('button', { name: new RegExp(name) })).toHaveAttribute('aria-current', 'true')
}

async function createSubscription(
  page: Page,
  options: { name: string; url: string; authOption: string; sign: boolean },
) {
  await nav(page, 'Subscriptions').click()
  await page.getByRole('button', { name: 'New subscription' }).click()
  await page.getByLabel('Name', { exact: true }).fill(options.name)
  await page.getByLabel('Profile').selectOption('iam')
  await page.getByRole('combobox', { name: 'Topics' }).fill('user.created')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('list', { name: 'Chosen topics' })).toContainText('user.created')
  await page.getByLabel('URL').fill(options.url)
  const auth = page.getByLabel('Auth config')
  const label = await auth.locator('option', { hasText: options.authOption }).textContent()
  await auth.selectOption({ label: label ?? '' })
  if (options.sign) await segment(page, 'Generate').click()
  await page.getByRole('button', { name: 'Create subscription' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible()
  await expect(
    page.getByRole('table', { name: 'Subscriptions' }).getByRole('button', { name: options.name }),
  ).toBeVisible()
}

/** Events → user.created → Send → "1 message" → Messages: waits for Delivered, opens it, returns its id. */
async function sendAndOpenDelivered(page: Page, subscriptionName: string): Promise<string> {
  await nav(page, 'Events').click()
  await page.getByRole('button', { name: 'user.created', exact: true }).click()
  await expect(page.getByText('Valid JSON')).toBeVisible()
  await page.getByRole('button', { name: 'Send', exact: true }).click()
  const link = page.getByRole('link', { name: '1 message' })
  await expect(link).toBeVisible()
  await link.click()
  await expect(page.getByRole('heading', { level: 1, name: 'Messages' })).toBeVisible()
  const row = page.getByRole('table', { name: 'Messages' }).locator('tbody tr').first()
  await expect(row).toContainText('Delivered', { timeout: 15_000 })
  await expect(row).toContainText(subscriptionName)
  await expect(row.locator('td').nth(4)).toHaveText('200')
  await row.click()
  await expect(page).toHaveURL(/#\/messages\/[^/]+$/)
  return decodeURIComponent(new URL(page.url()).hash.replace('#/messages/', ''))
}

async function storedMessage(page: Page, hookbench: Hookbench, messageId: string) {
  const response = await page.request.get(`${hookbench.apiUrl}/api/messages/${messageId}?reveal=true`, {
    headers: { authorization: `Bearer ${hookbench.token}` },
  })
  expect(response.status()).toBe(200)
  return response.json()
}

test('Basic auth + signing: send, see the decorated request, replay by message_id, two captures with that id', async ({
  page,
  hookbench,
}) => {
  test.setTimeout(60_000)
  await page.goto(hookbench.apiUrl)
  const binUrl = `${hookbench.receiverUrl}/hooks/flow/`

  // A bin that checks the Basic credentials the subscription will send.
  await createBin(page, 'flow', async (page) => {
    await page.getByRole('checkbox', { name: 'Basic credentials' }).check()
    await page.getByLabel('Username').fill('alice')
    await page.getByLabel('Password').fill('s3cret')
  })
  await expect(
    page.getByRole('navigation', { name: 'Bins' }).getByText(binUrl, { exact: true }),
  ).toBeVisible()

  // The Basic auth config.
  await nav(page, 'Auth configs').click()
  await createBasicAuthConfig(page, 'alice', 's3cret')

  // A signed IAM subscription to the bin, with that auth config.
  await createSubscription(page, { name: 'Flow bin', url: binUrl, authOption: 'alice', sign: true })

  // Send from the Events page; the message is delivered.
  const messageId = await sendAndOpenDelivered(page, 'Flow bin')
  const detail = page.getByRole('complementary', { name: 'Message' })
  await expect(detail.locator('header').getByText(messageId)).toBeVisible()
  const tabs = detail.getByRole('tab')
  await expect(tabs).toHaveCount(1)
  await expect(tabs.nth(0)).toContainText('#1 · HTTP 200')

  // The decorated request: Authorization and the signature masked, webhook-id = message_id.
  const requestHeaders = detail.getByRole('table', { name: 'Request headers', exact: true })
  const authorization = headerCell(requestHeaders, 'authorization')
  const signature = headerCell(requestHeaders, 'webhook-signature')
  await expect(authorization).toHaveText('••••')
  await expect(signature).toHaveText('••••')
  await expect(headerCell(requestHeaders, 'webhook-id')).toHaveText(messageId)
  await expect(headerCell(requestHeaders, 'webhook-timestamp')).toHaveText(/^\d+$/)
  await detail.getByRole('button', { name: 'Reveal' }).click()
  await expect(authorization).toHaveText(`Basic ${Buffer.from('alice:s3cret').toString('base64')}`)
  await expect(signature).toHaveText(/^v1,/)

  // Replay with the same message_id: a second attempt, delivered again.
  await detail.getByRole('radio', { name: 'Same message_id' }).check()
  await detail.getByRole('button', { name: 'Replay', exact: true }).click()
  await expect(tabs).toHaveCount(2, { timeout: 15_000 })
  await expect(tabs.nth(1)).toContainText('#2 · HTTP 200')
  await expect(tabs.nth(1)).toContainText('replay')
  const stored = await storedMessage(page, hookbench, messageId)
  expect(stored.attempts).toHaveLength(2)

  // The Inbox: two captures in bin "flow", both carrying webhook-id = message_id, both verified.
  await nav(page, 'Inbox').click()
  await page.getByRole('navigation', { name: 'Bins' }).getByRole('button', { name: /flow/ }).click()
  const rows = page.getByRole('region', { name: 'Captured requests' }).locator('button[data-request-id]')
  await expect(rows).toHaveCount(2)
  for (const index of [0, 1]) {
    await rows.nth(index).click()
    await expect(page.getByRole('heading', { level: 2, name: 'POST /hooks/flow/' })).toBeVisible()
    const captured = page.getByRole('table', { name: 'Request headers', exact: true })
    await expect(headerCell(captured, 'webhook-id')).toHaveText(messageId)
    await expect(headerCell(captured, 'webhook-signature')).toHaveText(/^v1,/)
    await expect(page.getByText('Basic credentials of "alice" match')).toBeVisible()
  }

  const captures = await page.request.get(`${hookbench.apiUrl}/api/requests?bin=flow`, {
    headers: { authorization: `Bearer ${hookbench.token}` },
  })
  const { items } = await captures.json()
  expect(items).toHaveLength(2)
})

test('OAuth2 client credentials against the mock token server: the exchange is shown, the bin gets a Bearer token', async ({
  page,
  hookbench,
}) => {
  test.setTimeout(60_000)
  const tokenUrl = `${hookbench.receiverUrl}/oauth2/token`
  await page.goto(`${hookbench.apiUrl}/#/settings`)

  // The mock OAuth2 server's client, made on the Settings card.
  const clientsCard = page.getByRole('region', { name: 'OAuth clients', exact: true })
  await clientsCard.getByRole('button', { name: 'Add client' }).click()
  await clientsCard.getByLabel('Client ID', { exact: true }).fill('hb-flow')
  await clientsCard.getByLabel('Client secret', { exact: true }).fill('flow-secret-1')
  await clientsCard.getByLabel('Scopes', { exact: true }).fill('webhooks')
  await clientsCard.getByLabel('Scopes', { exact: true }).press('Enter')
  await clientsCard.getByRole('button', { name: 'Create client' }).click()
  await expect(
    clientsCard.getByRole('table', { name: 'OAuth clients' }).getByRole('row', { name: /hb-flow/ }),
  ).toContainText('webhooks')

  // A bin that accepts only tokens issued by the mock server.
  await createBin(page, 'oauth', async (page) => {
    await page.getByRole('checkbox', { name: 'Bearer token' }).check()
    await page.getByRole('radio', { name: 'Any mock OAuth token' }).check({ force: true })
  })

  // The OAuth2 auth config, with the receiver's token endpoint.
  await nav(page, 'Auth configs').click()
  await createReceiverOAuthConfig(page, tokenUrl, {
    id: 'hb-flow',
    secret: 'flow-secret-1',
    scope: 'webhooks',
  })

  await createSubscription(page, {
    name: 'OAuth bin',
    url: `${hookbench.receiverUrl}/hooks/oauth/`,
    authOption: 'hb-flow',
    sign: true,
  })

  const messageId = await sendAndOpenDelivered(page, 'OAuth bin')
  const detail = page.getByRole('complementary', { name: 'Message' })

  // The token exchange, secrets masked; the request carries the issued token.
  const exchange = detail.getByRole('region', { name: 'OAuth token exchange' })
  await expect(exchange).toContainText(`POST ${tokenUrl}`)
  await expect(exchange).toContainText('grant_type=client_credentials')
  await expect(exchange).toContainText('HTTP 200')
  await expect(exchange).not.toContainText('flow-secret-1')
  const authorization = headerCell(
    detail.getByRole('table', { name: 'Request headers', exact: true }),
    'authorization',
  )
  await expect(authorization).toHaveText('••••')
  await detail.getByRole('button', { name: 'Reveal' }).click()
  await expect(authorization).toHaveText(/^Bearer hbo_/)
  const bearer = (await authorization.textContent()) ?? ''

  // The Inbox: the capture carries that Bearer token, and the bin verified it.
  await nav(page, 'Inbox').click()
  await page.getByRole('navigation', { name: 'Bins' }).getByRole('button', { name: /oauth/ }).click()
  const rows = page.getByRole('region', { name: 'Captured requests' }).locator('button[data-request-id]')
  await expect(rows).toHaveCount(1)
  await rows.first().click()
  const captured = page.getByRole('table', { name: 'Request headers', exact: true })
  // Captured credentials are sealed like every secret: masked until revealed.
  await expect(headerCell(captured, 'authorization')).toHaveText('••••')
  await page.getByRole('button', { name: 'Reveal', exact: true }).click()
  await expect(headerCell(captured, 'authorization')).toHaveText(bearer)
  await expect(headerCell(captured, 'webhook-id')).toHaveText(messageId)
  await expect(page.getByText('token issued by the mock OAuth server')).toBeVisible()

  // The mock server logged exactly that one token request.
  const log = await page.request.get(`${hookbench.apiUrl}/api/oauth-server/requests`, {
    headers: { authorization: `Bearer ${hookbench.token}` },
  })
  expect((await log.json()).items).toHaveLength(1)
})
