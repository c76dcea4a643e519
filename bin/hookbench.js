#!/usr/bin/env node
// The `hookbench` command: runs the built CLI (npm run build writes out/main/cli.js).
// Plain JavaScript that old Node versions still parse, so they get a sentence rather than a crash
// deep inside a dependency: check the version before importing anything of ours.
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const REQUIRED = [22, 12]
const running = process.versions.node
const [major, minor] = running.split('.').map(Number)
if (major < REQUIRED[0] || (major === REQUIRED[0] && minor < REQUIRED[1])) {
  console.error(`Hookbench needs Node.js ${REQUIRED.join('.')} or newer (this is ${running}).`)
  process.exit(1)
}

const cli = new URL('../out/main/cli.js', import.meta.url)
if (!existsSync(fileURLToPath(cli))) {
  console.error('hookbench: not built yet. Run `npm run build` in the Hookbench folder first.')
  process.exit(1)
}
await import(cli.href)
