import { describe, expect, it, vi } from 'vitest'
import type { CapturedRequest } from '../../../../../src/shared/receiver/captured-request.ts'
import { inboxStore, stubWindowPerTest } from './inbox-store.ts'

const MASK = '••••'

/** A capture with an Authorization header, as the API answers it masked or revealed. */
function capture(id: string, reveal: boolean): CapturedRequest {
  return {
    id,
    headers: [
      ['authorization', reveal ? 'Bearer tok_1' : MASK],
      ['x-team', 'payments'],
    ],
  } as unknown as CapturedRequest
}

function store() {
  const calls: Array<{ op: string; id: string; reveal: boolean | undefined }> = []
  const state = inboxStore({
    getRequest: async ({ id, reveal }: { id: string; reveal?: boolean }) => {
      calls.push({ op: 'get', id, reveal })
      return capture(id, reveal === true)
    },
    exportRequestCurl: async ({ id, reveal }: { id: string; reveal?: boolean }) => {
      calls.push({ op: 'curl', id, reveal })
      return { curl: `curl -H 'authorization: ${reveal ? 'Bearer tok_1' : MASK}'` }
    },
  })
  return { state, calls }
}

stubWindowPerTest()

describe('credentials in the open capture', () => {
  it('are masked, in the detail and the curl to copy, until revealed; another capture opens masked', async () => {
    const { state, calls } = store()
    state.getState().selectRequest('r-1')
    await vi.waitFor(() => expect(state.getState().requestDetail.status).toBe('ready'))
    expect(state.getState().requestRevealed).toBe(false)
    expect(state.getState().requestDetail.value?.headers[0]).toEqual(['authorization', MASK])
    expect(state.getState().requestCurl).toContain(MASK)

    await state.getState().setRequestReveal(true)
    expect(state.getState().requestDetail.value?.headers[0]).toEqual(['authorization', 'Bearer tok_1'])
    expect(state.getState().requestCurl).toContain('Bearer tok_1')
    // A live update of the open capture keeps it revealed.
    state.getState().reloadRequestDetail()
    await vi.waitFor(() => expect(calls.at(-1)).toMatchObject({ reveal: true }))

    state.getState().selectRequest('r-2')
    await vi.waitFor(() => expect(state.getState().requestDetail.value?.id).toBe('r-2'))
    expect(state.getState().requestRevealed).toBe(false)
    expect(state.getState().requestCurl).toContain(MASK)
    expect(calls.filter((call) => call.id === 'r-2').every((call) => call.reveal === false)).toBe(true)
  })
})
