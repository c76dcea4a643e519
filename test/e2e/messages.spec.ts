import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Page } from '@playwright/test'
import { expect, type Hookbench, test } from './fixtures.ts'

interface Sink {
  url: string
  received: IncomingHttpHeaders[]
  close(): Promise<void>
}

/** A real subscriber on 127.0.0.1: answers 500 to the first request and 200 to every later one. */
async function startSink(): Promise<Sink> {
  const received: IncomingHttpHeaders[] = []
  const server: Server = createServer((req, res) => {
    req.resume()
    req.on('end', () => {
      received.push(req.headers)
      res.writeHead(received.length === 1 ? 500 : 200, { 'content-type': 'application/json' })
      res.end(received.length === 1 ? '{"error":"try again"}' : '{"ok":true}')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/webhooks`,
    received,
    close: async () => {
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
    },
  }
}

async function createSubscription(page: Page, hookbench: Hookbench, url: string): Promise<string> {
  const response = await page.request.post(`${hookbench.apiUrl}/api/subscriptions`, {
    headers: { authorization: `Bearer ${hookbench.token}` },
    data: {
      name: 'Sink under test',
      url,
      profile: 'iam',
      topics: ['user.created'],
      retry_schedule: [0, 0.2, 0.2],
      signing: {},
    },
  })
  expect(response.status(), await response.text()).toBe(201)
  return (await response.json()).id
}

let sink: Sink
test.beforeEach(async () => {
  sink = await startSink()
})
test.afterEach(async () => {
  await sink.close()
})

test('send an event, watch it retry to delivered, inspect the signed attempts, replay it by message_id', async ({
  page,
  hookbench,
}) => {
  test.setTimeout(60_000)
  await createSubscription(page, hookbench, sink.url)

  // Events: the example payload in the editor, sent as it is.
  await page.goto(`${hookbench.apiUrl}/#/events`)
  await page.getByRole('button', { name: 'user.created', exact: true }).click()
  await expect(page.getByTestId('example-payload')).toContainText('"username": "jdoe"')
  await expect(page.getByText('Valid JSON')).toBeVisible()
  await page.getByRole('button', { name: 'Send', exact: true }).click()
  const link = page.getByRole('link', { name: '1 message' })
  await expect(link).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Recently sent' })).toBeVisible()

  // Messages, narrowed to that event: the 500 is retried, the 200 delivers it.
  await link.click()
  await expect(page.getByRole('heading', { level: 1, name: 'Messages' })).toBeVisible()
  const table = page.getByRole('table', { name: 'Messages' })
  const row = table.locator('tbody tr').first()
  await expect(row).toContainText('Delivered', { timeout: 15_000 })
  await expect(row).toContainText('user.created')
  await expect(row).toContainText('Sink under test')
  await expect(row.locator('td').nth(3)).toHaveText('2')
  await expect(row.locator('td').nth(4)).toHaveText('200')
  expect(sink.received).toHaveLength(2)
  const messageId = String(sink.received[0]?.['webhook-id'])
  expect(sink.received[1]?.['webhook-id']).toBe(messageId)

  // The detail: both attempts, the request as sent, the signature masked until revealed.
  await row.click()
  expect(new URL(page.url()).hash).toBe(`#/messages/${messageId}`)
  const detail = page.getByRole('complementary', { name: 'Message' })
  await expect(detail.locator('header').getByText(messageId)).toBeVisible()
  const tabs = detail.getByRole('tab')
  await expect(tabs).toHaveCount(2)
  await expect(tabs.nth(0)).toContainText('#1 · HTTP 500')
  await expect(tabs.nth(1)).toContainText('#2 · HTTP 200')
  const requestHeaders = detail.getByRole('table', { name: 'Request headers' })
  const signature = requestHeaders.getByRole('row', { name: /webhook-signature/ }).getByRole('cell')
  await expect(signature).toHaveText('••••')
  await expect(requestHeaders.getByRole('row', { name: /webhook-id/ }).getByRole('cell')).toHaveText(
    messageId,
  )
  await detail.getByRole('button', { name: 'Reveal' }).click()
  await expect(signature).toHaveText(String(sink.received[1]?.['webhook-signature']))
  await expect(signature).toHaveText(/^v1,/)

  // Replay with the same message_id: a third attempt, and the sink sees the same webhook-id again,
  // signed anew (a second later, so with a new webhook-timestamp).
  await page.waitForTimeout(1_100)
  await detail.getByRole('radio', { name: 'Same message_id' }).check()
  await detail.getByRole('button', { name: 'Replay', exact: true }).click()
  await expect(tabs).toHaveCount(3, { timeout: 15_000 })
  await expect(tabs.nth(2)).toContainText('#3 · HTTP 200')
  await expect(tabs.nth(2)).toContainText('replay')
  expect(sink.received).toHaveLength(3)
  expect(sink.received[2]?.['webhook-id']).toBe(messageId)
  const changes = detail.getByRole('region', { name: 'Changes since attempt 2' })
  await expect(changes).toContainText('webhook-timestamp')
  await expect(changes).toContainText('webhook-signature')

  // A message_id pasted in the search box opens that message.
  await detail.getByRole('button', { name: 'Close message' }).click()
  await expect(detail).toHaveCount(0)
  await page.getByRole('searchbox', { name: 'Search messages' }).fill(messageId)
  await expect(page.getByRole('complementary', { name: 'Message' })).toBeVisible()
  expect(new URL(page.url()).hash).toBe(`#/messages/${messageId}`)

  // Ctrl+K, "Settings", Enter.
  await page.keyboard.press('Control+k')
  const palette = page.getByRole('dialog', { name: 'Command palette' })
  await expect(palette).toBeVisible()
  await expect(palette.getByRole('combobox', { name: 'Command' })).toBeFocused()
  await page.keyboard.type('Settings')
  await page.keyboard.press('Enter')
  await expect(palette).toHaveCount(0)
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible()
})

test('an event no subscription takes says so and points to Subscriptions', async ({ page, hookbench }) => {
  await page.goto(`${hookbench.apiUrl}/#/events`)
  await page.getByRole('button', { name: 'JOB_PROCESSED', exact: true }).click()
  await expect(page.getByLabel('tenant_id')).toBeVisible()
  await page.getByRole('button', { name: 'Send', exact: true }).click()
  await expect(page.getByText(/no enabled subscription matches/)).toBeVisible()
  await expect(page.getByRole('link', { name: /Subscriptions/ }).last()).toHaveAttribute(
    'href',
    '#/subscriptions',
  )
})

test('invalid JSON disables Send; the palette closes on Escape and keeps focus inside', async ({
  page,
  hookbench,
}) => {
  await page.goto(`${hookbench.apiUrl}/#/events`)
  await page.getByRole('button', { name: 'user.created', exact: true }).click()
  const editor = page.getByRole('textbox', { name: 'Payload of user.created' })
  await editor.click()
  await page.keyboard.press('Control+End')
  await page.keyboard.type('}')
  await expect(page.getByText(/Invalid JSON/)).toBeVisible()
  await expect(page.getByRole('button', { name: 'Send', exact: true })).toBeDisabled()
  await page.getByRole('button', { name: 'Reset to example' }).click()
  await expect(page.getByText('Valid JSON')).toBeVisible()

  await page.keyboard.press('Control+k')
  const palette = page.getByRole('dialog', { name: 'Command palette' })
  await expect(palette).toBeVisible()
  await page.keyboard.press('Tab')
  await expect(palette.getByRole('combobox')).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(palette).toHaveCount(0)
})
