import { readFile, writeFile } from 'node:fs/promises'
import type { Page } from '@playwright/test'
import { expect, type Hookbench, test } from './fixtures.ts'

const STAMP = '2025-01-02T03:04:05.000Z'

/** The smallest workspace a user could bring: one auth config and one event of history. */
const SMALL_WORKSPACE = {
  format: 'hookbench-workspace',
  version: 1,
  exported_at: STAMP,
  includes: { history: true, secrets: false },
  config: {
    schema_version: 1,
    auth_configs: [
      {
        id: 'ac1',
        auth_type: 'NO_AUTH',
        key: null,
        secret: null,
        scope: null,
        token_url: null,
        created_at: STAMP,
        modified_at: STAMP,
      },
    ],
  },
  history: {
    events: [
      {
        id: 'e1',
        at: 1_700_000_000_000,
        value: {
          event_id: 'e1',
          topic: 'user.created',
          data: { id: 'u1' },
          tenant_id: null,
          entity_key: null,
          resource_id: null,
          created_at: STAMP,
        },
      },
    ],
  },
}

function authorised(hookbench: Hookbench) {
  return { headers: { authorization: `Bearer ${hookbench.token}` } }
}

async function storedSettings(page: Page, hookbench: Hookbench) {
  const response = await page.request.get(`${hookbench.apiUrl}/api/settings`, authorised(hookbench))
  expect(response.status()).toBe(200)
  return response.json()
}

async function openSettings(page: Page, hookbench: Hookbench) {
  await page.goto(`${hookbench.apiUrl}/#/settings`)
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible()
}

function historyTable(page: Page) {
  return page.getByRole('table', { name: 'History on disk' })
}

/** The Records cell of one kind's row in the storage table. */
function recordsOf(page: Page, kind: string) {
  return historyTable(page).getByRole('row', { name: kind }).getByRole('cell').first()
}

test('the theme applies at once, by keyboard too, and survives a reload', async ({ page, hookbench }) => {
  await openSettings(page, hookbench)
  const html = page.locator('html')
  await expect(page.getByRole('radio', { name: 'System' })).toBeChecked()

  await page.getByText('Light', { exact: true }).click()
  await expect(html).toHaveAttribute('data-theme', 'light')
  await expect(page.locator('body')).toHaveCSS('background-color', 'rgb(246, 247, 249)')

  // Arrow keys move through the radio group, as in any native control.
  await page.getByRole('radio', { name: 'Light' }).focus()
  await page.keyboard.press('ArrowRight')
  await expect(page.getByRole('radio', { name: 'Dark' })).toBeChecked()
  await expect(html).toHaveAttribute('data-theme', 'dark')
  await expect(page.locator('body')).toHaveCSS('background-color', 'rgb(27, 29, 33)')
  await expect.poll(async () => (await storedSettings(page, hookbench)).theme).toBe('dark')

  // Forget the first-paint copy: after the reload the theme must come from the stored settings.
  await page.evaluate(() => localStorage.clear())
  await page.reload()
  await expect(page.getByRole('radio', { name: 'Dark' })).toBeChecked()
  await expect(html).toHaveAttribute('data-theme', 'dark')
})

test('retention limits are saved, kept across a reload, and agree with the API', async ({
  page,
  hookbench,
}) => {
  await openSettings(page, hookbench)
  const save = page
    .getByRole('region', { name: 'Retention' })
    .getByRole('button', { name: 'Save', exact: true })
  const maxAge = page.getByLabel('Messages max age (days)')
  const maxCount = page.getByLabel('Messages max count')
  await expect(maxAge).toHaveValue('30')
  await expect(save).toBeDisabled()

  await maxAge.fill('7')
  await maxCount.fill('5000')
  await page.getByRole('checkbox', { name: 'No limit on attempts count' }).check()
  await expect(page.getByLabel('Attempts max count')).toBeDisabled()
  await expect(save).toBeEnabled()
  await save.click()

  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible()
  await expect(save).toBeDisabled()

  await page.reload()
  await expect(maxAge).toHaveValue('7')
  await expect(maxCount).toHaveValue('5000')
  await expect(page.getByRole('checkbox', { name: 'No limit on attempts count' })).toBeChecked()
  const { retention } = await storedSettings(page, hookbench)
  expect(retention.messages).toEqual({ max_age_days: 7, max_count: 5000 })
  expect(retention.attempts).toEqual({ max_age_days: 30, max_count: null })
  expect(retention.events).toEqual({ max_age_days: 30, max_count: 100_000 })
})

