/** The production dependency tree, read from package-lock.json the way npm installed it. */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { PROJECT_ROOT } from './builder.ts'

interface LockEntry {
  name?: string
  version?: string
  link?: boolean
  resolved?: string
  dev?: boolean
  optional?: boolean
  devOptional?: boolean
  dependencies?: Record<string, string>
  optionalDependencies?: Record<string, string>
  peerDependencies?: Record<string, string>
  peerDependenciesMeta?: Record<string, { optional?: boolean }>
}
export interface PackageLock {
  lockfileVersion: number
  packages: Record<string, LockEntry>
}

export interface PackedPackage {
  name: string
  version: string
  /** Where npm installed it, e.g. node_modules/lowdb. */
  path: string
  /** Reached only through optional dependencies: may be absent on some platforms. */
  optional: boolean
}

export function readPackageLock(root = PROJECT_ROOT): PackageLock {
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as PackageLock
  if (lock.lockfileVersion < 2) throw new Error('package-lock.json v2 or later is needed (npm 7+)')
  return lock
}

/** Node's lookup, on lockfile paths: the nearest node_modules/<name> walking up from `from`. */
function resolveInLock(lock: PackageLock, from: string, name: string): string | null {
  let base = from
  for (;;) {
    const candidate = base === '' ? `node_modules/${name}` : `${base}/node_modules/${name}`
    if (lock.packages[candidate]) return candidate
    if (base === '') return null
    const parent = base.lastIndexOf('/node_modules/')
    base = parent === -1 ? '' : base.slice(0, parent)
  }
}

function packageName(path: string): string {
  return path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length)
}

/**
 * The production dependency tree: the root's `dependencies` and, transitively, what they need
 * (dependencies, optional dependencies and non-optional peers), following npm's install layout.
 */
export function productionPackages(lock: PackageLock): PackedPackage[] {
  const root = lock.packages['']
  if (!root) throw new Error('package-lock.json has no root package entry')
  const found = new Map<string, PackedPackage>()
  const visit = (from: string, name: string, optional: boolean) => {
    let path = resolveInLock(lock, from, name)
    if (path === null) {
      if (optional) return
      throw new Error(`${name} (needed by ${from || 'the app'}) is not in package-lock.json`)
    }
    let entry = lock.packages[path] ?? {}
    if (entry.link && entry.resolved) {
      path = entry.resolved
      entry = lock.packages[path] ?? {}
    }
    const known = found.get(path)
    if (known) {
      // Seen already: only a first non-optional route changes anything (its subtree is required too).
      if (optional || !known.optional) return
      known.optional = false
    } else {
      found.set(path, { name: packageName(path), version: entry.version ?? '', path, optional })
    }
    for (const dependency of Object.keys(entry.dependencies ?? {})) visit(path, dependency, optional)
    for (const dependency of Object.keys(entry.optionalDependencies ?? {})) visit(path, dependency, true)
    for (const peer of Object.keys(entry.peerDependencies ?? {})) {
      if (!entry.peerDependenciesMeta?.[peer]?.optional) visit(path, peer, optional)
    }
  }
  for (const name of Object.keys(root.dependencies ?? {})) visit('', name, false)
  for (const name of Object.keys(root.optionalDependencies ?? {})) visit('', name, true)
  return [...found.values()].sort((a, b) => a.path.localeCompare(b.path))
}
