import type { Locator, Page } from '@playwright/test'
import { seedMessages } from '../helpers/seed-messages.ts'
import { api, expect, type Hookbench, test } from './fixtures.ts'

const DAY_MS = 86_400_000

/**
 * Two Contensis subscriptions both called "name" (as Contensis creates them) on one host, one
 * called otherwise, and an event all three take: three delivered messages.
 */
async function seed(hookbench: Hookbench): Promise<string[]> {
  const ids: string[] = []
  for (const [name, path] of [
    ['name', 'first'],
    ['name', 'second'],
    ['Orders to staging', 'orders'],
  ]) {
    const created = await api<{ id: string }>(hookbench, 'POST', '/api/subscriptions', {
      name,
      url: `${hookbench.receiverUrl}/hooks/layout/${path}`,
      profile: 'contensis',
    })
    ids.push(created.id)
  }
  await api(hookbench, 'POST', '/api/events', { topic: 'entry.published', data: {} })
  return ids
}

/** Messages of three days ago, so the Time column must fit a date too. */
async function importOlderMessages(hookbench: Hookbench, subscriptionId: string) {
  await seedMessages({ api: hookbench.apiUrl, token: hookbench.token }, 5, {
    start: Date.now() - 3 * DAY_MS,
    shape: () => ({
      subscription_id: subscriptionId,
      profile: 'contensis',
      topic: 'entry.published',
      status: 'exhausted',
      last_status_code: 500,
      last_latency_ms: 12_345,
    }),
  })
}

/** Header cells and the Time and HTTP cells of the rows: none may be cut off. */
async function cutOff(table: Locator): Promise<string[]> {
  return table.evaluate((element) =>
    [...element.querySelectorAll('th, td.col-time, td.col-http, td.col-status')]
      .filter((cell) => cell.getClientRects().length > 0 && cell.scrollWidth > cell.clientWidth)
      .map((cell) => cell.textContent ?? ''),
  )
}

async function visibleHeaders(table: Locator): Promise<string[]> {
  return table.evaluate((element) =>
    [...element.querySelectorAll('th')]
      .filter((cell) => cell.getClientRects().length > 0)
      .map((cell) => cell.textContent ?? ''),
  )
}

/** The toolbar's boxes all on its one line, and no box overflowing the table's side. */
async function expectOneLineToolbar(page: Page) {
  const layout = await page.locator('.messages-toolbar').evaluate((toolbar) => {
    const boxes = [...toolbar.children].map((child) => child.getBoundingClientRect())
    const bounds = toolbar.getBoundingClientRect()
    return {
      tops: new Set(boxes.map((box) => Math.round(box.top))).size,
      overflow: Math.max(...boxes.map((box) => box.right)) - bounds.right,
    }
  })
  expect(layout.tops).toBe(1)
  expect(layout.overflow).toBeLessThanOrEqual(0)
}

async function expectNoSideScroll(page: Page) {
  const scroller = page.locator('.messages-scroller')
  const sideways = await scroller.evaluate((element) => element.scrollWidth - element.clientWidth)
  expect(sideways).toBeLessThanOrEqual(0)
}

test.use({ viewport: { width: 1280, height: 800 } })

