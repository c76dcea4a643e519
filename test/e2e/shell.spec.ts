import { expect, test } from './fixtures.ts'

const SYSTEMS = ['Rustici Generator', 'QuicklySign', 'Contensis', 'IAM server']

test('opening the API URL shows the shell, connected', async ({ page, hookbench }) => {
  await page.goto(hookbench.apiUrl)

  await expect(page.getByRole('banner')).toContainText('Hookbench')
  const nav = page.getByRole('navigation', { name: 'Pages' })
  for (const label of ['Subscriptions', 'Events', 'Messages', 'Inbox', 'Settings']) {
    await expect(nav.getByRole('link', { name: label })).toBeVisible()
  }
  await expect(page.getByRole('banner').getByRole('status')).toContainText('Connected')
  await expect(nav.getByRole('link', { name: 'Events' })).toHaveAttribute('aria-current', 'page')
})

test('the Events page lists the four systems and shows a topic’s example payload', async ({
  page,
  hookbench,
}) => {
  await page.goto(`${hookbench.apiUrl}/#/events`)

  for (const system of SYSTEMS) {
    await expect(page.getByRole('heading', { level: 2, name: system })).toBeVisible()
  }
  const payload = page.getByTestId('example-payload')
  await expect(payload).toHaveCount(0)

  await page.getByRole('button', { name: 'JOB_PROCESSED', exact: true }).click()

  await expect(page.getByRole('heading', { level: 2, name: 'JOB_PROCESSED' })).toBeVisible()
  await expect(payload).toContainText('"type": "CONTENT_IMPORT"')
})

test('the filter narrows the topic list as you type, and arrow keys walk it', async ({ page, hookbench }) => {
  await page.goto(`${hookbench.apiUrl}/#/events`)
  const topics = page.locator('button[data-topic-key]')
  await expect(topics.first()).toBeVisible()
  const total = await topics.count()
  expect(total).toBeGreaterThan(30)

  await page.getByRole('searchbox', { name: 'Filter topics' }).fill('document_')

  await expect(topics).toHaveCount(2)
  await expect(page.getByRole('button', { name: 'document_status_changed' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'final_document_generated' })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Rustici Generator' })).toHaveCount(0)
  await expect(page.getByText(`2 of ${total} topics`)).toBeVisible()

  // ↓ from the filter box enters the list; ↓ again moves to the next topic and shows it.
  await page.keyboard.press('ArrowDown')
  await expect(page.getByRole('button', { name: 'document_status_changed' })).toBeFocused()
  await page.keyboard.press('ArrowDown')
  await expect(page.getByRole('button', { name: 'final_document_generated' })).toBeFocused()
  await expect(page.getByRole('heading', { level: 2, name: 'final_document_generated' })).toBeVisible()

  await page.getByRole('searchbox', { name: 'Filter topics' }).fill('no such topic')
  await expect(topics).toHaveCount(0)
  await page.getByRole('button', { name: 'Clear filter' }).click()
  await expect(topics).toHaveCount(total)
})

test('the sidebar navigates by keyboard and a reload keeps the page', async ({ page, hookbench }) => {
  await page.goto(hookbench.apiUrl)
  const settings = page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Settings' })
  await expect(settings).toBeVisible()

  for (let presses = 0; presses < 20 && !(await settings.evaluate((el) => el.matches(':focus'))); presses++) {
    await page.keyboard.press('Tab')
  }
  await expect(settings).toBeFocused()
  await page.keyboard.press('Enter')

  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible()
  await expect(settings).toHaveAttribute('aria-current', 'page')
  expect(new URL(page.url()).hash).toBe('#/settings')

  await page.reload()
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible()
  await expect(settings).toHaveAttribute('aria-current', 'page')
})

test('Settings shows where this Hookbench keeps its data', async ({ page, hookbench }) => {
  await page.goto(`${hookbench.apiUrl}/#/settings`)

  await expect(page.getByText(hookbench.dataDir, { exact: true })).toBeVisible()
  await expect(page.getByText(hookbench.receiverUrl, { exact: true })).toBeVisible()
  await expect(page.getByText(hookbench.apiUrl, { exact: true })).toBeVisible()
})

test('the Inbox says where webhooks will be captured', async ({ page, hookbench }) => {
  await page.goto(`${hookbench.apiUrl}/#/inbox`)

  await expect(page.getByText(`${hookbench.receiverUrl}/hooks/<bin>/…`)).toBeVisible()
})

test('the local API answers 401 without the token and 200 with it', async ({ page, hookbench }) => {
  await page.goto(hookbench.apiUrl)
  const url = `${hookbench.apiUrl}/api/health`

  const anonymous = await page.request.get(url)
  expect(anonymous.status()).toBe(401)
  expect((await anonymous.json()).error.code).toBe('unauthorized')

  const authorised = await page.request.get(url, { headers: { authorization: `Bearer ${hookbench.token}` } })
  expect(authorised.status()).toBe(200)
  expect(await authorised.json()).toMatchObject({ status: 'ok', name: 'hookbench', mode: 'headless' })
})

test('a page with a stale token says to reload it', async ({ page, hookbench }) => {
  // As if Hookbench had restarted with a new token after this page was loaded.
  await page.route(`${hookbench.apiUrl}/api/**`, (route) =>
    route.continue({
      headers: { ...route.request().headers(), authorization: 'Bearer stale-token-0123456789' },
    }),
  )
  await page.goto(`${hookbench.apiUrl}/#/events`)

  const alert = page.getByRole('alert')
  await expect(alert).toContainText('Could not load the event catalog')
  await expect(alert).toContainText('Reload the page')
  await expect(page.getByRole('banner').getByRole('status')).toContainText('Not connected')

  await page.unroute(`${hookbench.apiUrl}/api/**`)
  await alert.getByRole('button', { name: 'Reload page' }).click()
  await expect(page.getByRole('heading', { level: 2, name: 'QuicklySign' })).toBeVisible()
})

test('the JSON editor is a chunk of its own: Messages opens without it, a topic loads it under the CSP', async ({
  page,
  hookbench,
}) => {
  const editorChunks: string[] = []
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname
    if (/\/assets\/JsonEditor-[\w-]+\.js$/.test(path)) editorChunks.push(path)
  })
  const errors: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })

  await page.goto(`${hookbench.apiUrl}/#/messages`)
  await expect(page.getByRole('heading', { level: 1, name: 'Messages' })).toBeVisible()
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Events' }).click()
  await expect(page.getByRole('heading', { level: 2, name: 'IAM server' })).toBeVisible()
  expect(editorChunks).toEqual([])

  await page.getByRole('button', { name: 'user.created', exact: true }).click()
  await expect(page.getByTestId('example-payload')).toContainText('"username": "jdoe"')
  expect(editorChunks).toHaveLength(1)
  expect(errors).toEqual([])
})
