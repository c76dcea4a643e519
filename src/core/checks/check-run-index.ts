import type { z } from 'zod'
import type { CheckRunSummary, ListCheckRunsInputSchema } from '../../shared/domain/check-run.ts'
import { HookbenchError } from '../../shared/errors.ts'
import type { RecordLog } from '../store/log/record-log.ts'
import { type StoredCheckRun, summaryOf } from './check-run-record.ts'

type ListInput = z.output<typeof ListCheckRunsInputSchema>
type Page = { items: CheckRunSummary[]; next_cursor: string | null; total: number }

/**
 * Summaries of every stored check run in memory, oldest first by started_at then id, so the list
 * pages without reading the log. Kept current by every write of a run; rebuilt from the log at
 * start and after an import. Runs retention dropped from the log are left out as they are met.
 */
export class CheckRunIndex {
  private readonly byId = new Map<string, CheckRunSummary>()
  private ordered: CheckRunSummary[] = []
  private readonly log: RecordLog<StoredCheckRun>

  constructor(log: RecordLog<StoredCheckRun>) {
    this.log = log
  }

  /** Reads every run from the log; answers those still `running` (Hookbench stopped during them). */
  async load(): Promise<StoredCheckRun[]> {
    this.byId.clear()
    const interrupted: StoredCheckRun[] = []
    for await (const { value } of this.log.scan('oldest')) {
      this.byId.set(value.check_run_id, summaryOf(value))
      if (value.status === 'running') interrupted.push(value)
    }
    this.ordered = [...this.byId.values()].sort(compare)
    return interrupted
  }

  update(summary: CheckRunSummary): void {
    const known = this.byId.has(summary.check_run_id)
    this.byId.set(summary.check_run_id, summary)
    const at = this.position(summary)
    if (known && this.ordered[at]?.check_run_id === summary.check_run_id) this.ordered[at] = summary
    else this.ordered.splice(at, 0, summary)
  }

  /** Newest first; the cursor names the last run of the page. */
  list(input: ListInput): Page {
    this.forgetDropped()
    const after = input.cursor === undefined ? null : cursorKey(input.cursor)
    const items: CheckRunSummary[] = []
    let total = 0
    let more = false
    for (let i = this.ordered.length - 1; i >= 0; i--) {
      const run = this.ordered[i] as CheckRunSummary
      if (input.subscription_id !== undefined && run.subscription_id !== input.subscription_id) continue
      total++
      if (after !== null && compare(run, after) >= 0) continue
      if (items.length < input.limit) items.push(run)
      else more = true
    }
    const last = items.at(-1)
    return { items, next_cursor: more && last ? cursorOf(last) : null, total }
  }

  /** Retention drops whole segments of the log behind the index's back: forget what went. */
  private forgetDropped(): void {
    if (this.ordered.every((run) => this.log.has(run.check_run_id))) return
    this.ordered = this.ordered.filter((run) => this.log.has(run.check_run_id))
    for (const id of [...this.byId.keys()]) if (!this.log.has(id)) this.byId.delete(id)
  }

  private position(key: OrderKey): number {
    let low = 0
    let high = this.ordered.length
    while (low < high) {
      const mid = (low + high) >> 1
      if (compare(this.ordered[mid] as CheckRunSummary, key) < 0) low = mid + 1
      else high = mid
    }
    return low
  }
}

type OrderKey = Pick<CheckRunSummary, 'started_at' | 'check_run_id'>

function compare(a: OrderKey, b: OrderKey): number {
  if (a.started_at !== b.started_at) return a.started_at < b.started_at ? -1 : 1
  return a.check_run_id < b.check_run_id ? -1 : a.check_run_id > b.check_run_id ? 1 : 0
}

function cursorOf(run: OrderKey): string {
  return Buffer.from(JSON.stringify([run.started_at, run.check_run_id])).toString('base64url')
}

function cursorKey(cursor: string): OrderKey {
  try {
    const [started_at, check_run_id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
    if (typeof started_at === 'string' && typeof check_run_id === 'string')
      return { started_at, check_run_id }
  } catch {
    // not JSON: said below
  }
  const message = 'not a cursor from a previous page: pass the next_cursor you were given'
  throw new HookbenchError('bad_request', `Invalid input at "cursor": ${message}`, {
    issues: [{ path: 'cursor', message }],
  })
}
