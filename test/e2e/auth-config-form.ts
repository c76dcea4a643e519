import type { Page } from '@playwright/test'
import { expect } from './fixtures.ts'

/** Segmented radios hide the input itself; the user clicks the label. */
export function segment(page: Page, label: string) {
  return page.locator('label.segment', { hasText: label })
}

/**
 * On the Auth configs page: a new OAuth2 client-credentials config that asks the receiver's own token
 * endpoint (picked from the form's hint) for `scope`, saved.
 */
export async function createReceiverOAuthConfig(
  page: Page,
  tokenUrl: string,
  client: { id: string; secret: string; scope: string },
) {
  await page.getByRole('button', { name: 'New auth config' }).click()
  await segment(page, 'OAuth2 client credentials').click()
  await page.getByRole('button', { name: tokenUrl }).click()
  await expect(page.getByLabel('Token URL')).toHaveValue(tokenUrl)
  await page.getByLabel('Scope').fill(client.scope)
  await page.getByLabel('Client ID').fill(client.id)
  await page.getByLabel('Client secret').fill(client.secret)
  await page.getByRole('button', { name: 'Create auth config' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible()
}

/** On the Auth configs page: a new Basic auth config (the form's first choice) for `username`, saved. */
export async function createBasicAuthConfig(page: Page, username: string, password: string) {
  await page.getByRole('button', { name: 'New auth config' }).click()
  await expect(page.getByRole('radio', { name: 'Basic auth' })).toBeChecked()
  await page.getByLabel('Username').fill(username)
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Create auth config' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible()
}
