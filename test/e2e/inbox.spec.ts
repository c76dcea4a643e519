import { api, expect, type Hookbench, test } from './fixtures.ts'

test('a bin made in the UI captures a webhook live, shows it, and replays it to a second bin', async ({
  page,
  hookbench,
}) => {
  await page.goto(`${hookbench.apiUrl}/#/inbox`)

  // The empty state teaches: what a bin is, and a curl against this receiver.
  await expect(page.getByRole('heading', { name: 'No bins yet' })).toBeVisible()
  await expect(page.getByText(`curl -X POST '${hookbench.receiverUrl}/hooks/demo/'`)).toBeVisible()

  await page.getByRole('button', { name: 'New bin' }).click()
  await page.getByLabel('Name', { exact: true }).fill('orders')
  await page.getByRole('button', { name: 'Create bin' }).click()

  const bins = page.getByRole('navigation', { name: 'Bins' })
  await expect(bins.getByRole('button', { name: /orders/ })).toHaveAttribute('aria-current', 'true')
  const binUrl = `${hookbench.receiverUrl}/hooks/orders/`
  await expect(bins.getByText(binUrl, { exact: true })).toBeVisible()

  // A sender posts to the bin's URL; the capture appears without a reload.
  const sent = await fetch(`${binUrl}checkout?attempt=1`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-shop-topic': 'orders/create' },
    body: JSON.stringify({ order: 1001, total: '12.50' }),
  })
  expect(sent.status).toBe(200)
  const requests = page.getByRole('region', { name: 'Captured requests' })
  const row = requests.locator('button[data-request-id]').filter({ hasText: '/checkout' })
  await expect(row).toHaveCount(1)

  await row.click()
  await expect(
    page.getByRole('heading', { level: 2, name: 'POST /hooks/orders/checkout?attempt=1' }),
  ).toBeVisible()
  const headers = page.getByRole('table', { name: 'Request headers' })
  await expect(headers.getByRole('row', { name: /x-shop-topic/ })).toContainText('orders/create')
  await expect(page.getByTestId('request-body')).toContainText('"order": 1001')
  await page.getByRole('radio', { name: 'Hex' }).check({ force: true })
  await expect(page.getByTestId('request-body')).toContainText('00000000: 7b22')
  await expect(page.getByText('Not checked')).toBeVisible()

  // Replay it to a second bin (created on first use) and find the copy there.
  await page.getByLabel('Replay to URL').fill(`${hookbench.receiverUrl}/hooks/second/checkout`)
  await page.getByRole('button', { name: 'Replay', exact: true }).click()
  await expect(page.getByRole('status', { name: 'Replay result' })).toContainText('200')

  await bins.getByRole('button', { name: /second/ }).click()
  const copy = requests.locator('button[data-request-id]')
  await expect(copy).toHaveCount(1)
  await copy.click()
  await expect(page.getByRole('heading', { level: 2, name: 'POST /hooks/second/checkout' })).toBeVisible()
  await expect(page.getByTestId('request-body')).toContainText('"total": "12.50"')
  await expect(page.getByRole('table', { name: 'Request headers' })).toContainText('orders/create')
})

