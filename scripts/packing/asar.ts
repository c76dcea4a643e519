/** Reading a real app.asar and comparing it with the modelled list. */
import { appBuilderRequire } from './builder.ts'
import type { PackedPackage } from './lockfile.ts'

export interface PackedList {
  appFiles: string[]
  packages: PackedPackage[]
}

interface AsarHeader {
  files?: Record<string, AsarHeader>
}

/** Files outside node_modules, and the names of packages inside it, in an app.asar. */
export function readAsar(archive: string): { appFiles: string[]; packageNames: string[] } {
  const asar = appBuilderRequire('@electron/asar') as { getRawHeader(path: string): { header: AsarHeader } }
  const appFiles: string[] = []
  const packageNames = new Set<string>()
  const walk = (node: AsarHeader, prefix: string) => {
    for (const [name, child] of Object.entries(node.files ?? {})) {
      const path = prefix === '' ? name : `${prefix}/${name}`
      const inModules = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)$/.exec(path)
      if (inModules?.[1] && child.files) packageNames.add(inModules[1])
      if (child.files) walk(child, path)
      else if (!path.startsWith('node_modules/')) appFiles.push(path)
    }
  }
  walk(asar.getRawHeader(archive).header, '')
  return { appFiles: appFiles.sort(), packageNames: [...packageNames].sort() }
}

/** Differences between the modelled list and a real app.asar; empty when they agree. */
export function compareWithAsar(expected: PackedList, archive: string): string[] {
  const actual = readAsar(archive)
  const problems: string[] = []
  const expectedFiles = new Set(expected.appFiles)
  for (const file of actual.appFiles) {
    if (!expectedFiles.has(file)) problems.push(`packed but not expected: ${file}`)
  }
  for (const file of expectedFiles) {
    if (!actual.appFiles.includes(file)) problems.push(`expected but not packed: ${file}`)
  }
  const expectedNames = new Set(expected.packages.map((pkg) => pkg.name))
  for (const name of actual.packageNames) {
    if (!expectedNames.has(name)) problems.push(`package packed but not a production dependency: ${name}`)
  }
  for (const pkg of expected.packages) {
    if (!pkg.optional && !actual.packageNames.includes(pkg.name)) {
      problems.push(`production dependency not packed: ${pkg.name}`)
    }
  }
  return problems
}
