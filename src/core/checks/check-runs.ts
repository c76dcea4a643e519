import { randomUUID } from 'node:crypto'
import type { z } from 'zod'
import type { Clock } from '../../shared/clock.ts'
import type {
  CheckResult,
  CheckRun,
  ListCheckRunsInputSchema,
  RerunCheckInputSchema,
  StartCheckRunInputSchema,
} from '../../shared/domain/check-run.ts'
import { HookbenchError, isDiskFull } from '../../shared/errors.ts'
import type { EventBus } from '../events/event-bus.ts'
import type { SecretBox } from '../secrets/secret-box.ts'
import type { RecordLog } from '../store/log/record-log.ts'
import { CheckRunIndex } from './check-run-index.ts'
import {
  credentialsOf,
  isLeftOut,
  openedSecretsOf,
  publicOf,
  type StoredCheckRun,
  sealedSecretsOf,
  summaryOf,
  withResults,
} from './check-run-record.ts'
import { checkDefinitions } from './definitions.ts'
import { type CheckOptions, DEFAULT_CHECK_TIMEOUT_MS } from './report.ts'
import { planChecks, runChecks } from './run-checks.ts'
import { RunSlots } from './run-slots.ts'

export const STOPPED_WHILE_RUNNING = 'Hookbench stopped while this run was running.'
/** Runs sending at once; more wait their turn (status running, no check running yet). */
export const MAX_SENDING_CHECK_RUNS = 2

export interface CheckRunsOptions {
  log: RecordLog<StoredCheckRun>
  secrets: SecretBox
  events: EventBus
  clock: Clock
  userAgent: string
}

/** A run in progress: its newest state, how to stop it, and its writes, one after another. */
interface ActiveRun {
  run: StoredCheckRun
  controller: AbortController
  saving: Promise<void>
  done: Promise<void>
  /** The first write that failed (a full disk): the run stops, failed, saying so. */
  writeFailure: unknown
}

/** Where a new result goes among the run's results. */
type Place = (checks: readonly CheckResult[], result: CheckResult) => CheckResult[]

/**
 * Check runs kept in history: started from the API, run in the background with runChecks, each
 * change written to the `check_runs` log and then told on the event bus as check_run.updated.
 * Writes per run: one when it starts, one when its first check starts, one after each check,
 * one at the end (a run has at most 15 checks).
 */
export class CheckRuns {
  readonly index: CheckRunIndex
  private readonly options: CheckRunsOptions
  private readonly active = new Map<string, ActiveRun>()
  /**
   * Runs whose last version could not be written (the disk was full): served from here, so the
   * list and the report say how they ended rather than `running` forever. A later write replaces
   * it; after a restart the version on disk is marked failed like any run left running.
   */
  private readonly unstored = new Map<string, StoredCheckRun>()
  private readonly slots = new RunSlots(MAX_SENDING_CHECK_RUNS)
  private closed = false

  constructor(options: CheckRunsOptions) {
    this.options = options
    this.index = new CheckRunIndex(options.log)
  }

  /** Reads the runs (at start, after an import); a run left `running` by a stop is marked failed. */
  async load(): Promise<void> {
    for (const run of await this.index.load()) {
      if (this.active.has(run.check_run_id)) continue
      await this.write({
        ...run,
        status: 'failed',
        running_check_id: null,
        finished_at: this.now(),
        error: STOPPED_WHILE_RUNNING,
      })
    }
  }

  async start(input: z.output<typeof StartCheckRunInputSchema>): Promise<{ check_run_id: string }> {
    const credentials = credentialsOf(input)
    const options = this.checkOptions({
      url: input.url,
      profile: input.profile,
      secret: input.secret || null,
      credentials,
      timeoutMs: input.timeout_ms ?? DEFAULT_CHECK_TIMEOUT_MS,
      ...(input.only === undefined ? {} : { only: input.only }),
    })
    // Refuses a bad URL, secret or check id (400) before anything is stored.
    const planned = planChecks(options)
    const run: StoredCheckRun = {
      check_run_id: randomUUID(),
      url: input.url,
      profile: input.profile,
      status: 'running',
      started_at: this.now(),
      finished_at: null,
      passed: 0,
      failed: 0,
      skipped: 0,
      total: planned.length,
      must_passed: true,
      running_check_id: null,
      subscription_id: input.subscription_id ?? null,
      error: null,
      planned,
      checks: [],
      timeout_ms: options.timeoutMs ?? DEFAULT_CHECK_TIMEOUT_MS,
      ...sealedSecretsOf(this.options.secrets, options.secret ?? null, credentials),
    }
    const ids = planned.map((check) => check.id)
    await this.launch(run, options, ids, (checks, result) => [...checks, result])
    return { check_run_id: run.check_run_id }
  }

