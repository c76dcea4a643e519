import type { Page } from '@playwright/test'
import { expect, type Hookbench, test } from './fixtures.ts'

function authorised(hookbench: Hookbench) {
  return { headers: { authorization: `Bearer ${hookbench.token}` } }
}

async function createSubscription(page: Page, hookbench: Hookbench, fields: Record<string, unknown>) {
  const response = await page.request.post(`${hookbench.apiUrl}/api/subscriptions`, {
    ...authorised(hookbench),
    data: { url: `${hookbench.receiverUrl}/hooks/events`, ...fields },
  })
  expect(response.status(), await response.text()).toBe(201)
  return (await response.json()).id as string
}

async function storedMessages(page: Page, hookbench: Hookbench, query: string) {
  const response = await page.request.get(`${hookbench.apiUrl}/api/messages?${query}`, authorised(hookbench))
  expect(response.status()).toBe(200)
  return (await response.json()).items as { message_id: string; subscription_id: string; status: string }[]
}

/** Replaces the whole payload in the CodeMirror editor, as a user selecting all and typing would. */
async function typePayload(page: Page, topic: string, json: string) {
  await page.getByRole('textbox', { name: `Payload of ${topic}` }).click()
  await page.keyboard.press('ControlOrMeta+a')
  await page.keyboard.type(json)
  await expect(page.getByText('Valid JSON')).toBeVisible()
}

test('a topic the catalog does not have is offered, and sent with the user’s own JSON', async ({
  page,
  hookbench,
}) => {
  await createSubscription(page, hookbench, { name: 'Orders', topics: ['order.paid'] })
  await page.goto(`${hookbench.apiUrl}/#/events`)
  await page.getByLabel('Filter topics').fill('order.paid')
  await expect(page.getByText('No catalog topic matches “order.paid”.')).toBeVisible()
  await page.getByRole('button', { name: /Send custom topic “order\.paid”/ }).click()
  await expect(page.getByRole('heading', { level: 2, name: 'order.paid' })).toBeVisible()

  await typePayload(page, 'order.paid', '{"order": "o-17", "amount": 42}')
  await page.getByRole('button', { name: 'Send', exact: true }).click()
  await expect(page.getByRole('link', { name: '1 message' })).toBeVisible()

  const [message] = await storedMessages(page, hookbench, 'topic=order.paid')
  expect(message).toBeDefined()
  const detail = await page.request.get(
    `${hookbench.apiUrl}/api/messages/${message?.message_id}`,
    authorised(hookbench),
  )
  expect(JSON.parse((await detail.json()).body)).toMatchObject({
    type: 'order.paid',
    data: { order: 'o-17', amount: 42 },
  })

  // A catalog topic is still picked from the list, as before.
  await page.getByLabel('Filter topics').fill('user.created')
  await expect(page.getByRole('button', { name: /Send custom topic/ })).toHaveCount(0)
  await page.getByRole('button', { name: 'user.created', exact: true }).click()
  await expect(page.getByTestId('example-payload')).toContainText('"username": "jdoe"')
})

test('after Send, each message’s status goes live, and one message links to itself', async ({
  page,
  hookbench,
}) => {
  await createSubscription(page, hookbench, { name: 'IAM users', profile: 'iam', topics: ['user.created'] })
  await page.goto(`${hookbench.apiUrl}/#/events`)
  await page.getByRole('button', { name: 'user.created', exact: true }).click()
  await page.getByRole('button', { name: 'Send', exact: true }).click()
  const result = page.locator('.events-send-result')
  await expect(result).toContainText('IAM users')
  await expect(result).toContainText('Delivered', { timeout: 15_000 })

  const [message] = await storedMessages(page, hookbench, 'topic=user.created')
  const link = page.getByRole('link', { name: '1 message' })
  await expect(link).toHaveAttribute('href', `#/messages/${message?.message_id}`)
  await link.click()
  await expect(page).toHaveURL(new RegExp(`#/messages/${message?.message_id}$`))

  // Two subscriptions, one unreachable: each message has its own line and its own outcome.
  await createSubscription(page, hookbench, {
    name: 'Nobody home',
    profile: 'iam',
    topics: ['user.created'],
    url: 'http://127.0.0.1:9/webhooks',
    retry_schedule: [0],
  })
  await page.goto(`${hookbench.apiUrl}/#/events`)
  await page.getByRole('button', { name: 'user.created', exact: true }).click()
  await page.getByRole('button', { name: 'Send', exact: true }).click()
  const sent = page.getByRole('list', { name: 'Sent messages' })
  await expect(sent.getByRole('listitem').filter({ hasText: 'IAM users' })).toContainText('Delivered', {
    timeout: 15_000,
  })
  await expect(sent.getByRole('listitem').filter({ hasText: 'Nobody home' })).toContainText(
    /Failed|Exhausted/,
    { timeout: 15_000 },
  )
  for (const item of await sent.getByRole('link').all()) {
    await expect(item).toHaveAttribute('href', /^#\/messages\/[^/]+$/)
  }
})

test('before Send, the page names the subscriptions the event will reach, by the server’s rule', async ({
  page,
  hookbench,
}) => {
  await createSubscription(page, hookbench, { name: 'IAM users', profile: 'iam', topics: ['user.created'] })
  await createSubscription(page, hookbench, {
    name: 'IAM paused',
    profile: 'iam',
    topics: ['user.created'],
    enabled: false,
  })
  await createSubscription(page, hookbench, { name: 'Anything custom', profile: 'standard' })
  await createSubscription(page, hookbench, { name: 'Tenant A jobs', profile: 'rustici', tenant_id: 'a' })

  await page.goto(`${hookbench.apiUrl}/#/events`)
  const willReach = page.getByTestId('will-reach')
  await page.getByRole('button', { name: 'user.created', exact: true }).click()
  await expect(willReach).toHaveText('Will reach: IAM users')

  await page.getByRole('button', { name: 'JOB_PROCESSED', exact: true }).click()
  await expect(willReach).toHaveText('Will reach: Tenant A jobs')
  await page.getByLabel('tenant_id').fill('b')
  await expect(willReach).toContainText('Will reach no subscription')

  await page.getByLabel('Filter topics').fill('order.paid')
  await page.getByRole('button', { name: /Send custom topic/ }).click()
  await expect(willReach).toHaveText('Will reach: Anything custom')
  await willReach.getByRole('link', { name: 'Anything custom' }).click()
  await expect(page.getByRole('heading', { level: 2, name: 'Anything custom' })).toBeVisible()
})
