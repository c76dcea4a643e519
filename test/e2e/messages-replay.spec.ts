import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { api, expect, type Hookbench, test } from './fixtures.ts'

/** A subscription to `url` and one user.created event for it; returns their ids. */
async function oneMessage(hookbench: Hookbench, url: string) {
  const subscription = await api<{ id: string }>(hookbench, 'POST', '/api/subscriptions', {
    name: 'Replay source',
    url,
    profile: 'iam',
    topics: ['user.created'],
    retry_schedule: [0],
  })
  const sent = await api<{ messages: Array<{ message_id: string }> }>(hookbench, 'POST', '/api/events', {
    topic: 'user.created',
    data: { user_id: 'u-1' },
  })
  expect(sent.messages).toHaveLength(1)
  return { subscriptionId: subscription.id, messageId: sent.messages[0]?.message_id ?? '' }
}

test('a replay the API refuses says why next to the form; one to another URL succeeds', async ({
  page,
  hookbench,
}) => {
  const { subscriptionId, messageId } = await oneMessage(
    hookbench,
    `${hookbench.receiverUrl}/hooks/replay-source/users`,
  )
  const bin = await api<{ id: string }>(hookbench, 'POST', '/api/bins', { name: 'replay-target' })

  await page.goto(`${hookbench.apiUrl}/#/messages/${messageId}`)
  const detail = page.getByRole('complementary', { name: 'Message' })
  const tabs = detail.getByRole('tab')
  await expect(tabs).toHaveCount(1)
  await expect(tabs.first()).toContainText('#1 · HTTP 200')

  // Disabled behind the page's back: same-id replay is a 409, said by the form, nothing claimed.
  await api(hookbench, 'PATCH', `/api/subscriptions/${subscriptionId}`, { enabled: false })
  const replayForm = detail.getByRole('form', { name: 'Replay' })
  await replayForm.getByRole('radio', { name: 'Same message_id' }).check()
  await replayForm.getByRole('button', { name: 'Replay', exact: true }).click()
  const refusal = detail.getByRole('alert')
  await expect(refusal).toContainText(`Could not replay: Subscription ${subscriptionId} is disabled`)
  await expect(refusal).toContainText('enable it, or replay to another url')
  await expect(replayForm.getByRole('status')).toHaveText('')
  await expect(tabs).toHaveCount(1)

  // To a bin on the receiver instead: accepted, and the new attempt lands in the same message.
  await replayForm.getByRole('checkbox', { name: 'To another URL' }).check()
  await expect(refusal).toHaveCount(0)
  const elsewhere = `${hookbench.receiverUrl}/hooks/replay-target/users`
  await replayForm.getByRole('textbox', { name: 'Replay to URL' }).fill(elsewhere)
  await replayForm.getByRole('button', { name: 'Replay', exact: true }).click()
  await expect(replayForm.getByRole('status')).toHaveText('Replayed; the new attempt appears below.')
  await expect(tabs).toHaveCount(2, { timeout: 15_000 })
  await expect(tabs.nth(1)).toContainText('#2 · HTTP 200')
  await expect(detail.getByRole('alert')).toHaveCount(0)
  await expect(detail.getByText('replayed elsewhere')).toBeVisible()
  const captured = await api<{ items: Array<{ path: string }> }>(
    hookbench,
    'GET',
    `/api/requests?bin=${bin.id}`,
  )
  expect(captured.items.map((item) => item.path)).toEqual(['/hooks/replay-target/users'])
})

test('a same-id replay while an attempt is still running is queued, said so, and runs right after it', async ({
  page,
  hookbench,
}) => {
  // A subscriber that keeps the first request waiting until the test lets it go.
  let release = () => {}
  const held = new Promise<void>((resolve) => {
    release = resolve
  })
  const server: Server = createServer((req, res) => {
    req.resume()
    void held.then(() => res.writeHead(200).end('{}'))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  try {
    const { port } = server.address() as AddressInfo
    const { messageId } = await oneMessage(hookbench, `http://127.0.0.1:${port}/slow`)

    await page.goto(`${hookbench.apiUrl}/#/messages/${messageId}`)
    const detail = page.getByRole('complementary', { name: 'Message' })
    const replayForm = detail.getByRole('form', { name: 'Replay' })
    await expect(detail.getByText(/Not settled yet/)).toBeVisible()
    await replayForm.getByRole('button', { name: 'Replay', exact: true }).click()
    await expect(replayForm.getByRole('status')).toHaveText('Queued: runs right after the attempt in flight.')
    await expect(detail.getByRole('alert')).toHaveCount(0)

    release()
    const tabs = detail.getByRole('tab')
    await expect(tabs).toHaveCount(2, { timeout: 15_000 })
    await expect(tabs.nth(1)).toContainText('#2 · HTTP 200')
    await expect(replayForm.getByRole('status')).toHaveText('Replayed; the new attempt appears below.')
  } finally {
    release()
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
  }
})
