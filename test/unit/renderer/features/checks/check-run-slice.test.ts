import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { create, type StateCreator } from 'zustand'
import { ApiError } from '../../../../../src/renderer/src/api/api-error.ts'
import type { EventStream } from '../../../../../src/renderer/src/api/stream.ts'
import {
  type CheckFormDraft,
  newCheckDraft,
} from '../../../../../src/renderer/src/features/checks/check-form.ts'
import {
  type CheckRunSlice,
  createCheckRunSlice,
} from '../../../../../src/renderer/src/features/checks/check-run-slice.ts'
import type { Api } from '../../../../../src/shared/contract/index.ts'
import type { StreamEvent } from '../../../../../src/shared/contract/live-events.ts'
import type { CheckRun } from '../../../../../src/shared/domain/check-run.ts'
import { result, run } from './fixtures.ts'

/** A live stream the test pushes events into. */
function fakeStream() {
  const listeners = new Set<(event: StreamEvent) => void>()
  const stream: EventStream = {
    subscribe: (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
  const push = (event: StreamEvent) => {
    for (const listener of listeners) listener(event)
  }
  return { stream, push }
}

function summaryOf({
  planned: _p,
  checks: _c,
  timeout_ms: _t,
  has_secret: _h,
  credentials: _k,
  ...summary
}: CheckRun) {
  return summary
}

function store(api: Partial<Api>, stream: EventStream) {
  const slice = createCheckRunSlice(api as Api, stream) as unknown as StateCreator<CheckRunSlice>
  // The form's slice, as far as the run's slice reads it (a rerun takes a missing secret from it).
  return create<CheckRunSlice & { fillCheckForm: () => Promise<void>; checkDraft: CheckFormDraft }>()(
    (...args) => ({
      ...slice(...(args as Parameters<typeof slice>)),
      fillCheckForm: async () => {},
      checkDraft: newCheckDraft(),
    }),
  )
}

beforeEach(() => {
  vi.stubGlobal('window', {
    location: { hash: '#/checks/chk_1' },
    setInterval: () => 0,
    clearInterval: () => {},
    addEventListener: () => {},
    removeEventListener: () => {},
  })
})
afterEach(() => {
  vi.unstubAllGlobals()
})

describe('a run followed live', () => {
  it('refetches the open run on each check_run.updated for it, and updates its history row', async () => {
    let server = run()
    const getCheckRun = vi.fn(async () => server)
    const { stream, push } = fakeStream()
    const state = store({ getCheckRun }, stream)
    state.getState().watchChecksRoute()
    const stop = state.getState().watchCheckRuns(1_000)
    await vi.waitFor(() => expect(state.getState().checkRun.status).toBe('ready'))

    server = run({ passed: 1, running_check_id: 'b', checks: [result('a', true)] })
    push({ type: 'check_run.updated', data: summaryOf(server) })
    await vi.waitFor(() => expect(state.getState().checkRun.value?.checks).toHaveLength(1))
    expect(state.getState().checkRuns.items).toEqual([summaryOf(server)])

    // Another run's progress only updates its row.
    push({ type: 'check_run.updated', data: { ...summaryOf(server), check_run_id: 'chk_2' } })
    expect(state.getState().checkRuns.items.map((item) => item.check_run_id)).toEqual(['chk_2', 'chk_1'])
    expect(getCheckRun).toHaveBeenCalledTimes(2)
    stop()
  })

  it('reruns one check, then shows the run as the server has it', async () => {
    let server = run({ status: 'finished', checks: [result('a', false)] })
    const rerunCheck = vi.fn(async () => {
      server = run({ running_check_id: 'a', checks: [result('a', false)] })
      return { check_run_id: 'chk_1' }
    })
    const state = store({ getCheckRun: async () => server, rerunCheck }, fakeStream().stream)
    state.getState().watchChecksRoute()
    await vi.waitFor(() => expect(state.getState().checkRun.status).toBe('ready'))
    await state.getState().rerunCheck('a')
    expect(rerunCheck).toHaveBeenCalledWith({ check_run_id: 'chk_1', check_id: 'a' })
    expect(state.getState().checkRun.value?.running_check_id).toBe('a')
  })

  it('cancels the open run and shows it as the API answers; a refusal is said', async () => {
    const cancelled = run({ status: 'cancelled', checks: [result('a', true)] })
    const state = store(
      {
        getCheckRun: async () => run(),
        cancelCheckRun: async () => cancelled,
        rerunCheck: async () => {
          throw new ApiError('conflict', 'The run is still running: rerun a check once it has ended.')
        },
      },
      fakeStream().stream,
    )
    state.getState().watchChecksRoute()
    await vi.waitFor(() => expect(state.getState().checkRun.status).toBe('ready'))
    await state.getState().rerunCheck('a')
    expect(state.getState().checkRunAction).toMatchObject({ status: 'error', checkId: 'a' })
    await state.getState().cancelCheckRun()
    expect(state.getState().checkRun.value).toEqual(cancelled)
    expect(state.getState().checkRunAction).toEqual({ status: 'saved', error: null, checkId: null })
  })
})

describe('the history, a page at a time', () => {
  /** Runs chk_<n> started n minutes after 09:00, as the API lists them: newest first. */
  function summaries(from: number, to: number) {
    const list = []
    for (let n = to; n >= from; n--) {
      const started_at = new Date(Date.UTC(2026, 11, 2, 9, n)).toISOString()
      list.push(summaryOf(run({ check_run_id: `chk_${n}`, started_at, status: 'finished' })))
    }
    return list
  }
  const idsOf = (items: { check_run_id: string }[]) => items.map((item) => item.check_run_id)
  type ListInput = Parameters<Api['listCheckRuns']>[0]
  type ListOutput = Awaited<ReturnType<Api['listCheckRuns']>>

  /** A server of the runs given, two a page; each cursor is the index to go on from. */
  function pagedApi(all: () => ReturnType<typeof summaries>) {
    return vi.fn(async ({ cursor }: ListInput) => {
      const start = cursor ? Number(cursor) : 0
      const items = all().slice(start, start + 2)
      const more = start + items.length < all().length
      return { items, next_cursor: more ? String(start + items.length) : null, total: all().length }
    })
  }

  it('loads the older pages below the first, with their cursor, until there are none', async () => {
    const listCheckRuns = pagedApi(() => summaries(1, 5))
    const state = store({ listCheckRuns }, fakeStream().stream)
    await state.getState().loadCheckRuns()
    expect(idsOf(state.getState().checkRuns.items)).toEqual(['chk_5', 'chk_4'])
    expect(state.getState().checkRuns).toMatchObject({ total: 5, nextCursor: '2' })

    await state.getState().loadOlderCheckRuns()
    await state.getState().loadOlderCheckRuns()
    expect(listCheckRuns).toHaveBeenLastCalledWith({ cursor: '4', limit: 50 })
    expect(idsOf(state.getState().checkRuns.items)).toEqual(['chk_5', 'chk_4', 'chk_3', 'chk_2', 'chk_1'])
    expect(state.getState().checkRuns).toMatchObject({ total: 5, nextCursor: null, loadingMore: false })

    // Nothing older: no request.
    await state.getState().loadOlderCheckRuns()
    expect(listCheckRuns).toHaveBeenCalledTimes(3)
  })

  it('a new run comes first and counts; a run of the first page that arrives live is not listed twice', async () => {
    let server = summaries(1, 3)
    const { stream, push } = fakeStream()
    const state = store({ listCheckRuns: pagedApi(() => server) }, stream)
    const stop = state.getState().watchCheckRuns(1_000)
    await state.getState().loadCheckRuns()

    // chk_3 is on the first page: its progress replaces its row.
    push({ type: 'check_run.updated', data: { ...(server[0] as (typeof server)[0]), passed: 2 } })
    expect(idsOf(state.getState().checkRuns.items)).toEqual(['chk_3', 'chk_2'])
    expect(state.getState().checkRuns.items[0]?.passed).toBe(2)
    expect(state.getState().checkRuns.total).toBe(3)

    // A run started now goes first; the cursor still goes on after chk_2, so nothing is skipped or twice.
    server = summaries(1, 4)
    push({ type: 'check_run.updated', data: server[0] as (typeof server)[0] })
    expect(idsOf(state.getState().checkRuns.items)).toEqual(['chk_4', 'chk_3', 'chk_2'])
    expect(state.getState().checkRuns.total).toBe(4)
    stop()
  })

  it('an older run not listed yet that changes (a rerun from elsewhere) waits for its page', async () => {
    const server = summaries(1, 5)
    const { stream, push } = fakeStream()
    const listCheckRuns = vi.fn(async ({ cursor }: ListInput) =>
      cursor
        ? { items: server.slice(2, 4), next_cursor: '4', total: 5 }
        : { items: server.slice(0, 2), next_cursor: '2', total: 5 },
    )
    const state = store({ listCheckRuns }, stream)
    const stop = state.getState().watchCheckRuns(1_000)
    await state.getState().loadCheckRuns()

    push({ type: 'check_run.updated', data: { ...(server[2] as (typeof server)[0]), status: 'running' } })
    expect(idsOf(state.getState().checkRuns.items)).toEqual(['chk_5', 'chk_4'])
    expect(state.getState().checkRuns.total).toBe(5)

    await state.getState().loadOlderCheckRuns()
    expect(idsOf(state.getState().checkRuns.items)).toEqual(['chk_5', 'chk_4', 'chk_3', 'chk_2'])
    expect(state.getState().checkRuns).toMatchObject({ total: 5, nextCursor: '4' })
    stop()
  })

  it('a page that also has a run listed live adds it once', async () => {
    const server = summaries(1, 4)
    const { stream, push } = fakeStream()
    const listCheckRuns = vi.fn(async ({ cursor }: ListInput) =>
      cursor
        ? { items: server.slice(1, 4), next_cursor: null, total: 4 }
        : { items: server.slice(1, 3), next_cursor: '3', total: 3 },
    )
    const state = store({ listCheckRuns }, stream)
    const stop = state.getState().watchCheckRuns(1_000)
    await state.getState().loadCheckRuns()
    // A newer run than those listed arrives live, and the server's page overlaps what is listed.
    push({ type: 'check_run.updated', data: server[0] as (typeof server)[0] })
    await state.getState().loadOlderCheckRuns()
    expect(idsOf(state.getState().checkRuns.items)).toEqual(['chk_4', 'chk_3', 'chk_2', 'chk_1'])
    expect(state.getState().checkRuns.total).toBe(4)
    stop()
  })

  it('a Refresh while an older page is on its way drops that page; a failure is said and the list kept', async () => {
    let answer: (page: ListOutput) => void = () => {}
    let fail = false
    const listCheckRuns = vi.fn(({ cursor }: ListInput): Promise<ListOutput> => {
      if (fail) return Promise.reject(new ApiError('internal', 'disk gone'))
      if (!cursor) return Promise.resolve({ items: summaries(4, 5), next_cursor: '2', total: 5 })
      return new Promise((resolve) => {
        answer = resolve
      })
    })
    const state = store({ listCheckRuns }, fakeStream().stream)
    await state.getState().loadCheckRuns()
    const older = state.getState().loadOlderCheckRuns()
    expect(state.getState().checkRuns.loadingMore).toBe(true)
    await state.getState().loadCheckRuns()
    answer({ items: summaries(2, 3), next_cursor: '4', total: 5 })
    await older
    expect(idsOf(state.getState().checkRuns.items)).toEqual(['chk_5', 'chk_4'])
    expect(state.getState().checkRuns).toMatchObject({ nextCursor: '2', loadingMore: false })

    fail = true
    await state.getState().loadOlderCheckRuns()
    expect(state.getState().checkRuns).toMatchObject({ status: 'ready', loadingMore: false, nextCursor: '2' })
    expect(state.getState().checkRuns.error?.message).toBe('disk gone')
    expect(idsOf(state.getState().checkRuns.items)).toEqual(['chk_5', 'chk_4'])
  })
})
