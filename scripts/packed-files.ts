/**
 * What electron-builder would put in app.asar, worked out without packaging: the `files` globs of
 * electron-builder.yml resolved over the project (with the exclusions electron-builder adds itself),
 * plus the production dependency tree from package-lock.json.
 *
 *   node scripts/packed-files.ts                     print the list
 *   node scripts/packed-files.ts --asar <file>       compare it with an app.asar electron-builder made
 *                                                    (the release workflow does this after `npm run dist`)
 *   node scripts/packed-files.ts --electron-builder  run electron-builder itself (Linux "dir" target,
 *                                                    with a stand-in for the Electron binary, which
 *                                                    cannot be downloaded everywhere) and compare its
 *                                                    app.asar; needs a build (`npm run dist:check`)
 *
 * test/unit/packaging.test.ts checks the list; the `--asar` comparison keeps this model honest
 * against electron-builder's real output wherever an Electron binary is available.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { compareWithAsar, type PackedList } from './packing/asar.ts'
import {
  appFilePatterns,
  builderRequire,
  createAppFileFilter,
  listAppFiles,
  PROJECT_ROOT,
  readBuilderConfig,
} from './packing/builder.ts'
import { productionPackages, readPackageLock } from './packing/lockfile.ts'

/** The app files and packages electron-builder would pack for the project at `root`. */
export async function packedList(root = PROJECT_ROOT): Promise<PackedList> {
  const config = await readBuilderConfig(root)
  return {
    appFiles: listAppFiles(root, createAppFileFilter(appFilePatterns(config))),
    packages: productionPackages(readPackageLock(root)),
  }
}

/**
 * Packs the current build with electron-builder into a temporary folder, using an empty stand-in
 * for the Electron binary (only the app.asar matters here), and returns the app.asar's path.
 */
function packWithElectronBuilder(work: string): string {
  if (!existsSync(join(PROJECT_ROOT, 'out', 'main', 'index.js'))) {
    throw new Error('out/ is missing: run `npm run build` first (or `npm run dist:check`).')
  }
  const standIn = join(work, 'electron')
  mkdirSync(standIn)
  writeFileSync(join(standIn, 'electron'), '')
  writeFileSync(join(standIn, 'LICENSE'), '')
  const electronVersion = (
    JSON.parse(readFileSync(createRequire(import.meta.url).resolve('electron/package.json'), 'utf8')) as {
      version: string
    }
  ).version
  const result = spawnSync(
    process.execPath,
    [
      builderRequire.resolve('./cli.js'),
      '--linux',
      'dir',
      '--publish',
      'never',
      `-c.electronDist=${standIn}`,
      `-c.electronVersion=${electronVersion}`,
      `-c.directories.output=${join(work, 'dist')}`,
    ],
    { cwd: PROJECT_ROOT, stdio: ['ignore', 'inherit', 'inherit'] },
  )
  if (result.status !== 0) throw new Error(`electron-builder failed (exit ${result.status ?? result.signal})`)
  return join(work, 'dist', 'linux-unpacked', 'resources', 'app.asar')
}

function report(list: PackedList, archive: string): number {
  const problems = compareWithAsar(list, archive)
  for (const problem of problems) console.error(problem)
  console.log(
    problems.length === 0
      ? `${archive}: matches (${list.appFiles.length} app files, ${list.packages.length} packages)`
      : `${archive}: ${problems.length} difference(s)`,
  )
  return problems.length === 0 ? 0 : 1
}

async function main(argv: string[]): Promise<number> {
  const list = await packedList()
  if (argv.includes('--electron-builder')) {
    const work = mkdtempSync(join(tmpdir(), 'hookbench-pack-'))
    try {
      return report(list, packWithElectronBuilder(work))
    } finally {
      rmSync(work, { recursive: true, force: true })
    }
  }
  const asarIndex = argv.indexOf('--asar')
  if (asarIndex === -1) {
    for (const file of list.appFiles) console.log(file)
    for (const pkg of list.packages)
      console.log(`${pkg.path}  ${pkg.version}${pkg.optional ? ' (optional)' : ''}`)
    return 0
  }
  const archive = argv[asarIndex + 1]
  if (!archive) throw new Error('--asar needs the path of an app.asar')
  return report(list, archive)
}

if (import.meta.main) process.exitCode = await main(process.argv.slice(2))
