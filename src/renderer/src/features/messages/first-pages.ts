import type { MessageSummary } from '../../../../shared/domain/message.ts'

export interface FirstPage {
  items: readonly MessageSummary[]
  total: number
}

/**
 * The first page the API last answered for each of the few most recent queries, so that going
 * back to a filter shows its rows in the very next frame while the API is asked again.
 */
export class FirstPageCache {
  readonly #pages = new Map<string, FirstPage>()
  readonly #limit: number

  constructor(limit = 8) {
    this.#limit = limit
  }

  get(key: string): FirstPage | undefined {
    return this.#pages.get(key)
  }

  set(key: string, page: FirstPage): void {
    // Re-inserting moves the key to the end: the Map's order is the least recently answered first.
    this.#pages.delete(key)
    this.#pages.set(key, page)
    for (const oldest of this.#pages.keys()) {
      if (this.#pages.size <= this.#limit) break
      this.#pages.delete(oldest)
    }
  }
}
