import { describe, expect, it } from 'vitest'
import { create, type StateCreator } from 'zustand'
import {
  createMessagesSlice,
  type MessagesSlice,
} from '../../../../../src/renderer/src/features/messages/messages-slice.ts'
import type { Api } from '../../../../../src/shared/contract/index.ts'
import type { MessageSummary } from '../../../../../src/shared/domain/message.ts'
import { newestFirst, summary } from '../../fixtures.ts'

type ListInput = Parameters<Api['listMessages']>[0]
interface Call {
  input: ListInput
  answer: (items: MessageSummary[], total?: number) => Promise<void>
}

/** An API whose listMessages answers only when the test says so, to look at the table in between. */
function fakeApi() {
  const calls: Call[] = []
  const api = {
    listMessages: (input: ListInput) =>
      new Promise((resolve) => {
        calls.push({
          input,
          answer: async (items, total = items.length) => {
            resolve({ items, next_cursor: null, total })
            await new Promise((settled) => setTimeout(settled, 0))
          },
        })
      }),
  } as unknown as Api
  return { api, calls }
}

function store(api: Api) {
  // The messages slice alone: the filter actions use nothing from the other slices.
  return create<MessagesSlice>()(createMessagesSlice(api) as unknown as StateCreator<MessagesSlice>)
}

const ids = (items: readonly MessageSummary[]) => items.map((item) => item.message_id)

describe('changing a Messages filter', () => {
  it('shows the matching loaded rows at once, then exactly the API page', async () => {
    const { api, calls } = fakeApi()
    const state = store(api)
    void state.getState().loadMessages()
    await calls[0]?.answer(newestFirst(12), 500)

    state.getState().setMessageFilters({ status: 'exhausted' })
    let list = state.getState().messageList
    expect(list.status).toBe('loading')
    expect(ids(list.items)).toEqual(['m-8', 'm-4', 'm-0'])
    expect(calls[1]?.input).toMatchObject({ status: 'exhausted' })

    const apiPage = [summary(96, { status: 'exhausted' }), summary(92, { status: 'exhausted' })]
    await calls[1]?.answer(apiPage, 125)
    list = state.getState().messageList
    expect(list.status).toBe('ready')
    expect(ids(list.items)).toEqual(['m-96', 'm-92'])
    expect(list.total).toBe(125)
  })

  it('going back to a filter shows the page the API gave for it last time', async () => {
    const { api, calls } = fakeApi()
    const state = store(api)
    void state.getState().loadMessages()
    await calls[0]?.answer(newestFirst(12), 500)
    state.getState().setMessageFilters({ status: 'exhausted' })
    await calls[1]?.answer([summary(96, { status: 'exhausted' })], 125)

    state.getState().setMessageFilters({ status: null })
    const list = state.getState().messageList
    expect(list.status).toBe('loading')
    expect(ids(list.items)).toEqual(ids(newestFirst(12)))
    expect(list.total).toBe(500)
  })

  it('drops the answer to a filter that was changed again meanwhile', async () => {
    const { api, calls } = fakeApi()
    const state = store(api)
    void state.getState().loadMessages()
    await calls[0]?.answer(newestFirst(4))
    state.getState().setMessageFilters({ status: 'failed' })
    state.getState().setMessageFilters({ status: 'delivered' })

    await calls[2]?.answer([summary(3)])
    await calls[1]?.answer([summary(50, { status: 'failed' })])
    expect(ids(state.getState().messageList.items)).toEqual(['m-3'])
    expect(state.getState().messageList.status).toBe('ready')
  })
})