test('with a message open at 1280×800 the table keeps whole headers and times, the filters one line', async ({
  page,
  hookbench,
}) => {
  const [first] = await seed(hookbench)
  await page.goto(`${hookbench.apiUrl}/#/messages`)
  const table = page.getByRole('table', { name: 'Messages' })
  const rows = table.locator('tbody tr')
  await expect(rows).toHaveCount(3)
  await expect(rows.filter({ hasText: 'Delivered' })).toHaveCount(3)
  expect(await visibleHeaders(table)).toEqual([
    'Status',
    'Topic',
    'Subscription',
    'Attempts',
    'HTTP',
    'Latency',
    'Time',
  ])

  await rows.first().click()
  const detail = page.getByRole('complementary', { name: 'Message' })
  await expect(detail.getByRole('tab')).toHaveCount(1)
  // The detail takes its share; the table drops what the detail shows anyway.
  expect(await visibleHeaders(table)).toEqual(['Status', 'Topic', 'Subscription', 'HTTP', 'Time'])
  expect(await cutOff(table)).toEqual([])
  await expectNoSideScroll(page)
  await expectOneLineToolbar(page)

  // Rows of other days need a wider Time column: it still fits, and so does everything else.
  await importOlderMessages(hookbench, first ?? '')
  await page.reload()
  await rows.first().click()
  await expect(detail).toBeVisible()
  await expect(rows).toHaveCount(8)
  await expect(table).toHaveClass(/has-older-days/)
  expect(await cutOff(table)).toEqual([])
  await expectNoSideScroll(page)
  await expectOneLineToolbar(page)

  // The divider: ← widens the detail, End gives it the most; the table still holds, and a
  // reload keeps the width.
  const divider = page.getByRole('separator', { name: 'Resize the message detail' })
  await expect(divider).toHaveAttribute('aria-valuenow', '42')
  await divider.focus()
  await page.keyboard.press('ArrowLeft')
  await expect(divider).toHaveAttribute('aria-valuenow', '44')
  await page.keyboard.press('End')
  await expect(divider).toHaveAttribute('aria-valuenow', '60')
  expect(await visibleHeaders(table)).toEqual(['Status', 'Topic', 'HTTP', 'Time'])
  expect(await cutOff(table)).toEqual([])
  await expectNoSideScroll(page)
  await expectOneLineToolbar(page)
  await page.reload()
  await expect(page.getByRole('separator', { name: 'Resize the message detail' })).toHaveAttribute(
    'aria-valuenow',
    '60',
  )

  // Dragged back to the narrowest detail: every column again.
  const box = await divider.boundingBox()
  if (!box) throw new Error('the divider has no box')
  await page.mouse.move(box.x + box.width / 2, box.y + 200)
  await page.mouse.down()
  await page.mouse.move(1200, box.y + 200, { steps: 5 })
  await page.mouse.up()
  await expect(divider).toHaveAttribute('aria-valuenow', '30')
  expect(await visibleHeaders(table)).toHaveLength(7)
  expect(await cutOff(table)).toEqual([])
})

test('subscriptions that share a name are told apart in the table, the filter and the detail', async ({
  page,
  hookbench,
}) => {
  const [first, second] = await seed(hookbench)
  const shown = (id = '') => `name · ${id.slice(0, 8)}`
  await page.goto(`${hookbench.apiUrl}/#/messages`)
  const table = page.getByRole('table', { name: 'Messages' })
  await expect(table.locator('tbody tr')).toHaveCount(3)

  const firstCell = table.locator('td.col-subscription', { hasText: shown(first) })
  await expect(firstCell).toHaveCount(1)
  await expect(firstCell).toHaveAttribute('title', `name — subscription ${first}`)
  await expect(table.locator('td.col-subscription', { hasText: shown(second) })).toHaveCount(1)
  await expect(table.locator('td.col-subscription', { hasText: 'Orders to staging' })).toHaveText(
    'Orders to staging',
  )

  const filter = page.getByRole('combobox', { name: 'Subscription' })
  await expect(filter.locator('option')).toHaveCount(4)
  expect((await filter.locator('option').allTextContents()).sort()).toEqual(
    ['Any subscription', shown(first), shown(second), 'Orders to staging'].sort(),
  )
  await filter.selectOption({ label: shown(second) })
  await expect(table.locator('tbody tr')).toHaveCount(1)
  await expect(table.locator('tbody tr')).toContainText(shown(second))

  await table.locator('tbody tr').first().click()
  const detail = page.getByRole('complementary', { name: 'Message' })
  const link = detail.getByRole('link', { name: shown(second) })
  await expect(link).toHaveAttribute('title', `name — subscription ${second}`)
  await expect(link).toHaveAttribute('href', `#/subscriptions/${second}`)
})
