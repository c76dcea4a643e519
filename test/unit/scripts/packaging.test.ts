import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import viteConfig from '../../../electron.vite.config.ts'
import { compareWithAsar } from '../../../scripts/packing/asar.ts'
import {
  appFilePatterns,
  type BuilderConfig,
  createAppFileFilter,
  listAppFiles,
  PROJECT_ROOT,
  readBuilderConfig,
  validateBuilderConfig,
} from '../../../scripts/packing/builder.ts'
import { globToRegExp } from '../../../scripts/packing/glob.ts'
import { type PackageLock, productionPackages, readPackageLock } from '../../../scripts/packing/lockfile.ts'
import { parsePlist } from '../../helpers/plist.ts'
import { tempDirsPerTest } from '../../helpers/temp-dir.ts'

const root = PROJECT_ROOT
const tempDir = tempDirsPerTest()
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  main: string
  homepage?: string
  desktopName?: string
  author?: unknown
  description?: string
  scripts: Record<string, string>
  dependencies: Record<string, string>
  devDependencies: Record<string, string>
}
const config = await readBuilderConfig(root)
const lock = readPackageLock(root)
const packages = productionPackages(lock)
const packedNames = packages.map((entry) => entry.name)
const isPackedAppFile = createAppFileFilter(appFilePatterns(config))
/** Modules electron-builder brings along (its YAML parser, @electron/asar), resolved through it. */
const requireFromBuilder = createRequire(
  createRequire(createRequire(import.meta.url).resolve('electron-builder/package.json')).resolve(
    'app-builder-lib/package.json',
  ),
)

type TargetList = Array<{ target: string; arch: string[] }>
/** `{ nsis: ['arm64', 'x64'] }` from a platform's `target` list. */
function targets(platform: unknown): Record<string, string[]> {
  const list = (platform as { target: TargetList }).target
  return Object.fromEntries(list.map(({ target, arch }) => [target, [...arch].sort()]))
}
const section = (name: string) => config[name] as Record<string, unknown>

describe('electron-builder configuration', () => {
  it("is accepted by electron-builder's own schema", async () => {
    await expect(validateBuilderConfig(config)).resolves.toBeUndefined()
  })

  it('would catch a misspelt option (the schema check is not a rubber stamp)', async () => {
    const broken: BuilderConfig = { ...config, mac: { ...section('mac'), hardenedRuntme: true } }
    await expect(validateBuilderConfig(broken)).rejects.toThrow(
      /Invalid configuration object[\s\S]*configuration\.mac/,
    )
  })

  it('names the app and packs it into an asar', () => {
    expect(config).toMatchObject({
      appId: 'dev.hookbench.app',
      productName: 'Hookbench',
      asar: true,
      directories: { buildResources: 'resources', output: 'dist' },
      publish: null,
    })
    expect(config.extraResources).toBeUndefined()
    expect(config.extraFiles).toBeUndefined()
  })

  it('builds an NSIS installer for Windows x64 and arm64 that can install per user', () => {
    expect(targets(config.win)).toEqual({ nsis: ['arm64', 'x64'] })
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false, buildUniversalInstaller: false })
  })

  it('builds dmg and zip for macOS x64 and arm64, hardened and with entitlements for notarisation', () => {
    expect(targets(config.mac)).toEqual({ dmg: ['arm64', 'x64'], zip: ['arm64', 'x64'] })
    const mac = section('mac')
    expect(mac).toMatchObject({
      hardenedRuntime: true,
      entitlements: 'resources/entitlements.mac.plist',
      entitlementsInherit: 'resources/entitlements.mac.plist',
    })
    // Notarisation switches on from APPLE_* variables on the release runner; never forced off here.
    expect(mac.notarize).toBeUndefined()
  })

  it('builds AppImage and deb for Linux with the metadata a deb needs', () => {
    expect(targets(config.linux)).toEqual({ AppImage: ['x64'], deb: ['x64'] })
    const linux = section('linux')
    expect(linux.category).toBe('Development')
    expect(linux.maintainer).toMatch(/^[^<>]+ <[^@\s<>]+@[^@\s<>]+\.[a-z]+>$/)
    expect(linux.synopsis).toEqual(expect.any(String))
    expect(String(linux.description).length).toBeGreaterThan(40)
    // electron-builder refuses to build a deb without a homepage (package.json or repository).
    expect(pkg.homepage).toMatch(/^https:\/\//)
    // Electron uses desktopName as the app id on Linux, and for the hookbench: handler.
    expect(pkg.desktopName).toBe('hookbench.desktop')
    expect(linux.executableName).toBe('hookbench')
  })

  it('makes the deb depend on the libraries Electron loads', () => {
    const depends = section('deb').depends as string[]
    for (const library of [
      'libgtk-3-0',
      'libnss3',
      'libnotify4',
      'libxss1',
      'libxtst6',
      'xdg-utils',
      'libatspi2.0-0',
    ]) {
      expect(depends).toContain(library)
    }
    expect(depends).toEqual(expect.arrayContaining(['libgbm1', 'libasound2', 'libsecret-1-0', 'libuuid1']))
  })

  it('registers the hookbench: scheme for deep links', () => {
    expect(config.protocols).toEqual([expect.objectContaining({ schemes: ['hookbench'] })])
  })

  it('points at icon files that exist', () => {
    expect(section('win').icon).toBe('resources/icon.ico')
    expect(section('mac').icon).toBe('resources/icon.icns')
    expect(section('linux').icon).toBe('resources/icons')
    for (const path of [
      'resources/icon.ico',
      'resources/icon.icns',
      'resources/icon.png',
      'resources/icons',
    ]) {
      expect(existsSync(join(root, path)), path).toBe(true)
    }
  })

  it.each([
    ['dist', ''],
    ['dist:win', ' --win'],
    ['dist:mac', ' --mac'],
    ['dist:linux', ' --linux'],
  ])('npm run %s builds with electron-vite first, then packages without publishing', (script, flag) => {
    expect(pkg.scripts[script]).toBe(`electron-vite build && electron-builder${flag} --publish never`)
  })
})

