/**
 * `npm start`: the desktop app, built and run by electron-vite. Electron's own binary is fetched by
 * the `electron` package's install script from GitHub; where that download was blocked or skipped,
 * electron-vite would only say "Electron uninstall". Say what is missing and what to do instead.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

const electronDir = join(import.meta.dirname, '..', 'node_modules', 'electron')

/** The binary electron-vite will run, or null when the electron package never downloaded it. */
function electronBinary(): string | null {
  if (process.env.ELECTRON_EXEC_PATH) return process.env.ELECTRON_EXEC_PATH
  const pathFile = join(electronDir, 'path.txt')
  if (!existsSync(pathFile)) return null
  const binary = join(electronDir, 'dist', readFileSync(pathFile, 'utf8'))
  return existsSync(binary) ? binary : null
}

if (electronBinary() === null) {
  process.stderr.write(
    [
      `hookbench: Electron's binary is not installed (${join('node_modules', 'electron', 'dist')} is missing: its download from GitHub was blocked or skipped).`,
      'Install it with `node node_modules/electron/install.js` on a network that reaches github.com, then `npm start` again;',
      'or run `npm run serve` for the same app in your browser, which needs no Electron.',
      '',
    ].join('\n'),
  )
  process.exit(1)
}

const result = spawnSync('npx', ['electron-vite', 'preview', ...process.argv.slice(2)], {
  stdio: 'inherit',
  shell: process.platform === 'win32',
})
process.exit(result.status ?? 1)
