import type { Page } from '@playwright/test'
import { api, expect, type Hookbench, test } from './fixtures.ts'

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'

/** Where screenshots of the page go when SCREENSHOTS_DIR is set (to look at both themes by eye). */
async function snapshot(page: Page, name: string) {
  const dir = process.env.SCREENSHOTS_DIR
  if (!dir) return
  const viewport = page.viewportSize()
  // The page body scrolls inside the shell: a tall window shows all of it.
  await page.setViewportSize({ width: 1400, height: 1800 })
  // The theme follows the system's by default: both schemes, as the OS would ask for them.
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme })
    await page.screenshot({ path: `${dir}/${name}-${colorScheme}.png` })
  }
  await page.emulateMedia({ colorScheme: null })
  if (viewport) await page.setViewportSize(viewport)
}

async function createBin(hookbench: Hookbench, name: string, verified: boolean) {
  const verify = verified ? { standard_webhooks: { secret: SECRET }, enforce: true } : undefined
  return api<{ id: string }>(hookbench, 'POST', '/api/bins', { name, ...(verify ? { verify } : {}) })
}

function check(page: Page, id: string) {
  return page.getByTestId(`check-${id}`)
}

async function runChecks(page: Page, url: string) {
  await page.getByLabel('URL', { exact: true }).fill(url)
  await page.getByLabel('Signing secret', { exact: true }).fill(SECRET)
  await expect(page.getByTestId('check-count')).toHaveText(/^(\d+) of \1 checks$/)
  await page.getByRole('button', { name: 'Run checks' }).click()
  await expect(page).toHaveURL(/#\/checks\/[^/?]+$/)
}

test('checks an endpoint: results come in live, each opens to its request, copies as curl, reruns', async ({
  page,
  hookbench,
  context,
}) => {
  test.setTimeout(60_000)
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: hookbench.apiUrl })
  const bin = await createBin(hookbench, 'lenient', false)
  await page.goto(`${hookbench.apiUrl}/#/events`)
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Checks' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Check an endpoint' })).toBeVisible()
  await expect(page.getByText('No runs yet')).toBeVisible()
  await snapshot(page, 'checks-form')

  // A bin that verifies nothing takes forged deliveries: the signature checks fail.
  const url = `${hookbench.receiverUrl}/hooks/lenient/webhook`
  await runChecks(page, url)
  const report = page.getByRole('region', { name: /Finished|Running/ })
  await expect(check(page, 'accepts-valid-delivery')).toBeVisible()
  await expect(check(page, 'rejects-wrong-secret')).toHaveAttribute('data-status', 'failed', {
    timeout: 20_000,
  })
  await expect(page.getByTestId('check-summary')).toContainText(
    'Must checks that failed: rejects-tampered-body',
  )
  await expect(report.getByRole('heading', { level: 2 })).toContainText('Finished')
  await expect(check(page, 'accepts-valid-delivery')).toHaveAttribute('data-status', 'passed')

  // The request as sent, the answer, and the same request as curl.
  await check(page, 'rejects-wrong-secret').getByRole('button', { expanded: false }).click()
  const detail = check(page, 'rejects-wrong-secret')
  await expect(detail.getByRole('table', { name: 'Request headers' })).toContainText('webhook-signature')
  await expect(detail.getByRole('region', { name: 'Response' })).toContainText('200')
  await snapshot(page, 'checks-report')
  await detail.getByRole('button', { name: 'Copy as curl' }).click()
  await expect(detail.getByRole('button', { name: 'Copied' })).toBeVisible()
  const curl = String(await page.evaluate('navigator.clipboard.readText()'))
  expect(curl).toContain(`curl -X POST '${url}'`)
  expect(curl).toContain("-H 'webhook-signature: v1,")

  // The bin now verifies: the rerun of that one check passes, in place.
  await api(hookbench, 'PUT', `/api/bins/${bin.id}`, {
    name: 'lenient',
    verify: { standard_webhooks: { secret: SECRET }, enforce: true },
  })
  await detail.getByRole('button', { name: 'Rerun' }).click()
  await expect(check(page, 'rejects-wrong-secret')).toHaveAttribute('data-status', 'passed', {
    timeout: 20_000,
  })
  await expect(check(page, 'rejects-tampered-body')).toHaveAttribute('data-status', 'failed')

  // After a reload the run is still there, and the history opens it.
  await page.reload()
  await expect(check(page, 'rejects-wrong-secret')).toHaveAttribute('data-status', 'passed')
  await page.getByRole('button', { name: 'Close run' }).click()
  await expect(page).toHaveURL(/#\/checks$/)
  const rows = page.getByTestId('check-run-row')
  await expect(rows).toHaveCount(1)
  await expect(rows.first()).toContainText(url)
  await rows.first().click()
  await expect(check(page, 'rejects-wrong-secret')).toHaveAttribute('data-status', 'passed')
})

test('a receiver that verifies signatures passes every must check of the standard profile', async ({
  page,
  hookbench,
}) => {
  await createBin(hookbench, 'strict', true)
  await page.goto(`${hookbench.apiUrl}/#/checks`)
  await runChecks(page, `${hookbench.receiverUrl}/hooks/strict/webhook`)
  await expect(page.getByTestId('check-summary')).toContainText('All must checks pass.', { timeout: 20_000 })
  await expect(check(page, 'rejects-wrong-secret')).toHaveAttribute('data-status', 'passed')
})

