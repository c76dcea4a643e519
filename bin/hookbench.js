#!/usr/bin/env node
// The `hookbench` command: runs the built CLI (npm run build writes out/main/cli.js).
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const cli = new URL('../out/main/cli.js', import.meta.url)
if (!existsSync(fileURLToPath(cli))) {
  console.error('hookbench: not built yet. Run `npm run build` in the Hookbench folder first.')
  process.exit(1)
}
await import(cli.href)
