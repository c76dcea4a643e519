import { existsSync, readFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'

/**
 * The same folder Electron uses as the desktop app's `userData`, so the desktop app and
 * `hookbench serve` open the same workspace.
 */
export function defaultDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Hookbench')
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Hookbench')
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), 'Hookbench')
}

/** src/cli/*.ts and the built out/main/cli.js sit at the same depth below the package root. */
const packageRoot = join(import.meta.dirname, '..', '..')

export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version?: string }
  return pkg.version ?? '0.0.0'
}

/** The built web UI, or null when only the API can be served (nothing built yet). */
export function builtRendererDir(): string | null {
  const dir = join(packageRoot, 'out', 'renderer')
  return existsSync(join(dir, 'index.html')) ? dir : null
}
