import type { Page } from '@playwright/test'
import { api, expect, type Hookbench, test } from './fixtures.ts'

// Unsaved edits are never thrown away without asking, whichever way the user leaves the form:
// the palette, back/forward, a hash typed in the address bar, the Inbox's bin editor, Settings.

/** A message_id no message has: the palette opens it all the same. */
const MESSAGE_ID = '0b9f7c1e-4d2a-4e6b-9a3c-5f8e1d2c7b40'

function discardQuestion(page: Page) {
  return page.getByRole('alertdialog', { name: 'Discard changes?' })
}

async function paletteJump(page: Page, command: string) {
  await page.keyboard.press('Control+k')
  const palette = page.getByRole('dialog', { name: 'Command palette' })
  await expect(palette).toBeVisible()
  await page.keyboard.type(command)
  await page.keyboard.press('Enter')
  await expect(palette).toHaveCount(0)
}

async function newSubscriptionNamed(page: Page, hookbench: Hookbench, name: string) {
  await page.goto(`${hookbench.apiUrl}/#/subscriptions`)
  await page.getByRole('button', { name: 'New subscription' }).click()
  await expect(page).toHaveURL(/#\/subscriptions\/new$/)
  await page.getByLabel('Name', { exact: true }).fill(name)
}

function heading(page: Page, name: string) {
  return page.getByRole('heading', { level: 1, name })
}

test('a palette jump asks before an editor with unsaved edits is left', async ({ page, hookbench }) => {
  await newSubscriptionNamed(page, hookbench, 'Half typed')
  const question = discardQuestion(page)

  await paletteJump(page, 'Events')
  await expect(question).toBeVisible()
  await question.getByRole('button', { name: 'Keep editing' }).click()
  await expect(question).toHaveCount(0)
  await expect(heading(page, 'Subscriptions')).toBeVisible()
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Half typed')

  // An action that goes elsewhere asks too; Discard goes on with it.
  await paletteJump(page, 'Show failed messages')
  await expect(question).toBeVisible()
  await question.getByRole('button', { name: 'Discard' }).click()
  await expect(heading(page, 'Messages')).toBeVisible()
  await expect(page).toHaveURL(/#\/messages/)

  // Nothing unsaved: the palette jumps at once.
  await paletteJump(page, 'Settings')
  await expect(heading(page, 'Settings')).toBeVisible()
  await expect(question).toHaveCount(0)

  // Opening a message by its id (two steps of the address) asks once.
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Subscriptions' }).click()
  await page.getByRole('button', { name: 'New subscription' }).click()
  await page.getByLabel('Name', { exact: true }).fill('Again')
  await paletteJump(page, MESSAGE_ID)
  await question.getByRole('button', { name: 'Discard' }).click()
  await expect(page).toHaveURL(new RegExp(`#/messages/${MESSAGE_ID}$`))
  await expect(heading(page, 'Messages')).toBeVisible()
  await expect(question).toHaveCount(0)
})

test('back, forward and a typed hash ask before unsaved edits are lost', async ({ page, hookbench }) => {
  await newSubscriptionNamed(page, hookbench, 'Half typed')
  const question = discardQuestion(page)
  const name = page.getByLabel('Name', { exact: true })

  // Back: the form stays, with its address, until the user says discard.
  await page.goBack()
  await expect(question).toBeVisible()
  await expect(page).toHaveURL(/#\/subscriptions\/new$/)
  await question.getByRole('button', { name: 'Keep editing' }).click()
  await expect(name).toHaveValue('Half typed')
  await expect(page).toHaveURL(/#\/subscriptions\/new$/)

  await page.goBack()
  await question.getByRole('button', { name: 'Discard' }).click()
  await expect(page).toHaveURL(/#\/subscriptions$/)
  await expect(name).toHaveCount(0)

  // History is intact: forward opens the (now empty) new form again.
  await page.goForward()
  await expect(page).toHaveURL(/#\/subscriptions\/new$/)
  await expect(name).toHaveValue('')

  // A hash typed in the address bar.
  await name.fill('Typed again')
  await page.goto(`${hookbench.apiUrl}/#/events`)
  await expect(question).toBeVisible()
  await expect(page).toHaveURL(/#\/subscriptions\/new$/)
  await question.getByRole('button', { name: 'Keep editing' }).click()
  await expect(name).toHaveValue('Typed again')
  await page.goto(`${hookbench.apiUrl}/#/events`)
  await question.getByRole('button', { name: 'Discard' }).click()
  await expect(heading(page, 'Events')).toBeVisible()
  await expect(page).toHaveURL(/#\/events$/)

  // Back from there leaves nothing unsaved behind: no question.
  await page.goBack()
  await expect(heading(page, 'Subscriptions')).toBeVisible()
  await expect(question).toHaveCount(0)
})

test("the Inbox's bin editor asks before its unsaved edits are thrown away", async ({ page, hookbench }) => {
  for (const name of ['orders', 'refunds']) {
    const created = await page.request.post(`${hookbench.apiUrl}/api/bins`, {
      headers: { authorization: `Bearer ${hookbench.token}` },
      data: { name },
    })
    expect(created.status()).toBe(201)
  }
  await page.goto(`${hookbench.apiUrl}/#/inbox`)
  const bins = page.getByRole('navigation', { name: 'Bins' })
  const question = discardQuestion(page)
  const description = page.getByLabel('Description')

  await bins.getByRole('button', { name: /^orders/ }).click()
  await bins.getByRole('button', { name: 'Edit' }).click()
  await expect(page.getByRole('heading', { name: 'Edit bin orders' })).toBeVisible()

  // Untouched: Cancel closes at once.
  await page.getByRole('button', { name: 'Cancel' }).click()
  await expect(question).toHaveCount(0)
  await expect(description).toHaveCount(0)

  await bins.getByRole('button', { name: 'Edit' }).click()
  await description.fill('Paid orders')
  await page.getByRole('button', { name: 'Cancel' }).click()
  await expect(question).toBeVisible()
  await question.getByRole('button', { name: 'Keep editing' }).click()
  await expect(description).toHaveValue('Paid orders')

  // New bin asks.
  await bins.getByRole('button', { name: 'New bin' }).click()
  await question.getByRole('button', { name: 'Keep editing' }).click()
  await expect(page.getByRole('heading', { name: 'Edit bin orders' })).toBeVisible()

  // Choosing another bin only filters the list; editing it asks, and opens it from what is saved.
  await bins.getByRole('button', { name: /^refunds/ }).click()
  await expect(question).toHaveCount(0)
  await bins.getByRole('button', { name: 'Edit' }).click()
  await expect(question).toBeVisible()
  await question.getByRole('button', { name: 'Discard' }).click()
  await expect(page.getByRole('heading', { name: 'Edit bin refunds' })).toBeVisible()
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('refunds')
  await expect(description).toHaveValue('')

  // Leaving the page by the sidebar asks.
  await description.fill('Money back')
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Events' }).click()
  await expect(question).toBeVisible()
  await question.getByRole('button', { name: 'Keep editing' }).click()
  await expect(heading(page, 'Inbox')).toBeVisible()
  await expect(description).toHaveValue('Money back')
})

test('leaving Settings with an edited card asks first', async ({ page, hookbench }) => {
  await page.goto(`${hookbench.apiUrl}/#/events`)
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Settings' }).click()
  const limit = page.getByLabel('Messages max count')
  const question = discardQuestion(page)
  await expect(limit).toBeVisible()

  await limit.fill('50')
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Events' }).click()
  await expect(question).toBeVisible()
  await question.getByRole('button', { name: 'Keep editing' }).click()
  await expect(limit).toHaveValue('50')

  await page.goBack()
  await expect(question).toBeVisible()
  await question.getByRole('button', { name: 'Discard' }).click()
  await expect(heading(page, 'Events')).toBeVisible()
})

test("reloading the browser tab with unsaved edits gets the browser's own question", async ({
  page,
  hookbench,
}) => {
  await newSubscriptionNamed(page, hookbench, 'Half typed')
  const asked = new Promise<string>((resolve) => {
    page.once('dialog', (dialog) => {
      resolve(dialog.type())
      void dialog.dismiss()
    })
  })
  // Playwright skips beforeunload unless asked to run it.
  await page.close({ runBeforeUnload: true })
  expect(await asked).toBe('beforeunload')
})

test("opening another OAuth client's form asks before the open one's edits are lost", async ({
  page,
  hookbench,
}) => {
  await api(hookbench, 'POST', '/api/oauth-clients', { client_id: 'alpha', client_secret: 'a-secret' })
  await api(hookbench, 'POST', '/api/oauth-clients', { client_id: 'beta', client_secret: 'b-secret' })
  await page.goto(`${hookbench.apiUrl}/#/settings`)
  const card = page.getByRole('region', { name: 'OAuth clients', exact: true })
  const table = card.getByRole('table', { name: 'OAuth clients' })
  const secret = card.getByLabel('Client secret', { exact: true })
  const question = discardQuestion(page)

  // An untouched form gives way at once, even while another card holds edits of its own.
  await page.getByLabel('Messages max count').fill('50')
  await table.getByRole('button', { name: 'Edit alpha' }).click()
  await table.getByRole('button', { name: 'Edit beta' }).click()
  await expect(card.getByRole('form', { name: 'Edit beta' })).toBeVisible()
  await expect(question).toHaveCount(0)

  await secret.fill('half typed')
  await table.getByRole('button', { name: 'Edit alpha' }).click()
  await expect(question).toBeVisible()
  await question.getByRole('button', { name: 'Keep editing' }).click()
  await expect(card.getByRole('form', { name: 'Edit beta' })).toBeVisible()
  await expect(secret).toHaveValue('half typed')

  // Edit on the row already open keeps its form as it is.
  await table.getByRole('button', { name: 'Edit beta' }).click()
  await expect(question).toHaveCount(0)
  await expect(secret).toHaveValue('half typed')

  await card.getByRole('button', { name: 'Add client' }).click()
  await expect(question).toBeVisible()
  await question.getByRole('button', { name: 'Discard' }).click()
  await expect(card.getByRole('form', { name: 'New OAuth client' })).toBeVisible()
  await expect(secret).toHaveValue('')

  await card.getByLabel('Client ID', { exact: true }).fill('gamma')
  await table.getByRole('button', { name: 'Edit alpha' }).click()
  await expect(question).toBeVisible()
  await question.getByRole('button', { name: 'Discard' }).click()
  await expect(card.getByRole('form', { name: 'Edit alpha' })).toBeVisible()
  await expect(card.getByLabel('Client ID', { exact: true })).toHaveValue('alpha')
  await expect(page.getByLabel('Messages max count')).toHaveValue('50')
})
