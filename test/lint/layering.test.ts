import { spawnSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

/**
 * The layering (docs/architecture.md) is enforced by biome.jsonc and lint/*.grit. This test runs the real
 * configuration over a small fake tree that breaks each rule once, plus files that must stay clean.
 */
const fixtures: Record<string, string> = {
  'src/core/imports-electron.ts': "import { app } from 'electron'\nexport const a = app\n",
  'src/server/imports-electron.ts':
    "import { BrowserWindow } from 'electron'\nexport const b = BrowserWindow\n",
  'src/cli/imports-renderer.ts': "import { x } from '../renderer/src/x.ts'\nexport const c = x\n",
  'src/shared/imports-node.ts': "import { join } from 'node:path'\nexport const d = join\n",
  'src/renderer/src/imports-node.ts':
    "import { readFileSync } from 'node:fs'\nexport const e = readFileSync\n",
  'src/renderer/src/imports-main.ts':
    "import { openCore } from '../../core/index.ts'\nexport const f = openCore\n",
  'src/renderer/src/imports-electron.ts':
    "import { ipcRenderer } from 'electron'\nexport const g = ipcRenderer\n",
  'src/preload/imports-shared-value.ts':
    "import { contract } from '../shared/contract/index.ts'\nexport const h = contract\n",
  'src/main/app/uses-raw-ipc.ts': "import { ipcMain } from 'electron'\nexport const i = ipcMain\n",
  'src/server/imports-core-internals.ts':
    "import { invokeOperation } from '../core/invoke.ts'\nexport const o = invokeOperation\n",
  'src/main/app/imports-core-internals.ts':
    "import { StoreError } from '../../core/store/store-error.ts'\nexport const p = StoreError\n",
  'src/core/imports-server.ts': "import { startHost } from '../server/host.ts'\nexport const q = startHost\n",
  'src/renderer/src/features/inbox/imports-messages.ts':
    "import { x } from '../messages/x.ts'\nexport const s = x\n",
  'src/renderer/src/features/subscriptions/editor/imports-inbox.ts':
    "import { x } from '../../inbox/x.ts'\nexport const t = x\n",
  'src/core/cycle-a.ts': "import { b } from './cycle-b.ts'\nexport const a = () => b\n",
  'src/core/cycle-b.ts': "import { a } from './cycle-a.ts'\nexport const b = () => a\n",
  // Allowed: these must produce no diagnostic.
  'src/preload/clean.ts':
    "import { contextBridge } from 'electron'\nimport type { Api } from '../shared/contract/index.ts'\nexport const j: Partial<Api> = {}\nexport const k = contextBridge\n",
  'src/core/clean.ts': "import { join } from 'node:path'\nexport const l = join\n",
  'src/main/app/clean.ts': "import { BrowserWindow } from 'electron'\nexport const m = BrowserWindow\n",
  'src/main/ipc/clean.ts': "import { ipcMain } from 'electron'\nexport const n = ipcMain\n",
}

function lint(root: string): Array<{ path: string; category: string }> {
  const biome = createRequire(import.meta.url).resolve('@biomejs/biome/bin/biome')
  const result = spawnSync(process.execPath, [biome, 'lint', '--vcs-enabled=false', '--reporter=json', '.'], {
    cwd: root,
    encoding: 'utf8',
  })
  const line = result.stdout.split('\n').find((l) => l.startsWith('{'))
  if (!line) throw new Error(`biome printed no report:\n${result.stdout}\n${result.stderr}`)
  const report = JSON.parse(line) as { diagnostics: Array<{ category: string; location: { path: string } }> }
  return report.diagnostics
    .filter((d) => d.location.path.startsWith('src/'))
    .map((d) => ({ path: d.location.path, category: d.category }))
}

describe('layering rules (biome.jsonc + lint/*.grit)', () => {
  const root = mkdtempSync(join(tmpdir(), 'hookbench-lint-'))
  afterAll(() => rmSync(root, { recursive: true, force: true }))
  cpSync('biome.jsonc', join(root, 'biome.jsonc'))
  cpSync('lint', join(root, 'lint'), { recursive: true })
  for (const [path, source] of Object.entries(fixtures)) {
    mkdirSync(dirname(join(root, path)), { recursive: true })
    writeFileSync(join(root, path), source)
  }
  const diagnostics = lint(root)
  const categoriesOf = (path: string) => diagnostics.filter((d) => d.path === path).map((d) => d.category)

  it.each([
    ['src/core/imports-electron.ts', 'lint/style/noRestrictedImports'],
    ['src/server/imports-electron.ts', 'lint/style/noRestrictedImports'],
    ['src/cli/imports-renderer.ts', 'lint/style/noRestrictedImports'],
    ['src/shared/imports-node.ts', 'lint/correctness/noNodejsModules'],
    ['src/renderer/src/imports-node.ts', 'lint/correctness/noNodejsModules'],
    ['src/renderer/src/imports-main.ts', 'lint/style/noRestrictedImports'],
    ['src/renderer/src/imports-electron.ts', 'lint/style/noRestrictedImports'],
    ['src/preload/imports-shared-value.ts', 'plugin'],
    ['src/main/app/uses-raw-ipc.ts', 'plugin'],
    ['src/server/imports-core-internals.ts', 'plugin'],
    ['src/main/app/imports-core-internals.ts', 'plugin'],
    ['src/core/imports-server.ts', 'lint/style/noRestrictedImports'],
    ['src/core/cycle-a.ts', 'lint/suspicious/noImportCycles'],
    ['src/renderer/src/features/inbox/imports-messages.ts', 'lint/style/noRestrictedImports'],
    ['src/renderer/src/features/subscriptions/editor/imports-inbox.ts', 'lint/style/noRestrictedImports'],
  ])('%s breaks the layering (%s)', (path, category) => {
    expect(categoriesOf(path)).toContain(category)
  })

  it.each([
    'src/preload/clean.ts',
    'src/core/clean.ts',
    'src/main/app/clean.ts',
    'src/main/ipc/clean.ts',
    'src/server/clean.ts',
    'src/renderer/src/features/inbox/clean.ts',
  ])('%s is allowed', (path) => {
    expect(categoriesOf(path)).toEqual([])
  })
})
