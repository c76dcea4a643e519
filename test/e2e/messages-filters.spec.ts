import { expect, type Hookbench, test } from './fixtures.ts'

/** 300 messages through the import API: every 10th exhausted, the rest delivered, one a second. */
async function seedMessages(hookbench: Hookbench) {
  const created = Date.parse('2026-11-24T00:00:00.000Z')
  const messages = Array.from({ length: 300 }, (_, n) => {
    const at = new Date(created + n * 1000).toISOString()
    const id = `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`
    const exhausted = n % 10 === 0
    return {
      id,
      at: created + n * 1000,
      value: {
        message_id: id,
        event_id: `e-${n}`,
        subscription_id: 's-1',
        profile: 'iam',
        topic: n % 3 === 0 ? 'user.created' : 'user.updated',
        url: 'http://127.0.0.1:9/hook',
        url_override: null,
        body: '{}',
        status: exhausted ? 'exhausted' : 'delivered',
        status_reason: null,
        attempt_ids: [],
        cycle_offset: 0,
        next_attempt_at: null,
        last_status_code: exhausted ? 500 : 200,
        last_latency_ms: 12,
        created_at: at,
        updated_at: at,
        replay_of: null,
      },
    }
  })
  const response = await fetch(`${hookbench.apiUrl}/api/import`, {
    method: 'POST',
    headers: { authorization: `Bearer ${hookbench.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      format: 'hookbench-workspace',
      version: 1,
      exported_at: new Date().toISOString(),
      includes: { history: true, secrets: false },
      config: { schema_version: 1 },
      history: { messages },
    }),
  })
  expect(response.status, await response.text()).toBe(200)
}

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
  await seedMessages(hookbench)
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
