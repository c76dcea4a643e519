import { api, expect, type Hookbench, test } from './fixtures.ts'

interface MessageState {
  status: string
  attempts: unknown[]
}

async function send(hookbench: Hookbench, topic: string): Promise<string> {
  const sent = await api<{ messages: Array<{ message_id: string }> }>(hookbench, 'POST', '/api/events', {
    topic,
    data: {},
  })
  return sent.messages[0]?.message_id ?? ''
}

async function messageState(hookbench: Hookbench, id: string): Promise<MessageState> {
  return api<MessageState>(hookbench, 'GET', `/api/messages/${id}`)
}

/** A subscription whose endpoint (a bin) always answers 500, retried five times in a fraction of a second. */
async function sixFailedAttempts(hookbench: Hookbench): Promise<string> {
  await api(hookbench, 'POST', '/api/bins', { name: 'down', response: { status: 500 } })
  await api(hookbench, 'POST', '/api/subscriptions', {
    name: 'Always down',
    url: `${hookbench.receiverUrl}/hooks/down`,
    profile: 'iam',
    topics: ['user.created'],
    retry_schedule: [0, 0.05, 0.05, 0.05, 0.05, 0.05],
  })
  const id = await send(hookbench, 'user.created')
  await expect
    .poll(async () => (await messageState(hookbench, id)).status, {
      timeout: 15_000,
    })
    .toBe('exhausted')
  return id
}

test('with six attempts, the newest attempt’s tab is on screen and marked as the one shown', async ({
  page,
  hookbench,
}) => {
  const id = await sixFailedAttempts(hookbench)
  await page.setViewportSize({ width: 1400, height: 900 })
  await page.goto(`${hookbench.apiUrl}/#/messages/${id}`)

  const detail = page.getByRole('complementary', { name: 'Message' })
  const tabs = detail.getByRole('tab')
  await expect(tabs).toHaveCount(6)
  const selected = detail.getByRole('tab', { selected: true })
  await expect(selected).toContainText('#6 · HTTP 500')
  await expect(selected).toBeInViewport({ ratio: 1 })
  // Every tab fits in the window: they wrap instead of running off its right edge.
  for (const box of await tabs.evaluateAll((all) => all.map((tab) => tab.getBoundingClientRect().right))) {
    expect(box).toBeLessThanOrEqual(1400)
  }
  expect(await page.locator('html').evaluate((html) => html.scrollWidth)).toBeLessThanOrEqual(1400)

  // Choosing the first attempt marks it, and it is on screen too.
  await tabs.first().click()
  await expect(detail.getByRole('tab', { selected: true })).toContainText('#1 · HTTP 500')
  await expect(tabs.first()).toBeInViewport({ ratio: 1 })
})

/** "Orders" takes user.created, "Invoices" user.updated; both deliver to bins that answer 200. */
async function twoSubscriptions(hookbench: Hookbench) {
  for (const [name, topic] of [
    ['Orders', 'user.created'],
    ['Invoices', 'user.updated'],
  ] as const) {
    await api(hookbench, 'POST', '/api/subscriptions', {
      name,
      url: `${hookbench.receiverUrl}/hooks/${name.toLowerCase()}`,
      profile: 'iam',
      topics: [topic],
    })
  }
}

