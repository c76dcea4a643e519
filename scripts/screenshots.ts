/**
 * Regenerates the README screenshots in docs/screenshots/ from a real, freshly seeded Hookbench:
 *   events.png, subscriptions.png, messages.png (a message open), inbox.png (a capture open),
 *   settings.png — 1280×800, light theme.
 * Run with `node scripts/screenshots.ts` after `npm run build`. Options, for checking a change to the
 * styles rather than for the README: `--theme dark`, `--out <folder>` (instead of docs/screenshots),
 * `--more` (also the Auth configs page, the bin editor, the Settings page scrolled down, the command
 * palette and the Events page with no topic open). It starts its own
 * `hookbench serve` on free ports with a throwaway data folder, seeds it through the local API,
 * and drives Playwright's Chromium (or Debian's, as playwright.config.ts chooses).
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { chromium, type Page } from '@playwright/test'
import { chromiumLaunchOptions } from '../test/e2e/chromium.ts'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const CLI = join(ROOT, 'out/main/cli.js')
const VIEWPORT = { width: 1280, height: 800 }

function option(name: string): string | undefined {
  const index = process.argv.indexOf(name)
  return index === -1 ? undefined : process.argv[index + 1]
}

const THEME = option('--theme') === 'dark' ? 'dark' : 'light'
const OUT_DIR = option('--out') ?? join(ROOT, 'docs/screenshots')
const MORE = process.argv.includes('--more')

interface Ready {
  api: string
  receiver: string
  token: string
}

function startHookbench(dataDir: string): Promise<{ child: ChildProcess; ready: Ready }> {
  const child = spawn(
    process.execPath,
    [CLI, 'serve', '--port', '0', '--api-port', '0', '--data-dir', dataDir],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  )
  let stderr = ''
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk
  })
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`hookbench serve was not ready in 15 s.\n${stderr}`)),
      15_000,
    )
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`hookbench serve exited (${code}) before it was ready.\n${stderr}`))
    })
    // Keeps reading stdout afterwards, so the child never blocks on a full pipe.
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).once('line', (line) => {
      clearTimeout(timer)
      const ready = JSON.parse(line) as Ready & { event: string }
      if (ready.event !== 'listening') reject(new Error(`unexpected readiness line: ${line}`))
      else resolve({ child, ready })
    })
  })
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  // Drop the start-up listener (it would report this exit as a failed start).
  child.removeAllListeners('exit')
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
  await exited
  clearTimeout(timer)
}

function client(ready: Ready) {
  return async function api<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${ready.api}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${ready.token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
    const text = await response.text()
    if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${text}`)
    return (text ? JSON.parse(text) : undefined) as T
  }
}

interface EventTypes {
  profiles: Array<{ id: string; event_types: Array<{ topic: string; example: unknown }> }>
}

/** A bin, an auth config, two subscriptions and a handful of delivered events. Returns a message_id to open. */
async function seed(ready: Ready): Promise<string> {
  const api = client(ready)
  await api('PATCH', '/api/settings', { theme: THEME })

  await api('POST', '/api/bins', {
    name: 'acme-users',
    description: 'Where the IAM server’s webhooks land while the integration is built',
    verify: { basic: { username: 'acme', password: 'correct-horse' } },
  })
  const binUrl = `${ready.receiver}/hooks/acme-users`

  const auth = await api<{ id: string }>('POST', '/api/auth-configs', {
    auth_type: 'BASIC_AUTH',
    key: 'acme',
    secret: 'correct-horse',
  })
  await api('POST', '/api/subscriptions', {
    name: 'IAM users → acme',
    description: 'New and changed users of the acme realm',
    url: `${binUrl}/users`,
    profile: 'iam',
    topics: ['user.created', 'user.updated'],
    auth_config_id: auth.id,
    signing: {},
  })
  await api('POST', '/api/subscriptions', {
    name: 'Role changes (Standard Webhooks)',
    url: `${binUrl}/roles`,
    profile: 'standard',
    topics: ['user.role.assigned', 'user.deleted'],
    auth_config_id: auth.id,
    signing: {},
  })

  const { profiles } = await api<EventTypes>('GET', '/api/event-types?profile=iam')
  const example = (topic: string) => profiles[0]?.event_types.find((type) => type.topic === topic)?.example
  const sent: string[] = []
  for (const topic of [
    'user.created',
    'user.role.assigned',
    'user.updated',
    'user.created',
    'user.deleted',
  ]) {
    const result = await api<{ messages: Array<{ message_id: string }> }>('POST', '/api/events', {
      topic,
      data: example(topic) ?? {},
    })
    sent.push(...result.messages.map((message) => message.message_id))
  }
  if (sent.length === 0) throw new Error('no event matched a subscription')

  // Wait until every message has an outcome, so the pages show delivered rows, not pending ones.
  const deadline = Date.now() + 15_000
  for (;;) {
    const { items } = await api<{ items: Array<{ message_id?: string; id?: string; status: string }> }>(
      'GET',
      '/api/messages?limit=100',
    )
    if (items.length >= sent.length && items.every((message) => message.status !== 'pending')) break
    if (Date.now() > deadline) throw new Error(`messages still pending: ${JSON.stringify(items)}`)
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  // Replay the first one by its message_id, so its detail shows two attempts.
  const first = sent[0] as string
  await api('POST', `/api/messages/${first}/replay`, { mode: 'same-id' })
  await new Promise((resolve) => setTimeout(resolve, 500))
  return first
}

/** A bin that verifies Standard Webhooks signatures, and a finished check run against it. */
async function checkRunOfVerifiedBin(ready: Ready): Promise<string> {
  const api = client(ready)
  const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'
  await api('POST', '/api/bins', {
    name: 'acme-orders',
    verify: { enforce: true, standard_webhooks: { secret } },
  })
  const { check_run_id: id } = await api<{ check_run_id: string }>('POST', '/api/checks', {
    url: `${ready.receiver}/hooks/acme-orders/`,
    profile: 'standard',
    secret,
  })
  const deadline = Date.now() + 15_000
  while ((await api<{ status: string }>('GET', `/api/checks/${id}`)).status === 'running') {
    if (Date.now() > deadline) throw new Error(`check run ${id} still running`)
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  return id
}

async function shoot(page: Page, name: string): Promise<void> {
  // Let streamed updates and the dashboard settle; no caret or hover in the picture.
  await page.mouse.move(0, VIEWPORT.height - 1)
  await page.waitForTimeout(400)
  const path = join(OUT_DIR, `${name}.png`)
  await page.screenshot({ path, animations: 'disabled', caret: 'hide' })
  console.log(`wrote ${path}`)
}

async function heading(page: Page, name: string) {
  await page.getByRole('heading', { level: 1, name }).waitFor()
}

/** Views the README does not show, so a change to the styles can be checked on them too. */
async function shootMore(page: Page, ready: Ready): Promise<void> {
  const body = page.locator('.page-body')
  for (const [step, fraction] of [0.5, 1].entries()) {
    await body.evaluate((element, share) => {
      element.scrollTop = (element.scrollHeight - element.clientHeight) * share
    }, fraction)
    await shoot(page, `settings-${step + 2}`)
  }

  await page.goto(`${ready.api}/#/auth-configs`)
  await heading(page, 'Auth configs')
  await page.getByRole('table', { name: 'Auth configs' }).waitFor()
  await shoot(page, 'auth-configs')
  await page.getByRole('table', { name: 'Auth configs' }).getByText('acme', { exact: true }).click()
  await page.getByTestId('auth-secret').waitFor()
  await shoot(page, 'auth-configs-editor')

  await page.goto(`${ready.api}/#/subscriptions`)
  await heading(page, 'Subscriptions')
  await page.getByRole('button', { name: 'New subscription' }).click()
  await page.getByRole('button', { name: 'Close editor' }).waitFor()
  await shoot(page, 'subscriptions-new')
  await page.locator('section[aria-labelledby="section-delivery"]').scrollIntoViewIfNeeded()
  await shoot(page, 'subscriptions-new-2')

  await page.goto(`${ready.api}/#/inbox`)
  await heading(page, 'Inbox')
  await page.getByRole('button', { name: 'New bin' }).click()
  await page.getByRole('radio', { name: 'Scripted sequence' }).check({ force: true })
  await page.getByRole('button', { name: 'Add step' }).click()
  await page.getByRole('checkbox', { name: 'Bearer token' }).check()
  await shoot(page, 'inbox-bin-editor')

  await page.goto(`${ready.api}/#/events`)
  await heading(page, 'Events')
  await shoot(page, 'events-empty')
  await page.keyboard.press('Control+K')
  await page.getByRole('dialog').waitFor()
  await shoot(page, 'palette')
  await page.keyboard.press('Escape')

  await page.goto(`${ready.api}/#/messages`)
  await heading(page, 'Messages')
  await page.getByRole('table').first().waitFor()
  await shoot(page, 'messages-list')
}

async function main(): Promise<void> {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first.`)
  mkdirSync(OUT_DIR, { recursive: true })
  const dataDir = mkdtempSync(join(tmpdir(), 'hookbench-screenshots-'))
  const { child, ready } = await startHookbench(dataDir)
  const browser = await chromium.launch(chromiumLaunchOptions())
  try {
    const messageId = await seed(ready)
    const context = await browser.newContext({
      viewport: VIEWPORT,
      colorScheme: THEME,
      deviceScaleFactor: 1,
    })
    const page = await context.newPage()

    await page.goto(`${ready.api}/#/events`)
    await heading(page, 'Events')
    await page.getByRole('button', { name: 'user.created', exact: true }).click()
    await page.getByText('Valid JSON').waitFor()
    // The click scrolled the topic list just far enough, cutting a topic in half at its top:
    // start it at the IAM server's group instead.
    await page
      .getByRole('region', { name: 'IAM server', exact: true })
      .evaluate((group) => group.scrollIntoView({ block: 'start' }))
    await shoot(page, 'events')

    await page.goto(`${ready.api}/#/subscriptions`)
    await heading(page, 'Subscriptions')
    await page
      .getByRole('table', { name: 'Subscriptions' })
      .getByRole('button', { name: 'IAM users → acme' })
      .click()
    await page.getByTestId('url-preview').waitFor()
    await shoot(page, 'subscriptions')

    await page.goto(`${ready.api}/#/messages/${messageId}`)
    await heading(page, 'Messages')
    await page.getByRole('complementary', { name: 'Message' }).getByRole('tab').nth(1).waitFor()
    await shoot(page, 'messages')

    await page.goto(`${ready.api}/#/inbox`)
    await heading(page, 'Inbox')
    await page
      .getByRole('navigation', { name: 'Bins' })
      .getByRole('button', { name: /acme-users/ })
      .click()
    const rows = page.getByRole('region', { name: 'Captured requests' }).locator('button[data-request-id]')
    await rows.first().waitFor()
    await rows.first().click()
    await page.getByRole('table', { name: 'Request headers', exact: true }).waitFor()
    await shoot(page, 'inbox')

    const checkRunId = await checkRunOfVerifiedBin(ready)
    await page.goto(`${ready.api}/#/checks/${checkRunId}`)
    await heading(page, 'Check an endpoint')
    await page.getByTestId('check-rejects-tampered-body').getByRole('button').first().click()
    await page.getByRole('button', { name: 'Copy as curl' }).first().waitFor()
    await shoot(page, 'checks')

    await page.goto(`${ready.api}/#/settings`)
    await heading(page, 'Settings')
    await shoot(page, 'settings')
    if (MORE) await shootMore(page, ready)
    await context.close()
  } finally {
    await browser.close()
    await stop(child)
    rmSync(dataDir, { recursive: true, force: true })
  }
}

await main()
