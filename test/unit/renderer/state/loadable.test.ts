import { describe, expect, it } from 'vitest'
import { create } from 'zustand'
import { ApiError } from '../../../../src/renderer/src/api/api-error.ts'
import { LatestRequest, loadInto, saveWith } from '../../../../src/renderer/src/state/loadable.ts'
import type { Loadable, SaveState } from '../../../../src/renderer/src/state/slice.ts'

interface TestState {
  items: Loadable<string[]>
  save: SaveState
  row: SaveState & { id: string | null }
  names: string[]
}

function testStore(items: Loadable<string[]> = { value: null, status: 'idle', error: null }) {
  const state = create<TestState>()(() => ({
    items,
    save: { status: 'idle', error: null },
    row: { status: 'idle', error: null, id: null },
    names: [],
  }))
  return { state, store: { set: state.setState, get: state.getState } }
}

/** A request that answers when the test says so. */
function deferred<T>() {
  let resolve!: (value: T) => void
  let reject!: (error: unknown) => void
  const promise = new Promise<T>((yes, no) => {
    resolve = yes
    reject = no
  })
  return { promise, resolve, reject }
}

const refused = new ApiError('conflict', 'Name taken')

describe('loadInto', () => {
  it('shows loading, then the value as ready', async () => {
    const { state, store } = testStore()
    const answer = deferred<string[]>()
    const done = loadInto(store, 'items', async () => ({ value: await answer.promise }))
    expect(state.getState().items).toEqual({ value: null, status: 'loading', error: null })
    answer.resolve(['a'])
    expect(await done).toBe(true)
    expect(state.getState().items).toEqual({ value: ['a'], status: 'ready', error: null })
  })

  it('keeps the last value while reloading and when the reload fails, with the error as an ErrorBody', async () => {
    const { state, store } = testStore({ value: ['old'], status: 'ready', error: null })
    const answer = deferred<string[]>()
    const done = loadInto(store, 'items', async () => ({ value: await answer.promise }))
    expect(state.getState().items.value).toEqual(['old'])
    answer.reject(refused)
    expect(await done).toBe(false)
    expect(state.getState().items).toEqual({
      value: ['old'],
      status: 'error',
      error: { code: 'conflict', message: 'Name taken' },
    })
  })

  it('does nothing when called while a load runs', async () => {
    const { store } = testStore({ value: null, status: 'loading', error: null })
    let asked = 0
    expect(await loadInto(store, 'items', async () => ({ value: [`${++asked}`] }))).toBe(false)
    expect(asked).toBe(0)
  })

  it('with a LatestRequest, drops the answers of requests a newer one replaced', async () => {
    const { state, store } = testStore()
    const latest = new LatestRequest()
    const first = deferred<string[]>()
    const second = deferred<string[]>()
    const older = loadInto(store, 'items', async () => ({ value: await first.promise }), { latest })
    const newer = loadInto(store, 'items', async () => ({ value: await second.promise }), { latest })
    second.resolve(['new'])
    first.resolve(['old'])
    expect(await newer).toBe(true)
    expect(await older).toBe(false)
    expect(state.getState().items.value).toEqual(['new'])

    const failing = loadInto(store, 'items', () => Promise.reject(refused), { latest })
    latest.cancel()
    expect(await failing).toBe(false)
    // A cancelled answer is not reported: whoever cancelled sets what shows instead.
    expect(state.getState().items).toMatchObject({ value: ['new'], error: null })
  })

  it('LatestRequest.current says whether work continuing the newest request is still wanted', () => {
    const latest = new LatestRequest()
    latest.start()
    const nextPage = latest.current()
    expect(nextPage()).toBe(true)
    latest.start()
    expect(nextPage()).toBe(false)
  })

  it('in the background, keeps the status on screen while it runs; "report" shows a failure', async () => {
    const { state, store } = testStore({ value: ['v'], status: 'ready', error: null })
    const answer = deferred<string[]>()
    const done = loadInto(store, 'items', async () => ({ value: await answer.promise }), {
      background: 'report',
    })
    expect(state.getState().items.status).toBe('ready')
    answer.reject(refused)
    await done
    expect(state.getState().items).toMatchObject({ value: ['v'], status: 'error' })
  })

  it('in the background from idle, shows loading first', () => {
    const { state, store } = testStore()
    void loadInto(store, 'items', () => new Promise(() => {}), { background: 'report' })
    expect(state.getState().items.status).toBe('loading')
  })

  it('"silent" leaves a ready state as it is when the re-check fails', async () => {
    const { state, store } = testStore({ value: ['v'], status: 'ready', error: null })
    expect(await loadInto(store, 'items', () => Promise.reject(refused), { background: 'silent' })).toBe(
      false,
    )
    expect(state.getState().items).toEqual({ value: ['v'], status: 'ready', error: null })
  })

  it('turns anything thrown into an ErrorBody', async () => {
    const { state, store } = testStore()
    await loadInto(store, 'items', () => Promise.reject(new Error('socket hang up')))
    expect(state.getState().items.error).toEqual({
      code: 'internal',
      message: 'Unexpected error: socket hang up',
    })
  })
})