  /**
   * Runs one check of a run again with the run's url, profile, timeout and sealed secrets (or the
   * ones given, which the run keeps from then on); its result replaces the old one in place.
   */
  async rerun(input: z.output<typeof RerunCheckInputSchema>): Promise<{ check_run_id: string }> {
    const stored = await this.stored(input.check_run_id)
    if (this.active.has(stored.check_run_id)) {
      throw new HookbenchError(
        'conflict',
        'This run is still running: wait for it to end, or cancel it, to run one check again.',
      )
    }
    const definition = checkDefinitions.find((check) => check.id === input.check_id)
    if (!definition || !stored.planned.some((check) => check.id === input.check_id)) {
      throw new HookbenchError(
        'not_found',
        `Check run ${stored.check_run_id} has no check "${input.check_id}".`,
      )
    }
    const own = openedSecretsOf(this.options.secrets, stored)
    const givenCredentials = credentialsOf(input)
    const secret = input.secret || own.secret
    const credentials = givenCredentials ?? own.credentials
    if (definition.needs.includes('secret') && !secret && isLeftOut(stored.secret)) {
      throw new HookbenchError(
        'conflict',
        "This run's signing secret was left out of the export it was imported from: give the secret to run this check again.",
      )
    }
    if (
      definition.needs.includes('credentials') &&
      !credentials &&
      isLeftOut(stored.credentials?.sealed ?? null)
    ) {
      throw new HookbenchError(
        'conflict',
        "This run's credentials were left out of the export it was imported from: give them (basic or bearer) to run this check again.",
      )
    }
    const options = this.checkOptions({
      url: stored.url,
      profile: stored.profile,
      secret,
      credentials,
      timeoutMs: stored.timeout_ms,
      only: [input.check_id],
    })
    planChecks(options)
    const sealed = sealedSecretsOf(this.options.secrets, input.secret || null, givenCredentials)
    const run: StoredCheckRun = {
      ...stored,
      status: 'running',
      finished_at: null,
      running_check_id: null,
      error: null,
      secret: sealed.secret ?? stored.secret,
      credentials: sealed.credentials ?? stored.credentials,
    }
    const order = stored.planned.map((check) => check.id)
    await this.launch(run, options, [input.check_id], (checks, result) =>
      [...checks.filter((check) => check.id !== result.id), result].sort(
        (a, b) => order.indexOf(a.id) - order.indexOf(b.id),
      ),
    )
    return { check_run_id: stored.check_run_id }
  }

  /** Stops a run before its next check and answers it once stopped (the check running finishes). */
  async cancel(checkRunId: string): Promise<CheckRun> {
    const active = this.active.get(checkRunId)
    if (!active) {
      const stored = await this.stored(checkRunId)
      throw new HookbenchError('conflict', `Check run ${checkRunId} is not running (it is ${stored.status}).`)
    }
    active.controller.abort()
    await active.done
    return this.get(checkRunId)
  }

  async get(checkRunId: string): Promise<CheckRun> {
    return publicOf(await this.stored(checkRunId))
  }

  list(input: z.output<typeof ListCheckRunsInputSchema>) {
    return this.index.list(input)
  }

  /** Stops every run (each marked failed: Hookbench stopped) and waits for their last writes. */
  async close(): Promise<void> {
    this.closed = true
    const stopping = [...this.active.values()]
    for (const active of stopping) active.controller.abort()
    await Promise.all(stopping.map((active) => active.done))
  }

  private async stored(checkRunId: string): Promise<StoredCheckRun> {
    const unstored = this.unstored.get(checkRunId)
    if (unstored) return unstored
    const found = await this.options.log.get(checkRunId)
    if (!found) throw new HookbenchError('not_found', `No check run ${checkRunId}.`)
    return found.value
  }

