import { EventEmitter } from 'node:events'
import type { WebContents } from 'electron'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { MenuAction } from '../../../../src/shared/contract/live-events.ts'

vi.mock('electron', () => ({}))
const { createLiveEventSender } = await import('../../../../src/main/app/live-events.ts')
const createMenuActionSender = () => createLiveEventSender('menuAction')

class FakeWebContents extends EventEmitter {
  destroyed = false
  readonly send = vi.fn()
  isDestroyed(): boolean {
    return this.destroyed
  }
  sent(): unknown[] {
    return this.send.mock.calls.map(([channel, action]) => {
      expect(channel).toBe('hookbench:menu')
      return action
    })
  }
}

const asContents = (contents: FakeWebContents) => contents as unknown as WebContents
const ID = '6bc76399-92dd-42ee-a7fa-20fc355e30bc'

beforeEach(() => {
  vi.restoreAllMocks()
})

describe("createLiveEventSender('menuAction')", () => {
  it('keeps actions sent before any window exists until its page has loaded', () => {
    const sender = createMenuActionSender()
    sender.send({ action: 'open-message', message_id: ID })
    const contents = new FakeWebContents()
    sender.attach(asContents(contents))
    sender.send({ action: 'import-har' })
    expect(contents.sent()).toEqual([])
    contents.emit('did-finish-load')
    expect(contents.sent()).toEqual([{ action: 'open-message', message_id: ID }, { action: 'import-har' }])
  })

  it('sends right away to a loaded page, and holds actions again while it reloads', () => {
    const sender = createMenuActionSender()
    const contents = new FakeWebContents()
    sender.attach(asContents(contents))
    contents.emit('did-finish-load')
    sender.send({ action: 'export-workspace' })
    expect(contents.sent()).toEqual([{ action: 'export-workspace' }])

    contents.emit('did-start-loading')
    sender.send({ action: 'import-workspace' })
    expect(contents.sent()).toHaveLength(1)
    contents.emit('did-finish-load')
    expect(contents.sent()).toEqual([{ action: 'export-workspace' }, { action: 'import-workspace' }])
  })

  it('refuses an action that does not match the schema', () => {
    const errorLog = vi.spyOn(console, 'error').mockImplementation(() => {})
    const sender = createMenuActionSender()
    const contents = new FakeWebContents()
    sender.attach(asContents(contents))
    contents.emit('did-finish-load')
    for (const bad of [
      { action: 'open-message', message_id: '../../etc/passwd' },
      { action: 'format-disk' },
      { action: 'export-workspace', extra: true },
    ]) {
      sender.send(bad as unknown as MenuAction)
    }
    expect(contents.send).not.toHaveBeenCalled()
    expect(errorLog).toHaveBeenCalledTimes(3)
  })

  it('sends to the newest window only, and never to a destroyed one', () => {
    const sender = createMenuActionSender()
    const first = new FakeWebContents()
    sender.attach(asContents(first))
    first.emit('did-finish-load')
    const second = new FakeWebContents()
    sender.attach(asContents(second))
    first.emit('did-finish-load')
    sender.send({ action: 'import-har' })
    expect(first.sent()).toEqual([])
    second.emit('did-finish-load')
    expect(second.sent()).toEqual([{ action: 'import-har' }])

    second.destroyed = true
    second.emit('destroyed')
    sender.send({ action: 'export-workspace' })
    expect(second.sent()).toHaveLength(1)
  })

  it('keeps only the 20 newest actions while no page can receive them', () => {
    const sender = createMenuActionSender()
    for (let i = 0; i < 25; i++) {
      sender.send({
        action: 'open-message',
        message_id: `00000000-0000-0000-0000-0000000000${String(i).padStart(2, '0')}`,
      })
    }
    const contents = new FakeWebContents()
    sender.attach(asContents(contents))
    contents.emit('did-finish-load')
    const ids = contents.sent().map((action) => (action as { message_id: string }).message_id.slice(-2))
    expect(ids).toEqual(Array.from({ length: 20 }, (_, i) => String(i + 5).padStart(2, '0')))
  })
})
