import { describe, expect, it, vi } from 'vitest'
import type { CapturedRequest } from '../../../../../src/shared/receiver/captured-request.ts'
import { inboxStore, stubWindowPerTest } from './inbox-store.ts'

/** Captures by id: `ours` names a message Hookbench has, `theirs` one it does not. */
const CAPTURES: Record<string, CapturedRequest> = {
  ours: { id: 'ours', headers: [['webhook-id', 'msg_known']] },
  theirs: { id: 'theirs', headers: [['webhook-id', 'msg_unknown']] },
  plain: { id: 'plain', headers: [['x-team', 'payments']] },
} as unknown as Record<string, CapturedRequest>

function store() {
  const listed: Array<Record<string, unknown>> = []
  const state = inboxStore({
    listRequests: async (input: Record<string, unknown>) => {
      listed.push(input)
      return { items: [], next_cursor: null }
    },
    getRequest: async ({ id }: { id: string }) => CAPTURES[id],
    exportRequestCurl: async () => ({ curl: 'curl' }),
    getMessage: async ({ message_id }: { message_id: string }) => {
      if (message_id !== 'msg_known') throw new Error(`No message "${message_id}".`)
      return { message_id }
    },
  })
  return { state, listed }
}

stubWindowPerTest()

describe('the Inbox search', () => {
  it('belongs to the bin it was typed in: choosing another bin clears it and lists that bin unfiltered', async () => {
    const { state, listed } = store()
    state.getState().selectBin('alpha')
    state.getState().setInboxQuery('payments')
    await vi.waitFor(() => expect(listed.at(-1)).toMatchObject({ bin: 'alpha', q: 'payments' }))

    state.getState().selectBin('beta')
    expect(state.getState().inboxQuery).toBe('')
    await vi.waitFor(() => expect(listed.at(-1)).toMatchObject({ bin: 'beta' }))
    expect(listed.at(-1)).not.toHaveProperty('q')
  })
})

describe('the message an open capture was delivered as', () => {
  it('is offered only when the API has the message its webhook-id names', async () => {
    const { state } = store()
    state.getState().selectRequest('ours')
    await vi.waitFor(() => expect(state.getState().requestMessageId).toBe('msg_known'))

    state.getState().selectRequest('theirs')
    expect(state.getState().requestMessageId).toBeNull()
    await vi.waitFor(() => expect(state.getState().requestDetail.value?.id).toBe('theirs'))
    expect(state.getState().requestMessageId).toBeNull()

    state.getState().selectRequest('plain')
    await vi.waitFor(() => expect(state.getState().requestDetail.value?.id).toBe('plain'))
    expect(state.getState().requestMessageId).toBeNull()
  })
})
