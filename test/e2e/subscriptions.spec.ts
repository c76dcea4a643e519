import type { Page } from '@playwright/test'
import { createBasicAuthConfig, createReceiverOAuthConfig, segment } from './auth-config-form.ts'
import { expect, type Hookbench, test } from './fixtures.ts'

/** The `data.id` of the catalog's example `user.created` event (IAM profile). */
const EXAMPLE_USER_ID = 'a3c9e1f5-6b2d-4e87-9f10-2d4b6c8e0a11'

function authorised(hookbench: Hookbench) {
  return { headers: { authorization: `Bearer ${hookbench.token}` } }
}

async function storedSubscriptions(page: Page, hookbench: Hookbench) {
  const response = await page.request.get(`${hookbench.apiUrl}/api/subscriptions`, authorised(hookbench))
  expect(response.status()).toBe(200)
  return (await response.json()).items
}

async function storedAuthConfigs(page: Page, hookbench: Hookbench) {
  const response = await page.request.get(`${hookbench.apiUrl}/api/auth-configs`, authorised(hookbench))
  expect(response.status()).toBe(200)
  return (await response.json()).items
}

/** A client of Hookbench's mock token server: hb-client / client-secret-1, scope webhooks. */
async function createMockOAuthClient(page: Page, hookbench: Hookbench) {
  const client = await page.request.post(`${hookbench.apiUrl}/api/oauth-clients`, {
    ...authorised(hookbench),
    data: { client_id: 'hb-client', client_secret: 'client-secret-1', scopes: ['webhooks'] },
  })
  expect(client.status()).toBe(201)
}

/** From an empty Auth configs page: alice's Basic auth config, listed once saved. */
async function createFirstBasicAuthConfig(page: Page) {
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Auth configs' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Auth configs' })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'No auth configs yet' })).toBeVisible()
  await createBasicAuthConfig(page, 'alice', 's3cret')
  await expect(
    page.getByRole('table', { name: 'Auth configs' }).getByRole('button', { name: 'Basic auth' }),
  ).toBeVisible()
}

