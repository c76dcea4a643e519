import { expect, test } from './fixtures.ts'

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