test('an invalid limit is refused with the message next to its field', async ({ page, hookbench }) => {
  await openSettings(page, hookbench)
  const maxAge = page.getByLabel('Events max age (days)')
  await maxAge.fill('0')
  await page.getByLabel('Requests max count').fill('-5')
  await page
    .getByRole('region', { name: 'Retention' })
    .getByRole('button', { name: 'Save', exact: true })
    .click()

  await expect(maxAge).toHaveAttribute('aria-invalid', 'true')
  await expect(maxAge).toHaveAccessibleDescription(/too small/i)
  await expect(page.getByLabel('Requests max count')).toHaveAccessibleDescription(/too small/i)
  await expect(page.getByLabel('Messages max age (days)')).not.toHaveAttribute('aria-invalid', 'true')
  expect((await storedSettings(page, hookbench)).retention.events.max_age_days).toBe(30)

  // An empty box is neither a number nor "no limit": said before anything is sent.
  await maxAge.fill('')
  await page
    .getByRole('region', { name: 'Retention' })
    .getByRole('button', { name: 'Save', exact: true })
    .click()
  await expect(maxAge).toHaveAccessibleDescription('Enter a number, or tick “No limit”.')
})

test('storage shows the data folder, how secrets are kept, and the five kinds', async ({
  page,
  hookbench,
}) => {
  await openSettings(page, hookbench)

  await expect(page.getByText(hookbench.dataDir, { exact: true })).toBeVisible()
  await expect(page.getByText(/anyone who can read that folder can read your secrets/)).toBeVisible()
  const rows = historyTable(page).locator('tbody tr')
  await expect(rows).toHaveCount(5)
  for (const kind of ['Events', 'Messages', 'Attempts', 'Captured requests', 'Check runs']) {
    await expect(recordsOf(page, kind)).toHaveText('0')
  }
  await page.getByRole('button', { name: 'Refresh' }).click()
  await expect(rows).toHaveCount(5)
})

test('export downloads the workspace without its secrets', async ({ page, hookbench }) => {
  // An OAuth client with its secret, so "no secrets" has something to leave out.
  const seeded = await page.request.post(`${hookbench.apiUrl}/api/import`, {
    ...authorised(hookbench),
    data: {
      ...SMALL_WORKSPACE,
      includes: { history: false, secrets: true },
      config: {
        schema_version: 1,
        oauth_clients: [
          {
            id: 'c1',
            client_id: 'client-1',
            client_secret: { $secret: 'do-not-leak-4f2a' },
            scopes: [],
            created_at: '2026-01-01T00:00:00.000Z',
          },
        ],
      },
      history: undefined,
    },
  })
  expect(seeded.status(), await seeded.text()).toBe(200)
  await openSettings(page, hookbench)

  const includeSecrets = page.getByRole('checkbox', { name: 'Include secrets' })
  await includeSecrets.check()
  await expect(page.getByText(/will contain your secrets .* in\s+plain text/)).toBeVisible()
  await includeSecrets.uncheck()

  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Export…' }).click()
  const file = await download
  expect(file.suggestedFilename()).toMatch(/^hookbench-workspace-\d{4}-\d{2}-\d{2}\.json$/)
  const text = await readFile(await file.path(), 'utf8')
  const document = JSON.parse(text)
  expect(document.format).toBe('hookbench-workspace')
  expect(document.includes).toEqual({ history: false, secrets: false })
  expect(document.config.oauth_clients[0].client_secret).toEqual({ $secret: null })
  expect(text).not.toContain('do-not-leak-4f2a')
  await expect(page.getByRole('status').filter({ hasText: file.suggestedFilename() })).toBeVisible()
})