describe('saveWith', () => {
  it('shows saving, then saved together with what the work changed', async () => {
    const { state, store } = testStore()
    const answer = deferred<string>()
    const done = saveWith(store, 'save', async () => {
      const name = await answer.promise
      return (current: TestState) => ({ names: [...current.names, name] })
    })
    expect(state.getState().save).toEqual({ status: 'saving', error: null })
    answer.resolve('orders')
    expect(await done).toBe(true)
    expect(state.getState().save).toEqual({ status: 'saved', error: null })
    expect(state.getState().names).toEqual(['orders'])
  })

  it('reports a failure as an ErrorBody and resolves false', async () => {
    const { state, store } = testStore()
    expect(await saveWith(store, 'save', () => Promise.reject(refused))).toBe(false)
    expect(state.getState().save).toEqual({
      status: 'error',
      error: { code: 'conflict', message: 'Name taken' },
    })
  })

  it('exclusive: a call while one saves does nothing', async () => {
    const { state, store } = testStore()
    state.setState({ save: { status: 'saving', error: null } })
    let ran = false
    const work = async () => {
      ran = true
    }
    expect(await saveWith(store, 'save', work, { exclusive: true })).toBe(false)
    expect(ran).toBe(false)
    // Without it, the call runs.
    expect(await saveWith(store, 'save', work)).toBe(true)
    expect(ran).toBe(true)
  })

  it('carries the extra fields in every phase, and the work may set the state itself', async () => {
    const { state, store } = testStore()
    const answer = deferred<void>()
    const done = saveWith(
      store,
      'row',
      async () => {
        await answer.promise
        return { row: { status: 'idle', error: null, id: null } } satisfies Partial<TestState>
      },
      { with: { id: 'c-1' } },
    )
    expect(state.getState().row).toEqual({ status: 'saving', error: null, id: 'c-1' })
    answer.resolve()
    await done
    expect(state.getState().row).toEqual({ status: 'idle', error: null, id: null })

    await saveWith(store, 'row', () => Promise.reject(refused), { with: { id: 'c-2' } })
    expect(state.getState().row).toMatchObject({ status: 'error', id: 'c-2' })
  })

  it('quiet: shows nothing while it runs or after it succeeds, only a failure', async () => {
    const { state, store } = testStore()
    state.setState({ save: { status: 'saved', error: null } })
    const answer = deferred<void>()
    const done = saveWith(
      store,
      'save',
      async () => {
        await answer.promise
        return { names: ['secret'] }
      },
      { quiet: true },
    )
    expect(state.getState().save.status).toBe('saved')
    answer.resolve()
    await done
    expect(state.getState()).toMatchObject({ save: { status: 'saved' }, names: ['secret'] })

    await saveWith(store, 'save', () => Promise.reject(refused), { quiet: true })
    expect(state.getState().save.status).toBe('error')
  })
})
