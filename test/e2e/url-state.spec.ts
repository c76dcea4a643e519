import { expect, type Hookbench, test } from './fixtures.ts'

function authorised(hookbench: Hookbench) {
  return { headers: { authorization: `Bearer ${hookbench.token}` } }
}

test('the open subscription is in the URL: reload keeps it, back closes it, forward reopens it', async ({
  page,
  hookbench,
}) => {
  for (const name of ['Orders', 'Invoices']) {
    const created = await page.request.post(`${hookbench.apiUrl}/api/subscriptions`, {
      ...authorised(hookbench),
      data: { name, url: `${hookbench.receiverUrl}/hooks/${name}`, profile: 'iam', topics: ['user.created'] },
    })
    expect(created.status()).toBe(201)
  }
  await page.goto(`${hookbench.apiUrl}/#/subscriptions`)
  const list = page.getByRole('table', { name: 'Subscriptions' })
  await list.getByRole('button', { name: 'Invoices' }).click()
  const name = page.getByLabel('Name', { exact: true })
  await expect(name).toHaveValue('Invoices')
  expect(new URL(page.url()).hash).toMatch(/^#\/subscriptions\/[^/]+$/)

  await page.reload()
  await expect(name).toHaveValue('Invoices')
  await expect(list.getByRole('button', { name: 'Invoices' })).toHaveAttribute('aria-current', 'true')

  await page.goBack()
  await expect(name).toHaveCount(0)
  expect(new URL(page.url()).hash).toBe('#/subscriptions')
  await page.goForward()
  await expect(name).toHaveValue('Invoices')
})

test('the Inbox keeps the chosen bin and the open capture in the URL across a reload and back', async ({
  page,
  hookbench,
}) => {
  for (const [bin, path] of [
    ['orders', 'first'],
    ['orders', 'second'],
    ['refunds', 'third'],
  ]) {
    const sent = await fetch(`${hookbench.receiverUrl}/hooks/${bin}/${path}`, { method: 'POST', body: '{}' })
    expect(sent.status).toBe(200)
  }
  await page.goto(`${hookbench.apiUrl}/#/inbox`)
  const bins = page.getByRole('navigation', { name: 'Bins' })
  const requests = page.getByRole('region', { name: 'Captured requests' })
  await bins.getByRole('button', { name: /orders/ }).click()
  await expect(requests.locator('button[data-request-id]')).toHaveCount(2)
  await requests.locator('button[data-request-id]').filter({ hasText: '/first' }).click()
  const detail = page.getByRole('heading', { level: 2, name: 'POST /hooks/orders/first' })
  await expect(detail).toBeVisible()

  await page.reload()
  await expect(detail).toBeVisible()
  await expect(bins.getByRole('button', { name: /orders/ })).toHaveAttribute('aria-current', 'true')
  await expect(requests.locator('button[data-request-id]')).toHaveCount(2)

  // Back: the capture closes, the bin stays; back again: every bin's captures.
  await page.goBack()
  await expect(detail).toHaveCount(0)
  await expect(requests.locator('button[data-request-id]')).toHaveCount(2)
  await page.goBack()
  await expect(requests.locator('button[data-request-id]')).toHaveCount(3)
  await expect(bins.getByRole('button', { name: 'All requests' })).toHaveAttribute('aria-current', 'true')
})
