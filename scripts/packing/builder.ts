/**
 * electron-builder's view of the project, from electron-builder itself where it exposes it: its
 * configuration loader and JSON-schema check, and the app-file patterns it evaluates.
 */
import { readdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, relative, sep } from 'node:path'
import { globToRegExp } from './glob.ts'

export const PROJECT_ROOT = join(import.meta.dirname, '..', '..')

/** electron-builder's own modules, resolved through electron-builder so npm's hoisting does not matter. */
export const builderRequire = createRequire(
  createRequire(import.meta.url).resolve('electron-builder/package.json'),
)
export const appBuilderRequire = createRequire(builderRequire.resolve('app-builder-lib/package.json'))

export interface BuilderConfig {
  files?: Array<string | { from?: string; to?: string; filter?: string | string[] }> | string
  directories?: { output?: string; buildResources?: string; app?: string }
  extraResources?: unknown
  extraFiles?: unknown
  [key: string]: unknown
}

interface FileMatcherModule {
  excludedNames: string
  excludedExts: string
}
interface ConfigModule {
  getConfig(projectDir: string, configPath: string | null, configFromOptions: null): Promise<BuilderConfig>
  validateConfiguration(config: BuilderConfig, debugLogger: { isEnabled: boolean }): Promise<void>
}

/** Reads electron-builder.yml exactly as electron-builder does (same loader, same merging). */
export async function readBuilderConfig(root = PROJECT_ROOT): Promise<BuilderConfig> {
  const { getConfig } = appBuilderRequire('./out/util/config/config.js') as ConfigModule
  return getConfig(root, null, null)
}

/** Validates a configuration against electron-builder's own JSON schema; throws with its message. */
export async function validateBuilderConfig(config: BuilderConfig): Promise<void> {
  const { validateConfiguration } = appBuilderRequire('./out/util/config/config.js') as ConfigModule
  await validateConfiguration(structuredClone(config), { isEnabled: false })
}

/**
 * The app-file patterns electron-builder evaluates, in order (app-builder-lib's getMainFileMatchers
 * for a `files` list of plain patterns): node_modules, the build resources and the output folder are
 * excluded first, then the user's patterns (package.json always added), then the junk it never packs.
 */
export function appFilePatterns(config: BuilderConfig): string[] {
  const { excludedNames, excludedExts } = appBuilderRequire('./out/fileMatcher.js') as FileMatcherModule
  const files = config.files === undefined ? [] : Array.isArray(config.files) ? config.files : [config.files]
  // electron-builder's loader turns a plain list into one FileSet rooted at the project: flatten it.
  const user = files.flatMap((entry) => {
    if (typeof entry === 'string') return [entry]
    const sameFolder = (folder: string | undefined) => folder === undefined || folder === '.'
    if (!sameFolder(entry.from) || !sameFolder(entry.to)) {
      throw new Error('FileSet entries with their own from/to are not modelled here')
    }
    return entry.filter === undefined ? [] : Array.isArray(entry.filter) ? entry.filter : [entry.filter]
  })
  for (const [index, pattern] of user.entries()) user[index] = pattern.replace(/^\.\//, '')
  if (user.length === 0 || user.every((pattern) => pattern.startsWith('!'))) user.unshift('**/*')
  if (!user.includes('package.json')) user.push('package.json')
  const output = config.directories?.output ?? 'dist'
  const buildResources = config.directories?.buildResources ?? 'build'
  return [
    '!**/node_modules/**',
    `!${buildResources}{,/**/*}`,
    `!${output}{,/**/*}`,
    ...user,
    `!${output}/*-unpacked{,/**/*}`,
    `!**/*.{${excludedExts},pdb}`,
    '!**/._*',
    '!**/electron-builder.{yaml,yml,json,json5,toml,ts}',
    `!**/{${excludedNames}}`,
    '!.yarn{,/**/*}',
    '!.editorconfig',
    '!.yarnrc.yml',
  ]
}

/** electron-builder's rule: walk the patterns in order; a later match flips an earlier decision. */
export function createAppFileFilter(patterns: string[]): (path: string) => boolean {
  const compiled = patterns.map((pattern) => {
    const negate = pattern.startsWith('!')
    return { negate, regexp: globToRegExp(negate ? pattern.slice(1) : pattern) }
  })
  return (path) => {
    let included = false
    for (const { negate, regexp } of compiled) {
      if (included !== negate) continue
      if (regexp.test(path)) included = !negate
    }
    return included
  }
}

/** Every file below `root` (not following node_modules or .git) that the filter lets through. */
export function listAppFiles(root: string, isPacked: (path: string) => boolean): string[] {
  const found: string[] = []
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && entry.name !== '.git') walk(path)
      } else if (isPacked(relative(root, path).split(sep).join('/'))) {
        found.push(relative(root, path).split(sep).join('/'))
      }
    }
  }
  walk(root)
  return found.sort()
}