describe('glob semantics of the files patterns', () => {
  it.each([
    ['out/**', 'out/main/index.js', true],
    ['out/**', 'out/.vite/manifest.json', true],
    ['out/**', 'outside/index.js', false],
    ['**/*.map', 'out/main/index.js.map', true],
    ['**/*.map', 'out/main/index.js', false],
    ['dist{,/**/*}', 'dist', true],
    ['dist{,/**/*}', 'dist/linux-unpacked/hookbench', true],
    ['dist{,/**/*}', 'distribution.txt', false],
    ['**/node_modules/**', 'node_modules/electron/index.js', true],
    ['**/{.git,.DS_Store}', 'out/.DS_Store', true],
    ['package.json', 'src/package.json', false],
    ['a/**/b', 'a/b', true],
    ['a/?.js', 'a/bc.js', false],
  ])('%s matches %s: %s', (glob, path, matches) => {
    expect(globToRegExp(glob).test(path)).toBe(matches)
  })
})

describe('the packed file list', () => {
  /** Where electron-vite writes each entry, read from electron.vite.config.ts itself. */
  function builtEntryPaths(): string[] {
    const main = viteConfig.main?.build?.rolldownOptions?.input as Record<string, string>
    const preloadOutput = viteConfig.preload?.build?.rolldownOptions?.output as { entryFileNames: string }
    const rendererInput = viteConfig.renderer?.build?.rolldownOptions?.input as string
    return [
      ...Object.keys(main).map((name) => `out/main/${name}.js`),
      `out/preload/${preloadOutput.entryFileNames.replace('[name]', 'index')}`,
      `out/renderer/${rendererInput.split(/[/\\]/).at(-1)}`,
    ]
  }

  it('includes every entry electron-vite builds, and package.json points at the main one', () => {
    const entries = builtEntryPaths()
    expect(entries).toEqual([
      'out/main/index.js',
      'out/main/cli.js',
      'out/preload/index.cjs',
      'out/renderer/index.html',
    ])
    for (const path of entries) expect(isPackedAppFile(path), path).toBe(true)
    expect(isPackedAppFile(pkg.main)).toBe(true)
    expect(isPackedAppFile('package.json')).toBe(true)
    expect(isPackedAppFile('out/renderer/assets/index-a1b2c3.js')).toBe(true)
  })

  it.each([
    'src/main/index.ts',
    'src/renderer/index.html',
    'test/unit/packaging.test.ts',
    'bench/run.ts',
    'scripts/make-icons.ts',
    'resources/icon.png',
    'resources/entitlements.mac.plist',
    'lint/preload-imports.grit',
    'bin/hookbench.js',
    'out/main/index.js.map',
    'out/renderer/assets/index.js.map',
    'electron-builder.yml',
    'electron.vite.config.ts',
    'package-lock.json',
    'tsconfig.json',
    'README.md',
    '.github/workflows/release.yml',
    '.ci/run',
    'dist/linux-unpacked/resources/app.asar',
    'node_modules/electron/index.js',
    'node_modules/.bin/vite',
  ])('leaves out %s', (path) => {
    expect(isPackedAppFile(path)).toBe(false)
  })

  it('finds only package.json and build output in this checkout, built or not', () => {
    const files = listAppFiles(root, isPackedAppFile)
    expect(files).toContain('package.json')
    for (const file of files) expect(file === 'package.json' || file.startsWith('out/'), file).toBe(true)
    if (existsSync(join(root, 'out/main/index.js'))) {
      expect(files).toEqual(expect.arrayContaining(['out/main/index.js', 'out/preload/index.cjs']))
    }
  })

  it('packs every production dependency', () => {
    expect(Object.keys(lock.packages['']?.dependencies ?? {}).sort()).toEqual(
      Object.keys(pkg.dependencies).sort(),
    )
    for (const name of Object.keys(pkg.dependencies)) expect(packedNames).toContain(name)
    // …and what they need: lowdb writes through steno.
    expect(packedNames).toContain('steno')
  })

  it('packs no devDependency that no production dependency needs', () => {
    for (const name of Object.keys(pkg.devDependencies)) expect(packedNames, name).not.toContain(name)
    for (const tool of [
      'electron',
      'vite',
      'vitest',
      'playwright',
      'typescript',
      '@biomejs/biome',
      'node',
      'rolldown',
    ]) {
      expect(packedNames, tool).not.toContain(tool)
    }
  })

  it('agrees with npm: everything packed is a production package, and every production package is packed', () => {
    const npmProduction = Object.entries(lock.packages)
      .filter(([path, entry]) => path !== '' && !entry.dev && !entry.devOptional && !entry.optional)
      .map(([path]) => path)
    expect(packages.map((entry) => entry.path)).toEqual(npmProduction.sort())
    for (const entry of packages) expect(lock.packages[entry.path]?.dev, entry.path).toBeFalsy()
  })

  it("follows npm's nesting, optional dependencies and peers when walking the tree", () => {
    const synthetic: PackageLock = {
      lockfileVersion: 3,
      packages: {
        '': { dependencies: { a: '1', b: '1' }, devDependencies: { tool: '1' } } as never,
        'node_modules/a': {
          version: '1.0.0',
          dependencies: { shared: '2' },
          optionalDependencies: { fsevents: '1' },
        },
        'node_modules/a/node_modules/shared': { version: '2.0.0' },
        'node_modules/b': {
          version: '1.0.0',
          dependencies: { shared: '1' },
          peerDependencies: { peer: '1', maybe: '1' },
          peerDependenciesMeta: { maybe: { optional: true } },
        },
        'node_modules/shared': { version: '1.0.0' },
        'node_modules/peer': { version: '1.0.0' },
        'node_modules/maybe': { version: '1.0.0' },
        'node_modules/tool': { version: '1.0.0', dev: true },
      },
    }
    expect(productionPackages(synthetic).map(({ path, optional }) => [path, optional])).toEqual([
      ['node_modules/a', false],
      ['node_modules/a/node_modules/shared', false],
      ['node_modules/b', false],
      ['node_modules/peer', false],
      ['node_modules/shared', false],
    ])
    const broken: PackageLock = {
      lockfileVersion: 3,
      packages: { '': { dependencies: { gone: '1' } } as never },
    }
    expect(() => productionPackages(broken)).toThrow(/gone/)
  })

  it('reports every difference from a real app.asar, such as a devDependency that got in', async () => {
    const app = tempDir()
    const write = (path: string, text: string) => {
      mkdirSync(join(app, path, '..'), { recursive: true })
      writeFileSync(join(app, path), text)
    }
    write('package.json', '{}')
    write('out/main/index.js', '')
    write('out/main/index.js.map', '')
    write('node_modules/zod/package.json', '{}')
    write('node_modules/electron/package.json', '{}')
    const asar = requireFromBuilder('@electron/asar') as {
      createPackage(src: string, dest: string): Promise<unknown>
    }
    const archive = join(tempDir(), 'app.asar')
    await asar.createPackage(app, archive)

    const expected = {
      appFiles: ['out/main/index.js', 'out/preload/index.cjs', 'package.json'],
      packages: [
        { name: 'zod', version: '4.0.0', path: 'node_modules/zod', optional: false },
        { name: 'lowdb', version: '7.0.0', path: 'node_modules/lowdb', optional: false },
        { name: 'fsevents', version: '2.0.0', path: 'node_modules/fsevents', optional: true },
      ],
    }
    expect(compareWithAsar(expected, archive).sort()).toEqual([
      'expected but not packed: out/preload/index.cjs',
      'package packed but not a production dependency: electron',
      'packed but not expected: out/main/index.js.map',
      'production dependency not packed: lowdb',
    ])
  })
})