test('a scripted sequence and a bearer check set in the editor decide the answers and the verdicts', async ({
  page,
  hookbench,
}) => {
  await page.goto(`${hookbench.apiUrl}/#/inbox`)
  await page.getByRole('button', { name: 'New bin' }).click()
  await page.getByLabel('Name', { exact: true }).fill('flaky')
  await page.getByRole('radio', { name: 'Scripted sequence' }).check({ force: true })
  await page.getByLabel('Step 1 status').fill('500')
  await page.getByRole('button', { name: 'Add step' }).click()
  await page.getByLabel('Step 2 status').fill('200')
  await page.getByRole('checkbox', { name: 'Bearer token' }).check()
  await page.getByLabel('Token', { exact: true }).fill('tok_123')
  await page.getByRole('button', { name: 'Create bin' }).click()
  const bins = page.getByRole('navigation', { name: 'Bins' })
  await expect(bins.getByRole('button', { name: /flaky/ })).toContainText('500 → 200')

  const post = (token: string) =>
    fetch(`${hookbench.receiverUrl}/hooks/flaky/`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: '{}',
    }).then((response) => response.status)
  expect([await post('wrong'), await post('tok_123'), await post('tok_123')]).toEqual([500, 200, 200])

  const rows = page.getByRole('region', { name: 'Captured requests' }).locator('button[data-request-id]')
  await expect(rows).toHaveCount(3)
  await rows.last().click()
  await expect(page.getByText('Verification failed')).toBeVisible()
  await expect(page.getByText('wrong bearer token')).toBeVisible()
  await rows.first().click()
  await expect(page.getByText('bearer token matches')).toBeVisible()

  // The token is stored, not shown: the editor has it as ••••, and saving keeps it.
  await bins.getByRole('button', { name: 'Edit' }).click()
  await expect(page.getByLabel('Token', { exact: true })).toHaveValue('••••')
  await page.getByRole('button', { name: 'Save bin' }).click()
  await expect(page.getByRole('button', { name: 'Save bin' })).toHaveCount(0)
  // Saving starts the script over, and the kept token still verifies.
  expect(await post('tok_123')).toBe(500)
  await expect(rows).toHaveCount(4)
  await rows.first().click()
  await expect(page.getByText(/answered 500/)).toBeVisible()
  await expect(page.getByText('bearer token matches')).toBeVisible()
})

/** Sends `body` to `/hooks/<bin>/` as a sender would, with any extra headers. */
function send(hookbench: Hookbench, bin: string, body: string, headers: Record<string, string> = {}) {
  return fetch(`${hookbench.receiverUrl}/hooks/${bin}/`, { method: 'POST', headers, body }).then(
    (response) => response.status,
  )
}

test('choosing another bin clears the search, so its captures are all listed', async ({
  page,
  hookbench,
}) => {
  expect(await send(hookbench, 'alpha', '{"team":"payments"}')).toBe(200)
  expect(await send(hookbench, 'beta', '{"team":"search"}')).toBe(200)
  await page.goto(`${hookbench.apiUrl}/#/inbox`)
  const bins = page.getByRole('navigation', { name: 'Bins' })
  const requests = page.getByRole('region', { name: 'Captured requests' })
  const rows = requests.locator('button[data-request-id]')

  await bins.getByRole('button', { name: /alpha/ }).click()
  await requests.getByLabel('Search requests').fill('payments')
  await expect(rows).toHaveCount(1)

  await bins.getByRole('button', { name: /beta/ }).click()
  await expect(requests.getByLabel('Search requests')).toHaveValue('')
  await expect(rows).toHaveCount(1)
  await expect(requests.getByText(/No request has/)).toHaveCount(0)
  await bins.getByRole('button', { name: 'All requests' }).click()
  await expect(rows).toHaveCount(2)
})