test('Ctrl+K opens the page; the form says what is wrong, by the field, before asking', async ({
  page,
  hookbench,
}) => {
  await page.goto(`${hookbench.apiUrl}/#/events`)
  await page.keyboard.press('Control+k')
  await page.keyboard.type('check an endpoint')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { level: 1, name: 'Check an endpoint' })).toBeVisible()
  await expect(page).toHaveURL(/#\/checks$/)
  await page.getByLabel('URL', { exact: true }).fill('ftp://nowhere')
  await page.getByLabel('Signing secret', { exact: true }).fill('not-a-secret')
  await page.getByRole('button', { name: 'None', exact: true }).click()
  await page.getByRole('button', { name: 'Run checks' }).click()
  await expect(page.getByText('The URL starts with http:// or https://')).toBeVisible()
  await expect(page.getByText('A Standard Webhooks secret looks like whsec_<base64>.')).toBeVisible()
  await expect(page.getByText('Choose at least one check.')).toBeVisible()
  await expect(page).toHaveURL(/#\/checks$/)
})

test('"Check this endpoint" on a subscription fills the form from it', async ({ page, hookbench }) => {
  const basic = await api<{ id: string }>(hookbench, 'POST', '/api/auth-configs', {
    auth_type: 'BASIC_AUTH',
    key: 'alice',
    secret: 's3cret',
  })
  const templated = `${hookbench.receiverUrl}/hooks/users/{/resource_id}`
  const subscription = await api<{ id: string }>(hookbench, 'POST', '/api/subscriptions', {
    name: 'Users',
    url: templated,
    profile: 'iam',
    topics: ['user.created'],
    auth_config_id: basic.id,
    signing: { secret: SECRET },
  })
  await page.goto(`${hookbench.apiUrl}/#/subscriptions/${subscription.id}`)
  await snapshot(page, 'subscription-editor')
  await page.getByRole('button', { name: 'Check this endpoint' }).click()

  await expect(page).toHaveURL(new RegExp(`#/checks\\?subscription=${subscription.id}$`))
  await expect(page.getByLabel('URL', { exact: true })).toHaveValue(templated)
  await expect(page.getByLabel('Profile', { exact: true })).toHaveValue('iam')
  await expect(page.getByLabel('Signing secret', { exact: true })).toHaveValue(SECRET)
  await expect(page.getByLabel('Signing secret', { exact: true })).toHaveAttribute('type', 'password')
  await expect(page.getByRole('radio', { name: 'Basic' })).toBeChecked()
  await expect(page.getByLabel('User', { exact: true })).toHaveValue('alice')
  await expect(page.getByLabel('Password', { exact: true })).toHaveValue('s3cret')
  const notice = page.getByTestId('check-fill-notice')
  await expect(notice).toContainText(`Filled in from subscription ${subscription.id}`)
  await expect(notice).toContainText('they are not expanded here')
  await snapshot(page, 'checks-from-subscription')

  // The run is kept with the subscription.
  await page.getByLabel('URL', { exact: true }).fill(`${hookbench.receiverUrl}/hooks/users/u-1`)
  await page.getByRole('button', { name: 'Run checks' }).click()
  await expect(page.getByRole('link', { name: subscription.id })).toBeVisible()
  await expect(page.getByTestId('check-run-row').first()).toContainText(
    `from subscription ${subscription.id}`,
  )
})

test('a subscription with OAuth client credentials says a bearer token is needed to test credentials', async ({
  page,
  hookbench,
}) => {
  const oauth = await api<{ id: string }>(hookbench, 'POST', '/api/auth-configs', {
    auth_type: 'OAUTH_2_CLIENT_CREDENTIALS',
    key: 'hb-client',
    secret: 'client-secret-1',
    scope: 'webhooks',
    token_url: `${hookbench.receiverUrl}/oauth2/token`,
  })
  const subscription = await api<{ id: string }>(hookbench, 'POST', '/api/subscriptions', {
    name: 'Rustici',
    url: `${hookbench.receiverUrl}/hooks/rustici`,
    profile: 'rustici',
    tenant_id: 'tenant_1',
    auth_config_id: oauth.id,
  })
  await page.goto(`${hookbench.apiUrl}/#/checks?subscription=${subscription.id}`)
  await expect(page.getByTestId('check-fill-notice')).toContainText(
    'This subscription authenticates with OAuth client credentials',
  )
  await expect(page.getByRole('radio', { name: 'None' })).toBeChecked()
  await expect(page.getByLabel('Profile', { exact: true })).toHaveValue('rustici')
  await expect(check(page, 'rejects-missing-credentials')).toHaveCount(0)
  await expect(page.getByText('Needs credentials — skipped without').first()).toBeVisible()
})

test('the history shows how many runs there are and loads the older ones; a new run counts once', async ({
  page,
  hookbench,
}) => {
  test.setTimeout(60_000)
  // One check each, against a port nothing listens on: runs that end at once.
  const startRun = (n: number) =>
    api<{ check_run_id: string }>(hookbench, 'POST', '/api/checks', {
      url: `http://127.0.0.1:9/run-${n}`,
      only: ['accepts-valid-delivery'],
    })
  for (let n = 1; n <= 52; n++) await startRun(n)
  await page.goto(`${hookbench.apiUrl}/#/checks`)
  const rows = page.getByTestId('check-run-row')
  const count = page.getByTestId('check-run-count')
  await expect(rows).toHaveCount(50)
  await expect(count).toHaveText('50 of 52 runs')

  await page.getByRole('button', { name: 'Show older' }).click()
  await expect(rows).toHaveCount(52)
  await expect(count).toHaveText('52 of 52 runs')
  await expect(rows.last()).toContainText('/run-1')
  await expect(page.getByRole('button', { name: 'Show older' })).toHaveCount(0)

  // A run started now comes in live at the top, once, however many updates it sends.
  await startRun(53)
  await expect(rows.first()).toContainText('/run-53')
  await expect(rows.first()).toContainText('failed')
  await expect(count).toHaveText('53 of 53 runs')
  await expect(rows).toHaveCount(53)
})
