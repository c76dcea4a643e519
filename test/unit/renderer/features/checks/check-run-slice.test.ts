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
