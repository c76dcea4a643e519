import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    // Integration tests start real servers and child processes on loopback.
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
})