test('each bin card says what it verifies and whether failures are answered 401', async ({
  page,
  hookbench,
}) => {
  await api(hookbench, 'POST', '/api/bins', { name: 'open' })
  await api(hookbench, 'POST', '/api/bins', {
    name: 'guarded',
    verify: { basic: { username: 'ada', password: 'pw' }, enforce: true },
  })
  await api(hookbench, 'POST', '/api/bins', {
    name: 'signed',
    verify: {
      bearer: { mock_oauth: true },
      standard_webhooks: { secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' },
    },
  })
  await api(hookbench, 'POST', '/api/bins', { name: 'tokened', verify: { bearer: { token: 'tok_1' } } })
  await page.goto(`${hookbench.apiUrl}/#/inbox`)
  const bins = page.getByRole('navigation', { name: 'Bins' })

  await expect(bins.getByRole('button', { name: /guarded/ })).toContainText('Checks Basic · enforced')
  await expect(bins.getByRole('button', { name: /signed/ })).toContainText(
    'Checks any mock OAuth token · Standard Webhooks',
  )
  await expect(bins.getByRole('button', { name: /signed/ })).not.toContainText('enforced')
  await expect(bins.getByRole('button', { name: /tokened/ })).toContainText('Checks Bearer')
  await expect(bins.getByRole('button', { name: /open/ })).not.toContainText('Checks')
})

test("a capture of a Hookbench delivery links to its message; a stranger's webhook-id does not", async ({
  page,
  hookbench,
}) => {
  await api(hookbench, 'POST', '/api/subscriptions', {
    name: 'To the inbox',
    url: `${hookbench.receiverUrl}/hooks/deliveries/users`,
    profile: 'iam',
    topics: ['user.created'],
    retry_schedule: [0],
    signing: {},
  })
  const sent = await api<{ messages: Array<{ message_id: string }> }>(hookbench, 'POST', '/api/events', {
    topic: 'user.created',
    data: { user_id: 'u-1' },
  })
  const messageId = sent.messages[0]?.message_id ?? ''
  expect(messageId).not.toBe('')
  // Another Standard Webhooks sender: its webhook-id names no message of Hookbench's.
  expect(await send(hookbench, 'deliveries', '{}', { 'webhook-id': 'msg_not_ours' })).toBe(200)

  await page.goto(`${hookbench.apiUrl}/#/inbox`)
  const rows = page.getByRole('region', { name: 'Captured requests' }).locator('button[data-request-id]')
  await expect(rows).toHaveCount(2)

  await rows.filter({ hasText: '/users' }).click()
  const link = page.getByRole('link', { name: `message ${messageId}` })
  await expect(page.getByText('Delivered by Hookbench:')).toBeVisible()
  await link.click()
  await expect(page).toHaveURL(new RegExp(`#/messages/${messageId}$`))

  await page.goBack()
  await rows.filter({ hasNotText: '/users' }).click()
  await expect(page.getByRole('heading', { level: 2, name: 'POST /hooks/deliveries/' })).toBeVisible()
  await expect(page.getByText(/Delivered by Hookbench/)).toHaveCount(0)
  await expect(page.getByRole('link', { name: /message msg_not_ours/ })).toHaveCount(0)
})

test('a bin set in the editor to accept any mock OAuth token verifies one and refuses others', async ({
  page,
  hookbench,
}) => {
  await api(hookbench, 'POST', '/api/oauth-clients', { client_id: 'sender', client_secret: 's3cret' })
  await page.goto(`${hookbench.apiUrl}/#/inbox`)
  await page.getByRole('button', { name: 'New bin' }).click()
  await page.getByLabel('Name', { exact: true }).fill('oauth-only')
  await page.getByRole('checkbox', { name: 'Bearer token' }).check()
  await page.getByRole('radio', { name: 'Any mock OAuth token' }).check({ force: true })
  await expect(page.getByLabel('Token', { exact: true })).toHaveCount(0)
  await page.getByRole('checkbox', { name: /Answer 401/ }).check()
  await page.getByRole('button', { name: 'Create bin' }).click()
  const bins = page.getByRole('navigation', { name: 'Bins' })
  await expect(bins.getByRole('button', { name: /oauth-only/ })).toContainText('any mock OAuth token')

  const issued = await fetch(`${hookbench.receiverUrl}/oauth2/token`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from('sender:s3cret').toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: 'grant_type=client_credentials',
  }).then((response) => response.json() as Promise<{ access_token: string }>)
  expect(await send(hookbench, 'oauth-only', '{}', { authorization: `Bearer ${issued.access_token}` })).toBe(
    200,
  )
  expect(await send(hookbench, 'oauth-only', '{}', { authorization: 'Bearer made-up' })).toBe(401)

  const rows = page.getByRole('region', { name: 'Captured requests' }).locator('button[data-request-id]')
  await expect(rows).toHaveCount(2)
  await rows.last().click()
  await expect(page.getByText('token issued by the mock OAuth server')).toBeVisible()

  // Editing it again shows the choice as made, and a fixed token can be chosen instead.
  await bins.getByRole('button', { name: 'Edit' }).click()
  await expect(page.getByRole('radio', { name: 'Any mock OAuth token' })).toBeChecked()
  await page.getByRole('radio', { name: 'This token' }).check({ force: true })
  await page.getByLabel('Token', { exact: true }).fill('tok_fixed')
  await page.getByRole('button', { name: 'Save bin' }).click()
  await expect(bins.getByRole('button', { name: /oauth-only/ })).toContainText('Checks Bearer · enforced')
})