test('filters show as chips that clear; the sidebar’s Messages link and an opened id show the whole table', async ({
  page,
  hookbench,
}) => {
  await twoSubscriptions(hookbench)
  // A second taker of user.created, so the event sent below makes two messages ("1 message" opens
  // the message itself; "2 messages" opens the table narrowed to the event).
  await api(hookbench, 'POST', '/api/subscriptions', {
    name: 'Audit',
    url: `${hookbench.receiverUrl}/hooks/audit`,
    profile: 'iam',
    topics: ['user.created'],
  })
  const invoice = await send(hookbench, 'user.updated')
  await send(hookbench, 'user.created')

  // From Events, "2 messages": the table narrowed to that event, and a chip says so.
  await page.goto(`${hookbench.apiUrl}/#/events`)
  await page.getByRole('button', { name: 'user.created', exact: true }).click()
  await page.getByRole('button', { name: 'Send', exact: true }).click()
  await page.getByRole('link', { name: '2 messages' }).click()
  const rows = page.getByRole('table', { name: 'Messages' }).locator('tbody tr')
  const chips = page.getByRole('list', { name: 'Active filters' })
  await expect(chips.getByRole('listitem')).toHaveCount(2)
  await expect(chips).toContainText('Topic: user.created')
  await expect(chips).toContainText('Event:')
  await expect(rows).toHaveCount(2)

  // The sidebar's Messages link: every message, no filter left over.
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Messages' }).click()
  await expect(rows).toHaveCount(5)
  await expect(chips).toHaveCount(0)

  // Each filter is a chip with its own ×; "Clear filters" drops them all.
  await page.getByRole('combobox', { name: 'Subscription' }).selectOption({ label: 'Orders' })
  await page.getByRole('combobox', { name: 'Status' }).selectOption('delivered')
  await expect(chips.getByRole('listitem')).toHaveCount(2)
  await expect(chips).toContainText('Orders')
  await chips.getByRole('button', { name: 'Remove the status filter' }).click()
  await expect(chips.getByRole('listitem')).toHaveCount(1)
  await expect(page.getByRole('combobox', { name: 'Status' })).toHaveValue('')
  await page.getByRole('button', { name: 'Clear filters' }).click()
  await expect(chips).toHaveCount(0)
  await expect(rows).toHaveCount(5)

  // Filtered to Orders, a message of Invoices opened with Ctrl+K: the table is no longer filtered.
  await page.getByRole('combobox', { name: 'Subscription' }).selectOption({ label: 'Orders' })
  await expect(rows).toHaveCount(2)
  await page.keyboard.press('Control+k')
  await page.keyboard.type(invoice)
  await page.keyboard.press('Enter')
  const detail = page.getByRole('complementary', { name: 'Message' })
  await expect(detail.locator('header').getByText(invoice)).toBeVisible()
  await expect(page.getByRole('combobox', { name: 'Subscription' })).toHaveValue('')
  await expect(chips).toHaveCount(0)
  await expect(rows).toHaveCount(5)
  await expect(rows.filter({ has: page.locator(`[data-message-id="${invoice}"]`) })).toHaveCount(0)
  await expect(page.locator(`tr[data-message-id="${invoice}"]`)).toBeVisible()
})

async function subscribe(hookbench: Hookbench, name: string, topic: string, retrySchedule: number[]) {
  await api(hookbench, 'POST', '/api/subscriptions', {
    name,
    url: `${hookbench.receiverUrl}/hooks/${name}`,
    profile: 'iam',
    topics: [topic],
    retry_schedule: retrySchedule,
  })
}

test('the dashboard counts in words and says which messages its success rate still waits for', async ({
  page,
  hookbench,
}) => {
  // "up" answers 200; "down" answers 500 and retries only in an hour, so its message stays pending.
  await api(hookbench, 'POST', '/api/bins', { name: 'down', response: { status: 500 } })
  await subscribe(hookbench, 'up', 'user.updated', [0])
  await subscribe(hookbench, 'down', 'user.created', [0, 3600])
  const delivered = await send(hookbench, 'user.updated')
  await expect.poll(async () => (await messageState(hookbench, delivered)).status).toBe('delivered')

  await page.goto(`${hookbench.apiUrl}/#/messages`)
  const dashboard = page.getByRole('region', { name: 'Last hour' })
  await expect(dashboard).toContainText('1 message')
  await expect(dashboard).not.toContainText('1 messages')

  const retrying = await send(hookbench, 'user.created')
  await expect.poll(async () => (await messageState(hookbench, retrying)).attempts.length).toBe(1)
  await page.reload()
  await expect(dashboard).toContainText('2 messages')
  const rate = dashboard.getByTestId('success-rate')
  await expect(rate).toContainText('100%')
  // The message that failed once and waits for its retry is said next to the rate, not hidden by it.
  await expect(dashboard).toContainText('1 retrying')
  await expect(rate).toHaveAttribute('title', /delivered ÷ \(delivered \+ failed \+ exhausted\)/)
})
