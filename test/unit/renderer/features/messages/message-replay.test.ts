import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { create, type StateCreator } from 'zustand'
import { ApiError } from '../../../../../src/renderer/src/api/api-error.ts'
import {
  createMessageDetailSlice,
  type MessageDetailSlice,
} from '../../../../../src/renderer/src/features/messages/message-detail-slice.ts'
import type { Api } from '../../../../../src/shared/contract/index.ts'
import type { MessageDetail } from '../../../../../src/shared/domain/message.ts'
import { summary } from '../../fixtures.ts'

const ID = 'm-1'
const DISABLED = 'Subscription s-odd is disabled (by the user): enable it, or replay to another url.'

function detail(attempts: number): MessageDetail {
  const { attempts: _count, ...fields } = summary(1)
  return {
    ...fields,
    body: '{}',
    attempt_ids: [],
    cycle_offset: 0,
    attempts: Array.from({ length: attempts }, () => ({})),
  } as unknown as MessageDetail
}

function store(replay: Api['replayMessage'], attemptsAfter = 2) {
  let loads = 0
  const api = {
    getMessage: async () => detail(loads++ === 0 ? 1 : attemptsAfter),
    replayMessage: replay,
  } as unknown as Api
  const slice = createMessageDetailSlice(api) as unknown as StateCreator<MessageDetailSlice>
  // refreshMessages belongs to the messages slice: the replay asks it for the list afterwards.
  return create<MessageDetailSlice & { refreshMessages: () => Promise<void> }>()((...args) => ({
    ...slice(...(args as Parameters<typeof slice>)),
    refreshMessages: async () => {},
  }))
}

async function opened(state: ReturnType<typeof store>) {
  state.getState().showMessage(ID)
  await vi.waitFor(() => expect(state.getState().messageDetail.status).toBe('ready'))
}

beforeEach(() => {
  vi.stubGlobal('window', {
    location: { hash: '' },
    setTimeout: (run: () => void) => setTimeout(run, 0),
    addEventListener: () => {},
    removeEventListener: () => {},
  })
})
afterEach(() => {
  vi.unstubAllGlobals()
})

describe('replaying the open message', () => {
  it('says why the API refused (a 409) and claims no success', async () => {
    const state = store(async () => {
      throw new ApiError('conflict', DISABLED)
    })
    await opened(state)
    await state.getState().replayMessage('same-id', null)
    expect(state.getState().messageReplay).toEqual({
      status: 'error',
      result: null,
      error: { code: 'conflict', message: DISABLED },
    })
  })

  it('is done once the API accepted it, and follows the message to its new attempt', async () => {
    const state = store(async () => ({ message_id: ID, subscription_id: 's-odd', mode: 'same-id' }))
    await opened(state)
    await state.getState().replayMessage('same-id', 'http://127.0.0.1:9/elsewhere')
    expect(state.getState().messageReplay.status).toBe('done')
    expect(state.getState().messageDetail.value?.attempts).toHaveLength(2)
  })

  it('says a replay asked for during an attempt is queued, until that attempt is listed', async () => {
    const queued = {
      message_id: ID,
      subscription_id: 's-odd',
      mode: 'same-id' as const,
      queued: true as const,
    }
    // The attempt in flight, then the replay's own: two more than the one listed when it was asked for.
    const state = store(async () => queued, 3)
    await opened(state)
    const shown: unknown[] = []
    const stop = state.subscribe((now) => shown.push(now.messageReplay.result))
    await state.getState().replayMessage('same-id', null)
    stop()
    expect(shown).toContainEqual(queued)
    expect(state.getState().messageReplay).toEqual({
      status: 'done',
      result: { message_id: ID, subscription_id: 's-odd', mode: 'same-id' },
      error: null,
    })
  })

  it('forgets the last outcome when the form changes', async () => {
    const state = store(async () => {
      throw new ApiError('conflict', DISABLED)
    })
    await opened(state)
    await state.getState().replayMessage('same-id', null)
    state.getState().clearReplayOutcome()
    expect(state.getState().messageReplay.status).toBe('idle')
  })
})
