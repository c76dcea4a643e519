// The Messages page with 100,000 messages in the store (issue 6): time until the first rows show,
// and how long a status filter takes to update the table, in real Chromium against
// `hookbench serve`. Baseline in the same run: the same page with 100 messages. Needs
// `npm run build` first (the CLI and the web UI are served from out/).
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { chromium } from '@playwright/test'
import { chromiumLaunchOptions } from '../test/e2e/chromium.ts'
import { report } from './report.ts'

const CLI = join(import.meta.dirname, '../out/main/cli.js')
if (!existsSync(CLI)) {
  console.error('[messages-ui bench] out/main/cli.js is missing: run `npm run build` first.')
  process.exit(0)
}

interface Ready {
  api: string
  token: string
}

/** Seeds `count` delivered/failed messages through the import API (the fastest honest way in). */
async function seed(ready: Ready, count: number) {
  const created = Date.parse('2026-11-24T00:00:00.000Z')
  const messages = Array.from({ length: count }, (_, n) => {
    const at = new Date(created + n * 1000).toISOString()
    const id = `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`
    return {
      id,
      at: created + n * 1000,
      value: {
        message_id: id,
        event_id: `e-${n}`,
        subscription_id: n % 2 === 0 ? 's-even' : 's-odd',
        profile: 'standard',
        topic: n % 3 === 0 ? 'user.created' : 'user.updated',
        url: 'http://127.0.0.1:9/hook',
        url_override: null,
        body: '{}',
        status: n % 10 === 0 ? 'exhausted' : 'delivered',
        status_reason: null,
        attempt_ids: [],
        cycle_offset: 0,
        next_attempt_at: null,
        last_status_code: n % 10 === 0 ? 500 : 200,
        last_latency_ms: 12,
        created_at: at,
        updated_at: at,
        replay_of: null,
      },
    }
  })
  const response = await fetch(`${ready.api}/api/import`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ready.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      format: 'hookbench-workspace',
      version: 1,
      exported_at: new Date().toISOString(),
      includes: { history: true, secrets: false },
      config: { schema_version: 1 },
      history: { messages },
    }),
  })
  if (!response.ok) throw new Error(`import failed: ${response.status} ${await response.text()}`)
}

async function measure(count: number): Promise<{ openMs: number; filterMs: number }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hookbench-bench-ui-'))
  const child = spawn(
    process.execPath,
    [CLI, 'serve', '--port', '0', '--api-port', '0', '--data-dir', dataDir],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  )
  const lines = createInterface({ input: child.stdout })
  const ready = await new Promise<Ready>((resolve) =>
    lines.once('line', (line) => resolve(JSON.parse(line) as Ready)),
  )
  await seed(ready, count)
  const browser = await chromium.launch(chromiumLaunchOptions())
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
    await page.goto(`${ready.api}/#/events`)
    await page.getByRole('heading', { level: 1 }).first().waitFor()
    let started = performance.now()
    await page.goto(`${ready.api}/#/messages`)
    await page.locator('table[aria-label="Messages"] tbody tr').first().waitFor()
    const openMs = performance.now() - started
    started = performance.now()
    await page.locator('select.toolbar-select').first().selectOption('exhausted')
    // Every listed row is exhausted: the filter has been applied to what is on screen.
    await page.waitForFunction(() => {
      const table = (
        globalThis as { document?: { querySelector(s: string): { textContent: string | null } | null } }
      ).document?.querySelector('table[aria-label="Messages"] tbody')
      return table !== null && table !== undefined && !table.textContent?.includes('Delivered')
    })
    const filterMs = performance.now() - started
    return { openMs, filterMs }
  } finally {
    await browser.close()
    child.kill('SIGTERM')
    await new Promise((resolve) => child.once('exit', resolve))
    rmSync(dataDir, { recursive: true, force: true })
  }
}

const small = await measure(100)
const large = await measure(100_000)
report({
  name: 'Messages page with 100,000 messages: open until rows show',
  unit: 'ms',
  value: large.openMs,
  baseline: { name: 'the same with 100 messages', value: small.openMs },
  target: 'under 1,000 ms',
})
report({
  name: 'Messages page with 100,000 messages: status filter until the table updates',
  unit: 'ms',
  value: large.filterMs,
  baseline: { name: 'the same with 100 messages', value: small.filterMs },
  target: 'under 150 ms',
})