test('importing a small workspace shows what came in, and the history it added', async ({
  page,
  hookbench,
}, testInfo) => {
  const path = testInfo.outputPath('workspace.json')
  await writeFile(path, JSON.stringify(SMALL_WORKSPACE))
  await openSettings(page, hookbench)
  await expect(recordsOf(page, 'Events')).toHaveText('0')

  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: 'Choose file…' }).click()
  await (await chooser).setFiles(path)
  await expect(page.getByText('workspace.json', { exact: false })).toBeVisible()
  await page.getByRole('button', { name: 'Import', exact: true }).click()

  const summary = page.getByTestId('import-summary')
  await expect(summary).toContainText('Workspace merged.')
  await expect(summary).toContainText('1 auth config')
  await expect(summary).toContainText('1 event')
  await expect(recordsOf(page, 'Events')).toHaveText('1')
})

test('an invalid file dropped on the card is refused and changes nothing', async ({ page, hookbench }) => {
  await openSettings(page, hookbench)
  await expect(recordsOf(page, 'Events')).toHaveText('0')

  const card = page.getByRole('region', { name: 'Workspace' })
  // Built in the page (a string: this file is compiled without DOM types), as a drag from the desktop.
  const dataTransfer = await page.evaluateHandle(`(() => {
    const transfer = new DataTransfer()
    transfer.items.add(new File(['{"format":"nope"}'], 'nope.json', { type: 'application/json' }))
    return transfer
  })()`)
  await card.dispatchEvent('dragover', { dataTransfer })
  await card.dispatchEvent('drop', { dataTransfer })
  await expect(card.getByText('nope.json')).toBeVisible()
  await card.getByRole('radio', { name: /Replace/ }).check()
  await card.getByRole('button', { name: 'Import and replace' }).click()

  const alert = card.getByRole('alert')
  await expect(alert).toContainText('nothing was changed')
  await expect(alert).toContainText('format')
  await page.getByRole('button', { name: 'Refresh' }).click()
  await expect(historyTable(page).locator('tbody tr')).toHaveCount(5)
  await expect(recordsOf(page, 'Events')).toHaveText('0')
  expect((await storedSettings(page, hookbench)).theme).toBe('system')
})

test('an import keeps stored secrets the file redacted, and a secret that is missing does not look set', async ({
  page,
  hookbench,
}, testInfo) => {
  const basic = (secret: { $secret: string | null }) => ({
    ...SMALL_WORKSPACE,
    includes: { history: false, secrets: secret.$secret !== null },
    config: {
      schema_version: 1,
      auth_configs: [
        {
          id: 'basic-1',
          auth_type: 'BASIC_AUTH',
          key: 'generator',
          secret,
          scope: null,
          token_url: null,
          created_at: STAMP,
          modified_at: STAMP,
        },
      ],
    },
    history: undefined,
  })
  const importFile = async (name: string, document: unknown) => {
    const path = testInfo.outputPath(name)
    await writeFile(path, JSON.stringify(document))
    const chooser = page.waitForEvent('filechooser')
    await page.getByRole('button', { name: 'Choose file…' }).click()
    await (await chooser).setFiles(path)
    await page.getByRole('button', { name: 'Import', exact: true }).click()
  }

  // Into an empty workspace: nothing is stored, so the auth config's secret must be entered again.
  await openSettings(page, hookbench)
  await importFile('redacted.json', basic({ $secret: null }))
  await expect(page.getByTestId('import-summary')).toContainText('1 secret was not in the file')
  await page.goto(`${hookbench.apiUrl}/#/auth-configs`)
  await page.getByRole('table', { name: 'Auth configs' }).getByText('generator', { exact: true }).click()
  await expect(page.getByTestId('auth-secret-missing')).toContainText('No secret stored')
  await expect(page.getByTestId('auth-secret')).toHaveCount(0)

  // With the secret, then the redacted file again: the stored one is kept, not wiped.
  await openSettings(page, hookbench)
  await importFile('with-secret.json', basic({ $secret: 'pa55-word' }))
  await expect(page.getByTestId('import-summary')).toContainText('Workspace merged.')
  await importFile('redacted-again.json', basic({ $secret: null }))
  await expect(page.getByTestId('import-summary')).toContainText(
    '1 secret was redacted in the file: the one stored here was kept.',
  )
  await page.goto(`${hookbench.apiUrl}/#/auth-configs`)
  await page.getByRole('table', { name: 'Auth configs' }).getByText('generator', { exact: true }).click()
  await page.getByTestId('auth-secret').locator('..').getByRole('button', { name: 'Reveal' }).click()
  await expect(page.getByTestId('auth-secret')).toHaveText('pa55-word')
})