describe('macOS entitlements', () => {
  const plist = parsePlist(readFileSync(join(root, 'resources/entitlements.mac.plist'), 'utf8'))

  it('is a valid property list holding one dictionary', () => {
    expect(plist).toBeTypeOf('object')
    expect(Array.isArray(plist)).toBe(false)
  })

  it('lets V8 JIT-compile under the hardened runtime, and names the network use', () => {
    expect(plist).toEqual({
      'com.apple.security.cs.allow-jit': true,
      'com.apple.security.cs.allow-unsigned-executable-memory': true,
      'com.apple.security.network.client': true,
      'com.apple.security.network.server': true,
    })
  })

  it('rejects malformed property lists', () => {
    const header =
      '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">\n'
    expect(() => parsePlist(`${header}<plist version="1.0"><dict><key>a</key><true/>`)).toThrow()
    expect(() => parsePlist(`${header}<plist version="1.0"><dict><true/></dict></plist>`)).toThrow()
    expect(() =>
      parsePlist(`${header}<plist version="1.0"><dict><key>a</key><true/><key>a</key><true/></dict></plist>`),
    ).toThrow()
    expect(() => parsePlist('<plist version="1.0"><dict/></plist>')).toThrow()
  })
})

describe('the release workflow', () => {
  type Step = {
    uses?: string
    run?: string
    if?: string
    with?: Record<string, unknown>
    env?: Record<string, string>
  }
  type Job = { 'runs-on': string; needs?: string; strategy?: { matrix: { os: string[] } }; steps: Step[] }
  const { load } = requireFromBuilder('js-yaml') as { load(text: string): unknown }
  const workflow = load(readFileSync(join(root, '.github/workflows/release.yml'), 'utf8')) as {
    on: { push: { tags: string[] } }
    jobs: { build: Job; release: Job }
  }
  const build = workflow.jobs.build
  const step = (match: (step: Step) => boolean) => build.steps.find(match)

  it('runs on version tags, on Linux, Windows and macOS runners', () => {
    expect(workflow.on).toEqual({ push: { tags: ['v*'] } })
    expect(build.strategy?.matrix.os).toEqual(['ubuntu-latest', 'windows-latest', 'macos-latest'])
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, not a JavaScript template
    expect(build['runs-on']).toBe('${{ matrix.os }}')
  })

  it('installs with npm ci on Node 24, tests on Linux only, then builds the installers', () => {
    const runs = build.steps.map((entry) => entry.run ?? entry.uses ?? '')
    expect(
      step((entry) => entry.uses?.startsWith('actions/setup-node') ?? false)?.with?.['node-version'],
    ).toBe(24)
    const test = step((entry) => entry.run?.includes('npm test') ?? false)
    expect(test?.if).toBe("runner.os == 'Linux'")
    expect(test?.run).toContain('npx playwright install --with-deps chromium')
    expect(runs.indexOf('npm ci')).toBeLessThan(runs.findIndex((run) => run.includes('npm test')))
    expect(runs).toContain('npm run dist')
    expect(runs.findIndex((run) => run.includes('packed-files.ts --asar'))).toBeGreaterThan(
      runs.indexOf('npm run dist'),
    )
  })

  it('uploads every installer type and publishes them on the release of the tag', () => {
    const upload = step((entry) => entry.uses?.startsWith('actions/upload-artifact') ?? false)
    for (const extension of ['exe', 'dmg', 'zip', 'AppImage', 'deb']) {
      expect(String(upload?.with?.path)).toContain(`dist/*.${extension}`)
    }
    const release = workflow.jobs.release
    expect(release.needs).toBe('build')
    expect(release.steps.map((entry) => entry.uses?.split('@')[0])).toEqual([
      'actions/download-artifact',
      'softprops/action-gh-release',
    ])
  })
})
