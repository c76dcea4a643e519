import { segment } from './auth-config-form.ts'
import { expect, test } from './fixtures.ts'

test('a new OAuth auth config is tested with what the form shows, before it is saved, and nothing is saved', async ({
  page,
  hookbench,
}) => {
  const authorised = { headers: { authorization: `Bearer ${hookbench.token}` } }
  const client = await page.request.post(`${hookbench.apiUrl}/api/oauth-clients`, {
    ...authorised,
    data: { client_id: 'hb-client', client_secret: 'client-secret-1', scopes: ['webhooks'] },
  })
  expect(client.status()).toBe(201)
  const tokenUrl = `${hookbench.receiverUrl}/oauth2/token`

  await page.goto(`${hookbench.apiUrl}/#/auth-configs`)
  await page.getByRole('button', { name: 'New auth config' }).click()
  await segment(page, 'OAuth2 client credentials').click()
  await page.getByRole('button', { name: tokenUrl }).click()
  await page.getByLabel('Client ID').fill('hb-client')
  await page.getByLabel('Client secret').fill('client-secret-1')
  const result = page.getByTestId('auth-test-result')

  // Without a scope the test is refused the way saving would be, naming the field.
  await page.getByRole('button', { name: 'Fetch a token now' }).click()
  await expect(page.getByRole('alert').filter({ hasText: 'Could not run the test' })).toContainText('scope')

  await page.getByLabel('Scope').fill('webhooks')
  await page.getByRole('button', { name: 'Fetch a token now' }).click()
  await expect(result).toContainText('Token issued.')
  await expect(result).toContainText(`POST ${tokenUrl}`)
  await expect(result).toContainText('Response · HTTP 200')
  await expect(result).not.toContainText('client-secret-1')

  await page.getByLabel('Client secret').fill('wrong-secret')
  await page.getByRole('button', { name: 'Fetch a token now' }).click()
  await expect(result).toContainText('No token.')
  await expect(result).toContainText('invalid_client')
  await expect(result).not.toContainText('wrong-secret')

  // Still a new, unsaved config: the editor says so and nothing is stored.
  await expect(page.getByRole('button', { name: 'Create auth config' })).toBeVisible()
  const stored = await page.request.get(`${hookbench.apiUrl}/api/auth-configs`, authorised)
  expect((await stored.json()).items).toEqual([])
})
