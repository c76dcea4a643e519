import { describe, expect, it } from 'vitest'
import { create, type StateCreator } from 'zustand'
import { filterChips } from '../../../../../src/renderer/src/features/messages/filter-chips.ts'
import {
  isFiltered,
  noFilters,
  tableHides,
} from '../../../../../src/renderer/src/features/messages/message-list.ts'
import {
  createMessagesSlice,
  type MessagesSlice,
} from '../../../../../src/renderer/src/features/messages/messages-slice.ts'
import type { Api } from '../../../../../src/shared/contract/index.ts'
import { newestFirst, summary } from '../../fixtures.ts'

const names = (id: string) => ({ text: id === 's-odd' ? 'Orders' : id, title: `Orders — subscription ${id}` })

describe('the filters as chips', () => {
  it('says every filter that is set, in words, and none when nothing is', () => {
    expect(filterChips(noFilters, names)).toEqual([])
    const chips = filterChips(
      {
        status: 'exhausted',
        subscription_id: 's-odd',
        topic: 'user.created',
        event: { event_id: '0123456789abcdef', since: '2026-11-24T12:00:00.000Z' },
      },
      names,
    )
    expect(chips.map((chip) => chip.text)).toEqual([
      'Status: Exhausted',
      'Subscription: Orders',
      'Topic: user.created',
      'Event: 01234567',
    ])
    expect(chips.map((chip) => chip.key)).toEqual(['status', 'subscription_id', 'topic', 'event'])
    expect(chips[3]?.title).toContain('0123456789abcdef')
    expect(chips[0]?.removeLabel).toBe('Remove the status filter')
  })

  it('knows whether anything narrows the table', () => {
    expect(isFiltered(noFilters)).toBe(false)
    expect(isFiltered({ ...noFilters, topic: 'user.created' })).toBe(true)
  })
})

describe('a message opened by id beside a filtered table', () => {
  const loaded = newestFirst(6)

  it('is hidden when the table neither lists it nor would', () => {
    const other = summary(41, { subscription_id: 's-other' })
    expect(tableHides({ ...noFilters, subscription_id: 's-odd' }, loaded, other)).toBe(true)
    expect(tableHides(noFilters, loaded, other)).toBe(false)
    expect(tableHides({ ...noFilters, subscription_id: 's-other' }, loaded, other)).toBe(false)
  })

  it('is not hidden when the table lists it, even if it changed since (a row clicked)', () => {
    const listed = { ...summary(5), status: 'exhausted' as const }
    expect(tableHides({ ...noFilters, status: 'delivered' }, loaded, listed)).toBe(false)
  })
})

/** The messages slice with the two facts of the rest of the store it follows: the page and the open message. */
function store() {
  const api = {
    listMessages: async () => ({ items: [], next_cursor: null, total: 0 }),
  } as unknown as Api
  const slice = createMessagesSlice(api) as unknown as StateCreator<MessagesSlice>
  type State = MessagesSlice & { page: string; messageDetail: { value: { message_id: string } | null } }
  return create<State>()((...args) => ({
    ...slice(...(args as unknown as Parameters<typeof slice>)),
    page: 'messages',
    messageDetail: { value: null },
  }))
}

describe('what resets the filters', () => {
  it('leaving the Messages page drops them; coming and going elsewhere does not touch them', () => {
    const state = store()
    state.getState().setMessageFilters({ status: 'failed' })
    state.setState({ page: 'events' })
    expect(state.getState().messageFilters).toEqual(noFilters)

    state.setState({ page: 'messages' })
    state.getState().setMessageFilters({ topic: 'user.created' })
    state.setState({ page: 'messages' })
    expect(state.getState().messageFilters.topic).toBe('user.created')
  })

  it('opening a message the filters hide drops them; one the table lists keeps them', () => {
    const state = store()
    state.getState().setMessageFilters({ subscription_id: 's-odd' })
    state.setState({ messageDetail: { value: summary(8, { subscription_id: 's-even' }) } })
    expect(state.getState().messageFilters).toEqual(noFilters)

    state.getState().setMessageFilters({ subscription_id: 's-odd' })
    state.setState({ messageDetail: { value: summary(9) } })
    expect(state.getState().messageFilters.subscription_id).toBe('s-odd')
  })

  it('"Clear filters" with none set asks the API nothing', () => {
    let asked = 0
    const api = {
      listMessages: async () => {
        asked++
        return { items: [], next_cursor: null, total: 0 }
      },
    } as unknown as Api
    const state = create<MessagesSlice>()(createMessagesSlice(api) as unknown as StateCreator<MessagesSlice>)
    state.getState().clearMessageFilters()
    expect(asked).toBe(0)
  })
})
