import { open, readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Clock } from '../../../shared/clock.ts'
import { fsyncDirectory } from '../atomic-write.ts'

const DAMAGED_FILE = /^damaged-.+\.jsonl$/

/** What the storage figures say about lines kept aside: how many, and in which files. */
export interface DamagedReport {
  lines: number
  files: string[]
}

/**
 * Where a record log keeps lines that do not hold a valid record (not JSON, not a record line, a
 * value that fails its kind's schema): `damaged-<time>.jsonl` beside the segments, each line
 * copied byte for byte with its newline, so the original can always be recovered from it. A file
 * is created once per run (never over an existing one) and is made durable before the damaged
 * line leaves its segment; files of earlier runs stay, and are counted, until the user deletes them.
 */
export class DamagedLines {
  private readonly dir: string
  private readonly clock: Clock
  private readonly counts = new Map<string, number>()
  private file: string | null = null
  /** Keeps run one after another: two scans that meet damage at once append to one file in turn. */
  private writing: Promise<unknown> = Promise.resolve()

  private constructor(dir: string, clock: Clock) {
    this.dir = dir
    this.clock = clock
  }

  /** Counts the lines of the files kept aside by earlier runs. */
  static async open(dir: string, clock: Clock): Promise<DamagedLines> {
    const damaged = new DamagedLines(dir, clock)
    for (const name of (await readdir(dir)).filter((n) => DAMAGED_FILE.test(n)).sort()) {
      const bytes = await readFile(join(dir, name))
      let lines = 0
      for (let at = bytes.indexOf(0x0a); at !== -1; at = bytes.indexOf(0x0a, at + 1)) lines++
      damaged.counts.set(join(dir, name), lines)
    }
    return damaged
  }

  report(): DamagedReport {
    let lines = 0
    for (const count of this.counts.values()) lines += count
    return { lines, files: [...this.counts.keys()] }
  }

  /** Appends the lines (each ending in its newline) durably; answers the file that holds them. */
  keep(lines: Buffer[]): Promise<string> {
    const run = this.writing.then(() => this.append(lines))
    this.writing = run.catch(() => {})
    return run
  }

  private async append(lines: Buffer[]): Promise<string> {
    const created = this.file === null
    const { path, handle } = this.file
      ? { path: this.file, handle: await open(this.file, 'a', 0o600) }
      : await this.createFile()
    try {
      await handle.writeFile(Buffer.concat(lines))
      await handle.sync()
    } finally {
      await handle.close()
    }
    if (created) await fsyncDirectory(this.dir)
    this.file = path
    this.counts.set(path, (this.counts.get(path) ?? 0) + lines.length)
    return path
  }

  /** A new file named after the time; a name already taken gets a suffix, so nothing is overwritten. */
  private async createFile() {
    const stamp = new Date(this.clock.now()).toISOString().replace(/:/g, '-')
    for (let n = 1; ; n++) {
      const path = join(this.dir, n === 1 ? `damaged-${stamp}.jsonl` : `damaged-${stamp}-${n}.jsonl`)
      try {
        return { path, handle: await open(path, 'wx', 0o600) }
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      }
    }
  }
}