async function createIamSubscription(page: Page, hookbench: Hookbench) {
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Subscriptions' }).click()
  await expect(page.getByRole('heading', { name: 'No subscriptions yet' })).toBeVisible()
  await page.getByRole('button', { name: 'New subscription' }).click()

  await page.getByLabel('Name', { exact: true }).fill('IAM users')
  await page.getByLabel('Profile').selectOption('iam')
  await page.getByRole('combobox', { name: 'Topics' }).fill('user.created')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('list', { name: 'Chosen topics' })).toContainText('user.created')

  // The URL is a template; its preview renders it against the catalog's example user.created.
  await page.getByLabel('URL').fill(`${hookbench.receiverUrl}/hooks/iam/{/id}`)
  await expect(page.getByTestId('url-preview')).toContainText(
    `${hookbench.receiverUrl}/hooks/iam/${EXAMPLE_USER_ID}`,
  )

  await page.getByRole('button', { name: 'Add header' }).click()
  await page.getByLabel('Header 1 name').fill('X-Api-Key')
  await page.getByLabel('Value of X-Api-Key').fill('k-123')
  await page.getByLabel('X-Api-Key is secret').check()

  await page.getByLabel('Auth config').selectOption({ label: (await authOptionLabel(page)) ?? '' })
  await segment(page, 'Generate').click()
  await expect(page.getByTestId('schedule-preview')).toContainText('now, 5 s, 5 min, 30 min, 2 h')

  await page.getByRole('button', { name: 'Create subscription' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible()
}

/** The picker's option for the Basic auth config made above. */
async function authOptionLabel(page: Page): Promise<string | null> {
  return page.getByLabel('Auth config').locator('option', { hasText: 'alice' }).textContent()
}

test('an IAM subscription with Basic auth, a secret header and signing is created in the UI', async ({
  page,
  hookbench,
}) => {
  await page.goto(hookbench.apiUrl)
  await createFirstBasicAuthConfig(page)
  const [authConfig] = await storedAuthConfigs(page, hookbench)
  expect(authConfig).toMatchObject({ auth_type: 'BASIC_AUTH', key: 'alice', secret: '••••' })

  await createIamSubscription(page, hookbench)
  const list = page.getByRole('table', { name: 'Subscriptions' })
  await expect(list.getByRole('button', { name: 'IAM users' })).toBeVisible()
  await expect(list).toContainText('iam')
  await expect(list).toContainText(`${hookbench.receiverUrl}/hooks/iam/{/id}`)
  await expect(list).toContainText('No deliveries yet')

  // Reopened: the secret header is write-only, and the version metadata is shown.
  await page.getByRole('button', { name: 'Close editor' }).click()
  await list.getByRole('button', { name: 'IAM users' }).click()
  const secretValue = page.getByLabel('Value of X-Api-Key')
  await expect(secretValue).toHaveValue('')
  await expect(secretValue).toHaveAttribute('placeholder', /write-only/)
  await expect(page.getByText('•••• (write-only)', { exact: true })).toBeVisible()
  await expect(page.getByTestId('version-no')).toHaveText('1.0')
  const version = page.getByLabel('Version', { exact: true })
  await expect(version).toContainText('Created')
  await expect(version).toContainText('by local')

  const [stored] = await storedSubscriptions(page, hookbench)
  expect(stored).toMatchObject({
    name: 'IAM users',
    profile: 'iam',
    topics: ['user.created'],
    url: `${hookbench.receiverUrl}/hooks/iam/{/id}`,
    enabled: true,
    headers: { 'X-Api-Key': { secret: true } },
    auth_config_id: authConfig.id,
    signing: { secret: '••••' },
  })
  expect(stored.headers['X-Api-Key'].value).toBeUndefined()

  // Saving again without touching the secret keeps it, and bumps the version.
  await page.getByLabel('Description', { exact: true }).fill('New users of the acme realm')
  await page.getByRole('button', { name: 'Save changes' }).click()
  await expect(page.getByTestId('version-no')).toHaveText('2.0')
  const revealed = await page.request.get(
    `${hookbench.apiUrl}/api/subscriptions/${stored.id}?reveal=true`,
    authorised(hookbench),
  )
  const again = await revealed.json()
  expect(again.description).toBe('New users of the acme realm')
  expect(again.headers['X-Api-Key']).toEqual({ secret: true })
  expect(again.signing.secret).toMatch(/^whsec_/)

  // Reveal shows the stored secret; Rotate shows the new one once.
  await page.getByRole('button', { name: 'Reveal' }).click()
  await expect(page.getByTestId('signing-secret')).toHaveText(again.signing.secret)
  await page.getByRole('button', { name: 'Rotate' }).click()
  await expect(page.getByText('New secret — copy it now')).toBeVisible()
  await expect(page.getByTestId('signing-secret')).toHaveText(/^whsec_/)
  await expect(page.getByTestId('signing-secret')).not.toHaveText(again.signing.secret)
})

test('invalid entries are shown next to their field and create nothing', async ({ page, hookbench }) => {
  await page.goto(`${hookbench.apiUrl}/#/subscriptions`)
  await page.getByRole('button', { name: 'New subscription' }).click()
  await page.getByLabel('Name', { exact: true }).fill('Document watcher')
  await page.getByLabel('Profile').selectOption('quicklysign')
  const url = page.getByLabel('URL')
  await url.fill('ftp://x')
  await page.getByRole('button', { name: 'Create subscription' }).click()

  // Both refusals are shown by their fields, and the first one takes the focus.
  const entityKey = page.getByLabel('Entity key')
  await expect(entityKey).toHaveAttribute('aria-invalid', 'true')
  await expect(entityKey).toBeFocused()
  await expect(page.locator('#entity_key-error')).toContainText(
    'quicklysign subscriptions need the entity_key',
  )
  await expect(url).toHaveAttribute('aria-invalid', 'true')
  await expect(page.locator('#url-error')).toHaveText('url must start with http:// or https://')
  await expect(page.getByRole('alert')).toContainText('2 fields need attention')

  // Editing clears the marks.
  await url.fill(`${hookbench.receiverUrl}/hooks/qs`)
  await expect(url).not.toHaveAttribute('aria-invalid', 'true')
  await expect(page.locator('#url-error')).toHaveCount(0)

  // A topic the profile does not have is marked on its chip.
  await entityKey.fill('doc-1')
  await page.getByRole('combobox', { name: 'Topics' }).fill('user.created')
  await page.getByRole('button', { name: 'Add topic' }).click()
  await page.getByRole('button', { name: 'Create subscription' }).click()
  await expect(page.locator('.topic-chip.is-invalid')).toHaveText(/user\.created/)
  await expect(page.getByText('"user.created" is not a quicklysign topic')).toBeVisible()

  expect(await storedSubscriptions(page, hookbench)).toEqual([])

  await page.getByRole('button', { name: 'Remove topic user.created' }).click()
  await page.getByRole('button', { name: 'Create subscription' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible()
  expect(await storedSubscriptions(page, hookbench)).toMatchObject([
    { name: 'Document watcher', profile: 'quicklysign', entity_key: 'doc-1', topics: [] },
  ])
})

test('the API’s validation messages are shown under their fields as it words them', async ({
  page,
  hookbench,
}) => {
  await page.goto(`${hookbench.apiUrl}/#/subscriptions`)
  await page.getByRole('button', { name: 'New subscription' }).click()
  const name = page.getByLabel('Name', { exact: true })
  await name.fill('   ')
  await page.getByRole('button', { name: 'Create subscription' }).click()

  await expect(name).toHaveAttribute('aria-invalid', 'true')
  await expect(name).toBeFocused()
  await expect(page.locator('#name-error')).toHaveText('must not be blank')
  const url = page.getByLabel('URL')
  await expect(url).toHaveAttribute('aria-invalid', 'true')
  // Both of the API's issues about the URL, in its words.
  await expect(url).toHaveAccessibleDescription('must not be empty')
  await expect(page.getByRole('alert')).toHaveText(/^2 fields need attention/)
  expect(await storedSubscriptions(page, hookbench)).toEqual([])
})

test('disabling from the list, and deleting an auth config that is in use', async ({ page, hookbench }) => {
  await page.goto(hookbench.apiUrl)
  await createFirstBasicAuthConfig(page)
  await createIamSubscription(page, hookbench)
  await page.getByRole('button', { name: 'Close editor' }).click()

  const toggle = page.getByRole('checkbox', { name: 'Enabled: IAM users' })
  await expect(toggle).toBeChecked()
  await toggle.uncheck()
  await expect(toggle).not.toBeChecked()
  await expect.poll(async () => (await storedSubscriptions(page, hookbench))[0].enabled).toBe(false)

  // The auth config is still used: the refusal says by whom, and the link opens that subscription.
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Auth configs' }).click()
  const table = page.getByRole('table', { name: 'Auth configs' })
  await expect(table).toContainText('1 subscription')
  await table.getByRole('button', { name: 'Basic auth' }).click()
  await page.getByRole('button', { name: 'Delete…' }).click()
  await page.getByRole('button', { name: 'Delete', exact: true }).click()
  const alert = page.getByRole('alert')
  await expect(alert).toContainText('Not deleted: used by 1 subscription')
  expect(await storedAuthConfigs(page, hookbench)).toHaveLength(1)

  await alert.getByRole('button', { name: 'IAM users' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Subscriptions' })).toBeVisible()
  await expect(page.getByRole('heading', { level: 2, name: 'IAM users' })).toBeVisible()

  // Deleting the subscription (with confirmation) frees the auth config.
  await page.getByRole('button', { name: 'Delete…' }).click()
  await page.getByRole('button', { name: 'Delete', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'No subscriptions yet' })).toBeVisible()
  expect(await storedSubscriptions(page, hookbench)).toEqual([])
})

test('a click anywhere on a row, or Enter on it, opens its editor: auth configs and subscriptions', async ({
  page,
  hookbench,
}) => {
  const created = await Promise.all(
    ['alice', 'bob'].map(async (key) => {
      const response = await page.request.post(`${hookbench.apiUrl}/api/auth-configs`, {
        ...authorised(hookbench),
        data: { auth_type: 'BASIC_AUTH', key, secret: 's3cret' },
      })
      expect(response.status()).toBe(201)
      return (await response.json()) as { id: string }
    }),
  )
  const subscription = await page.request.post(`${hookbench.apiUrl}/api/subscriptions`, {
    ...authorised(hookbench),
    data: { name: 'IAM users', profile: 'iam', url: `${hookbench.receiverUrl}/hooks/rows/iam` },
  })
  expect(subscription.status()).toBe(201)

  await page.goto(`${hookbench.apiUrl}/#/auth-configs`)
  const configs = page.getByRole('table', { name: 'Auth configs' })
  const editorTitle = page.getByRole('heading', { level: 2 })
  // The Key cell, not the type's button.
  await configs.getByRole('row', { name: /bob/ }).getByText('bob', { exact: true }).click()
  await expect(editorTitle).toHaveText(`Basic auth · bob (${created[1]?.id.slice(0, 8)})`)
  await page.getByRole('button', { name: 'Close editor' }).click()
  await expect(editorTitle).toHaveCount(0)

  // By keyboard: Tab goes from row to row (one stop each), Enter opens the focused one.
  const rows = configs.locator('tbody tr')
  await rows.first().focus()
  await page.keyboard.press('Tab')
  await expect(rows.nth(1)).toBeFocused()
  const key = (await rows.nth(1).locator('td').first().textContent()) ?? ''
  const id = created[key === 'alice' ? 0 : 1]?.id ?? ''
  await page.keyboard.press('Enter')
  await expect(editorTitle).toHaveText(`Basic auth · ${key} (${id.slice(0, 8)})`)

  // Subscriptions: the URL cell opens the editor; the Enabled switch only switches.
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Subscriptions' }).click()
  const row = page.getByRole('table', { name: 'Subscriptions' }).getByRole('row', { name: /IAM users/ })
  await row.getByRole('checkbox', { name: 'Enabled: IAM users' }).uncheck()
  await expect(row.getByRole('checkbox', { name: 'Enabled: IAM users' })).not.toBeChecked()
  await expect(editorTitle).toHaveCount(0)
  await row.getByText(`${hookbench.receiverUrl}/hooks/rows/iam`).click()
  await expect(editorTitle).toHaveText('IAM users')
  await page.getByRole('button', { name: 'Close editor' }).click()
  await row.focus()
  await page.keyboard.press('Enter')
  await expect(editorTitle).toHaveText('IAM users')
})

test('unsaved edits are not thrown away without asking: another row, New, close, another page', async ({
  page,
  hookbench,
}) => {
  for (const name of ['Orders', 'Refunds']) {
    const response = await page.request.post(`${hookbench.apiUrl}/api/subscriptions`, {
      ...authorised(hookbench),
      data: { name, profile: 'iam', url: `${hookbench.receiverUrl}/hooks/ask/${name}` },
    })
    expect(response.status()).toBe(201)
  }
  await page.goto(`${hookbench.apiUrl}/#/subscriptions`)
  const list = page.getByRole('table', { name: 'Subscriptions' })
  const editorTitle = page.locator('#editor-title')
  const question = page.getByRole('alertdialog', { name: 'Discard changes?' })
  const description = page.getByLabel('Description', { exact: true })

  // Unchanged: the next row opens at once.
  await list.getByRole('button', { name: 'Orders' }).click()
  await expect(editorTitle).toHaveText('Orders')
  await list.getByRole('button', { name: 'Refunds' }).click()
  await expect(editorTitle).toHaveText('Refunds')
  await expect(question).toHaveCount(0)

  // Edited: another row asks; Keep editing stays on the form with the text as typed.
  await description.fill('Money going back')
  await list.getByRole('button', { name: 'Orders' }).click()
  await expect(question).toBeVisible()
  await expect(question.getByRole('button', { name: 'Keep editing' })).toBeFocused()
  await question.getByRole('button', { name: 'Keep editing' }).click()
  await expect(question).toHaveCount(0)
  await expect(editorTitle).toHaveText('Refunds')
  await expect(description).toHaveValue('Money going back')

  // Escape keeps editing too; New, the close button and another page ask as well.
  await page.getByRole('button', { name: 'New subscription' }).click()
  await expect(question).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(question).toHaveCount(0)
  await page.getByRole('button', { name: 'Close editor' }).click()
  await expect(question).toBeVisible()
  await question.getByRole('button', { name: 'Keep editing' }).click()
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Events' }).click()
  await expect(question).toBeVisible()
  await question.getByRole('button', { name: 'Keep editing' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Subscriptions' })).toBeVisible()
  await expect(description).toHaveValue('Money going back')

  // Discard opens the other row, from what is saved.
  await list.getByRole('button', { name: 'Orders' }).click()
  await question.getByRole('button', { name: 'Discard' }).click()
  await expect(editorTitle).toHaveText('Orders')
  await list.getByRole('button', { name: 'Refunds' }).click()
  await expect(editorTitle).toHaveText('Refunds')
  await expect(description).toHaveValue('')

  // Saved edits are not unsaved: closing does not ask.
  await description.fill('Money going back')
  await page.getByRole('button', { name: 'Save changes' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible()
  await page.getByRole('button', { name: 'Close editor' }).click()
  await expect(editorTitle).toHaveCount(0)
  await expect(question).toHaveCount(0)

  // The Auth configs page asks the same way.
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Auth configs' }).click()
  await page.getByRole('button', { name: 'New auth config' }).click()
  await page.getByLabel('Username').fill('alice')
  await page.getByRole('button', { name: 'Cancel' }).click()
  await expect(question).toBeVisible()
  await question.getByRole('button', { name: 'Discard' }).click()
  await expect(editorTitle).toHaveCount(0)
  await expect(page.getByRole('heading', { name: 'No auth configs yet' })).toBeVisible()
})

test('an OAuth auth config is tested against the mock token server, with the exchange shown', async ({
  page,
  hookbench,
}) => {
  await createMockOAuthClient(page, hookbench)

  await page.goto(`${hookbench.apiUrl}/#/auth-configs`)
  // The hint offers the receiver's own token endpoint.
  const tokenUrl = `${hookbench.receiverUrl}/oauth2/token`
  await createReceiverOAuthConfig(page, tokenUrl, {
    id: 'hb-client',
    secret: 'client-secret-1',
    scope: 'webhooks',
  })

  await page.getByRole('button', { name: 'Fetch a token now' }).click()
  const result = page.getByTestId('auth-test-result')
  await expect(result).toContainText('Token issued.')
  await expect(result).toContainText(`POST ${tokenUrl}`)
  await expect(result).toContainText('grant_type=client_credentials')
  await expect(result).toContainText('Response · HTTP 200')
  await expect(result).not.toContainText('client-secret-1')

  // A wrong secret: the test says no token, and shows the server's refusal.
  await page.getByLabel('Client secret').fill('wrong-secret')
  await page.getByRole('button', { name: 'Save changes' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible()
  await page.getByRole('button', { name: 'Fetch a token now' }).click()
  await expect(result).toContainText('No token.')
  await expect(result).toContainText('Response · HTTP 401')
  await expect(result).toContainText('invalid_client')
})

test('"Fetch a token now" tests what the OAuth form shows, unsaved, with the stored secret, and saves nothing', async ({
  page,
  hookbench,
}) => {
  await createMockOAuthClient(page, hookbench)
  const tokenUrl = `${hookbench.receiverUrl}/oauth2/token`
  // Saved with a client id the token server does not know.
  const created = await page.request.post(`${hookbench.apiUrl}/api/auth-configs`, {
    ...authorised(hookbench),
    data: {
      auth_type: 'OAUTH_2_CLIENT_CREDENTIALS',
      key: 'nobody',
      secret: 'client-secret-1',
      scope: 'webhooks',
      token_url: tokenUrl,
    },
  })
  expect(created.status()).toBe(201)
  const saved = await created.json()

  await page.goto(`${hookbench.apiUrl}/#/auth-configs`)
  await page
    .getByRole('table', { name: 'Auth configs' })
    .getByRole('button', { name: 'OAuth2 client credentials' })
    .click()
  const result = page.getByTestId('auth-test-result')

  // The form's client id, not the saved one; the secret box is empty, so the stored secret is used.
  await page.getByLabel('Client ID').fill('hb-client')
  await page.getByRole('button', { name: 'Fetch a token now' }).click()
  await expect(result).toContainText('Token issued.')
  await expect(result).toContainText('Response · HTTP 200')

  // A secret typed but not saved is the one tested.
  await page.getByLabel('Client secret').fill('wrong-secret')
  await page.getByRole('button', { name: 'Fetch a token now' }).click()
  await expect(result).toContainText('No token.')
  await expect(result).toContainText('invalid_client')
  await expect(result).not.toContainText('wrong-secret')

  // Nothing was saved by testing.
  expect(await storedAuthConfigs(page, hookbench)).toEqual([saved])
})

test('Ctrl+S with a topic typed but not added saves it with the others', async ({ page, hookbench }) => {
  const created = await page.request.post(`${hookbench.apiUrl}/api/subscriptions`, {
    ...authorised(hookbench),
    data: { name: 'Orders', url: `${hookbench.receiverUrl}/hooks/orders`, topics: ['invoice.paid'] },
  })
  expect(created.status()).toBe(201)
  const { id } = await created.json()

  await page.goto(`${hookbench.apiUrl}/#/subscriptions/${id}`)
  await page.getByRole('combobox', { name: 'Topics' }).fill('order.paid')
  await page.keyboard.press('ControlOrMeta+s')
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible()
  await expect(page.getByRole('list', { name: 'Chosen topics' })).toContainText('order.paid')
  await expect(page.getByRole('combobox', { name: 'Topics' })).toHaveValue('')
  const [stored] = await storedSubscriptions(page, hookbench)
  expect(stored.topics).toEqual(['invoice.paid', 'order.paid'])
})

test('the Auth config picker fits the editor however long a config’s name', async ({ page, hookbench }) => {
  const created = await page.request.post(`${hookbench.apiUrl}/api/auth-configs`, {
    ...authorised(hookbench),
    data: { auth_type: 'BASIC_AUTH', key: `service-account-${'x'.repeat(160)}`, secret: 's3cret' },
  })
  expect(created.status()).toBe(201)

  await page.setViewportSize({ width: 1280, height: 800 })
  await page.goto(`${hookbench.apiUrl}/#/subscriptions/new`)
  const picker = page.getByLabel('Auth config')
  await picker.selectOption({ index: 1 })
  const body = page.locator('.side-editor-body')
  const [pickerBox, bodyBox] = [await picker.boundingBox(), await body.boundingBox()]
  expect(pickerBox && bodyBox && pickerBox.x + pickerBox.width).toBeLessThanOrEqual(
    (bodyBox?.x ?? 0) + (bodyBox?.width ?? 0),
  )
  expect(await body.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true)
})

test('a URL in an empty state never breaks inside its scheme (the Inbox’s first visit)', async ({
  page,
  hookbench,
}) => {
  await page.goto(`${hookbench.apiUrl}/#/inbox`)
  const body = page.locator('.empty-state-body')
  await expect(body).toContainText(`${hookbench.receiverUrl}/hooks/`)
  // Every width the guide can take: wherever the URL falls in its line, "http://" stays whole.
  const splitAt = await page.evaluate<string[]>(`(() => {
    const body = document.querySelector('.empty-state-body')
    const guide = body.closest('.empty-state')
    const split = []
    for (let width = 240; width <= 480; width += 3) {
      guide.style.maxWidth = width + 'px'
      for (const code of body.querySelectorAll('code')) {
        const walker = document.createTreeWalker(code, NodeFilter.SHOW_TEXT)
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          for (const match of node.textContent.matchAll(/https?:\\/\\//g)) {
            const range = document.createRange()
            range.setStart(node, match.index)
            range.setEnd(node, match.index + match[0].length)
            const lines = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)))
            if (lines.size > 1) split.push(width + 'px')
          }
        }
      }
    }
    return split
  })()`)
  expect(splitAt).toEqual([])
})
