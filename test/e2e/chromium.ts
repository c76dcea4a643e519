import { existsSync } from 'node:fs'
import { chromium, type LaunchOptions } from '@playwright/test'

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
 * Which browser, without anyone editing a file: HOOKBENCH_CHROMIUM if set, else Playwright's own
 * Chromium if it is installed, else Debian's (machines that cannot download browsers). Used by
 * playwright.config.ts and scripts/screenshots.ts.
 */
export function chromiumLaunchOptions(): LaunchOptions {
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
