import { seedMessages } from '../helpers/seed-messages.ts'
import { expect, type Hookbench, test } from './fixtures.ts'

async function apiPage(hookbench: Hookbench, query: string) {
  const response = await fetch(`${hookbench.apiUrl}/api/messages?${query}&limit=5`, {
    headers: { authorization: `Bearer ${hookbench.token}` },
  })
  return (await response.json()) as { items: Array<{ message_id: string }>; total: number }
}

test('a status filter ends with exactly the API’s rows, and going back shows every status again', async ({
  page,
  hookbench,
}) => {
  await seedMessages({ api: hookbench.apiUrl, token: hookbench.token }, 300)
  await page.goto(`${hookbench.apiUrl}/#/messages`)
  const table = page.getByRole('table', { name: 'Messages' })
  const rows = table.locator('tbody tr')
  await expect(rows.first()).toBeVisible()

  await page.getByRole('combobox', { name: 'Status' }).selectOption('exhausted')
  const exhausted = await apiPage(hookbench, 'status=exhausted')
  await expect(table).toHaveAttribute('aria-busy', 'false')
  await expect(rows.first()).toHaveAttribute('data-message-id', exhausted.items[0]?.message_id ?? '')
  await expect(rows.nth(1)).toHaveAttribute('data-message-id', exhausted.items[1]?.message_id ?? '')
  await expect(table.locator('tbody')).not.toContainText('Delivered')
  await expect(page.getByText(`All ${exhausted.total} shown`)).toBeVisible()

  await page.getByRole('combobox', { name: 'Status' }).selectOption('')
  const all = await apiPage(hookbench, '')
  await expect(table).toHaveAttribute('aria-busy', 'false')
  await expect(rows.first()).toHaveAttribute('data-message-id', all.items[0]?.message_id ?? '')
  await expect(table.locator('tbody')).toContainText('Delivered')
  await expect(page.getByText(`100 of ${all.total} loaded · scroll for more`)).toBeVisible()
})
