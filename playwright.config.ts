import { existsSync } from 'node:fs'
import { chromium, defineConfig, devices, type LaunchOptions } from '@playwright/test'

/** Debian's Chromium as root in a closed network: no sandbox, and no phoning home. */
const SYSTEM_CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]
const DEBIAN_CHROMIUM = '/usr/bin/chromium'

/**
 * Which browser, without anyone editing this file: HOOKBENCH_CHROMIUM if set, else Playwright's
 * own Chromium if it is installed, else Debian's (this machine and CI cannot download browsers).
 */
function chromiumLaunchOptions(): LaunchOptions {
  const override = process.env.HOOKBENCH_CHROMIUM
  if (override) return { executablePath: override, args: SYSTEM_CHROMIUM_ARGS }
  if (playwrightChromiumInstalled()) return {}
  if (existsSync(DEBIAN_CHROMIUM)) return { executablePath: DEBIAN_CHROMIUM, args: SYSTEM_CHROMIUM_ARGS }
  return {}
}

function playwrightChromiumInstalled(): boolean {
  try {
    return existsSync(chromium.executablePath())
  } catch {
    return false
  }
}

export default defineConfig({
  testDir: 'test/e2e',
  // Every test starts its own `hookbench serve`; one at a time keeps the 2-core machine calm.
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: 'list',
  timeout: 30_000,
  expect: { timeout: 5_000 },
  use: {
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: { ...devices['Desktop Chrome'], launchOptions: chromiumLaunchOptions() },
    },
  ],
})
