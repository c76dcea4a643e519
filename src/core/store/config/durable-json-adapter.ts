import { readFile } from 'node:fs/promises'
import type { Adapter } from 'lowdb'
import { findTooDeep, MAX_STORED_JSON_DEPTH } from '../../../shared/json-depth.ts'
import { writeFileAtomic } from '../atomic-write.ts'
import { StoreError } from '../store-error.ts'

/** Migration and validation of what was read live in one function the adapter is given. */
export type Decode<T> = (raw: unknown) => T | Promise<T>

/**
 * lowdb's JSONFile adapter without its two gaps: writes are durable (temp → fsync → rename →
 * fsync dir), and reads are checked — a file that does not parse, or nests deeper than anything
 * Hookbench accepts (which would overflow the stack in the decoder), is reported, never replaced.
 */
export class DurableJsonAdapter<T> implements Adapter<T> {
  readonly path: string
  readonly #decode: Decode<T>

  constructor(path: string, decode: Decode<T>) {
    this.path = path
    this.#decode = decode
  }

  /** null only when the file does not exist (a fresh data dir); lowdb then keeps its defaults. */
  async read(): Promise<T | null> {
    let text: string
    try {
      text = await readFile(this.path, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw error
    }
    let raw: unknown
    try {
      raw = JSON.parse(text)
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error)
      throw StoreError.corrupt(this.path, `it is not valid JSON (${reason})`)
    }
    const tooDeep = findTooDeep(raw, MAX_STORED_JSON_DEPTH)
    if (tooDeep) {
      const where = tooDeep.field === '' ? '' : ` under "${tooDeep.field}"`
      throw StoreError.corrupt(
        this.path,
        `it nests objects and arrays more than ${tooDeep.limit} levels deep${where} (Hookbench writes at most ${tooDeep.limit})`,
      )
    }
    return await this.#decode(raw)
  }

  async write(data: T): Promise<void> {
    await writeFileAtomic(this.path, `${JSON.stringify(data, null, 2)}\n`, 0o600)
  }
}