  private checkOptions(options: CheckOptions): CheckOptions {
    if (this.closed) throw new HookbenchError('conflict', 'Hookbench is stopping: no new check runs.')
    return { ...options, userAgent: this.options.userAgent }
  }

  /** Writes the run's first version, then runs it in the background. */
  private async launch(
    run: StoredCheckRun,
    options: CheckOptions,
    ids: string[],
    place: Place,
  ): Promise<void> {
    const active: ActiveRun = {
      run,
      controller: new AbortController(),
      saving: Promise.resolve(),
      done: Promise.resolve(),
      writeFailure: null,
    }
    this.active.set(run.check_run_id, active)
    const first = this.write(run)
    active.done = first.then(
      () => this.execute(active, options, ids, place),
      () => {
        this.active.delete(run.check_run_id)
      },
    )
    await first
  }

  private async execute(
    active: ActiveRun,
    options: CheckOptions,
    ids: string[],
    place: Place,
  ): Promise<void> {
    const { signal } = active.controller
    const next = (change: (run: StoredCheckRun) => StoredCheckRun) => {
      active.run = change(active.run)
      const version = active.run
      active.saving = active.saving
        .then(() => this.write(version))
        .catch((error: unknown) => {
          // Going on would send requests whose results cannot be kept: stop, and say why (once).
          if (active.writeFailure !== null) return
          console.error(`[hookbench] check run ${version.check_run_id} could not be written:`, error)
          active.writeFailure = error
          active.controller.abort()
        })
    }
    let ending: Pick<StoredCheckRun, 'status' | 'error'>
    try {
      if (!(await this.slots.take(signal))) signal.throwIfAborted()
      try {
        next((run) => ({ ...run, running_check_id: ids[0] ?? null }))
        await runChecks({ ...options, signal }, (result) => {
          const following = ids[ids.indexOf(result.id) + 1] ?? null
          next((run) => ({ ...withResults(run, place(run.checks, result)), running_check_id: following }))
        })
      } finally {
        this.slots.release()
      }
      ending = { status: 'finished', error: null }
    } catch (error) {
      if (active.writeFailure !== null) {
        ending = { status: 'failed', error: unstorableReason(active.writeFailure) }
      } else if (!signal.aborted) {
        ending = { status: 'failed', error: error instanceof Error ? error.message : String(error) }
      } else {
        ending = this.closed
          ? { status: 'failed', error: STOPPED_WHILE_RUNNING }
          : { status: 'cancelled', error: null }
      }
    }
    if (active.writeFailure !== null)
      ending = { status: 'failed', error: unstorableReason(active.writeFailure) }
    const last = { ...active.run, ...ending, running_check_id: null, finished_at: this.now() }
    active.run = last
    active.saving = active.saving.then(() => this.write(last))
    await active.saving.catch((error: unknown) => {
      if (active.writeFailure === null) {
        console.error(`[hookbench] check run ${last.check_run_id} could not be written:`, error)
      }
      const shown =
        active.writeFailure === null
          ? { ...last, error: unstorableReason(error), status: 'failed' as const }
          : last
      this.unstored.set(shown.check_run_id, shown)
      this.index.update(summaryOf(shown))
      this.options.events.emit({ type: 'check_run.updated', data: summaryOf(shown) })
    })
    this.active.delete(active.run.check_run_id)
  }

  /** On disk first, then in the list and on the live stream. */
  private async write(run: StoredCheckRun): Promise<void> {
    await this.options.log.append([{ id: run.check_run_id, value: run }])
    this.unstored.delete(run.check_run_id)
    const summary = summaryOf(run)
    this.index.update(summary)
    this.options.events.emit({ type: 'check_run.updated', data: summary })
  }

  private now(): string {
    return new Date(this.options.clock.now()).toISOString()
  }
}

/** Why a run stopped when it could not be written. */
function unstorableReason(error: unknown): string {
  const why = isDiskFull(error) ? "the disk holding Hookbench's data is full" : String(error)
  return `This run could not be stored (${why}), so it stopped. Free some space, then run it again.`
}
