import { describe, expect, it, vi } from 'vitest'
import { runMenuAction } from '../../../../src/renderer/src/state/menu-actions.ts'

function target() {
  return { navigate: vi.fn(), showMessage: vi.fn() }
}

describe('desktop menu actions in the renderer', () => {
  it('opens the message a hookbench:// link names', () => {
    const state = target()
    runMenuAction(state, { action: 'open-message', message_id: '6bc76399-92dd-42ee-a7fa-20fc355e30bc' })
    expect(state.navigate).toHaveBeenCalledWith('messages')
    expect(state.showMessage).toHaveBeenCalledWith('6bc76399-92dd-42ee-a7fa-20fc355e30bc')
  })

  it.each([
    ['export-workspace', 'settings'],
    ['import-workspace', 'settings'],
    ['import-har', 'inbox'],
  ] as const)('%s goes to the %s page', (action, page) => {
    const state = target()
    runMenuAction(state, { action })
    expect(state.navigate).toHaveBeenCalledWith(page)
    expect(state.showMessage).not.toHaveBeenCalled()
  })
})
