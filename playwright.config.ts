import { defineConfig, devices } from '@playwright/test'
import { chromiumLaunchOptions } from './test/e2e/chromium.ts'

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
