import { EventEmitter } from 'node:events'
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { BrowserWindow, Rectangle } from 'electron'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  createWindowStateKeeper,
  DEFAULT_WINDOW_STATE,
  fitToDisplays,
  readWindowState,
  type WindowState,
} from '../../../../src/main/app/window-state.ts'
import { tempDirsPerTest } from '../../../helpers/temp-dir.ts'

const tempDir = tempDirsPerTest()

class FakeWindow extends EventEmitter {
  bounds: Rectangle = { x: 100, y: 50, width: 1200, height: 780 }
  normalBounds: Rectangle = { x: 100, y: 50, width: 1200, height: 780 }
  maximized = false
  minimized = false
  fullScreen = false
  destroyed = false
  getBounds = () => ({ ...this.bounds })
  getNormalBounds = () => ({ ...this.normalBounds })
  isMaximized = () => this.maximized
  isMinimized = () => this.minimized
  isFullScreen = () => this.fullScreen
  isDestroyed = () => this.destroyed
  moveTo(x: number, y: number): void {
    this.bounds = { ...this.bounds, x, y }
    this.normalBounds = { ...this.bounds }
    this.emit('move')
  }
}
const asWindow = (window: FakeWindow) => window as unknown as BrowserWindow

const state = (overrides: Partial<WindowState> = {}): WindowState => ({
  position: { x: 100, y: 50 },
  width: 1200,
  height: 780,
  isMaximized: false,
  ...overrides,
})

describe('readWindowState', () => {
  beforeEach(() => {
    vi.spyOn(console, 'warn').mockImplementation(() => {})
  })
  afterEach(() => {
    vi.restoreAllMocks()
  })

  it('uses the defaults, quietly, when nothing was saved yet', async () => {
    expect(await readWindowState(join(tempDir(), 'window-state.json'))).toEqual(DEFAULT_WINDOW_STATE)
    expect(console.warn).not.toHaveBeenCalled()
  })

  it('reads back what was saved', async () => {
    const file = join(tempDir(), 'window-state.json')
    writeFileSync(file, JSON.stringify({ version: 1, ...state({ isMaximized: true }) }))
    expect(await readWindowState(file)).toEqual(state({ isMaximized: true }))
  })

  it.each([
    ['not JSON', '{"version":1,'],
    ['JSON null', 'null'],
    ['an array', '[1280, 800]'],
    ['another version', JSON.stringify({ ...state(), version: 2 })],
    ['no version', JSON.stringify(state())],
    ['a width that is text', JSON.stringify({ version: 1, ...state(), width: '1280' })],
    ['a zero height', JSON.stringify({ version: 1, ...state(), height: 0 })],
    ['a negative width', JSON.stringify({ version: 1, ...state(), width: -5 })],
    ['a fractional position', JSON.stringify({ version: 1, ...state(), position: { x: 1.5, y: 0 } })],
    ['an absurd position', JSON.stringify({ version: 1, ...state(), position: { x: 1e12, y: 0 } })],
    ['a half position', JSON.stringify({ version: 1, ...state(), position: { x: 10 } })],
    ['an unknown key', JSON.stringify({ version: 1, ...state(), fullScreen: true })],
    [
      'a prototype key',
      '{"version":1,"position":null,"width":1,"height":1,"isMaximized":false,"__proto__":{"x":1}}',
    ],
  ])('falls back to the defaults for %s', async (_why, text) => {
    const file = join(tempDir(), 'window-state.json')
    writeFileSync(file, text)
    expect(await readWindowState(file)).toEqual(DEFAULT_WINDOW_STATE)
  })
})

describe('fitToDisplays', () => {
  const laptop: Rectangle = { x: 0, y: 0, width: 1440, height: 875 }
  // A second monitor to the left of the laptop, so its coordinates are negative.
  const leftMonitor: Rectangle = { x: -2560, y: -200, width: 2560, height: 1400 }

  it('keeps a window that is fully visible where it was', () => {
    expect(fitToDisplays(state(), [laptop], laptop)).toEqual(state())
  })

  it('keeps a window on a secondary display with negative coordinates', () => {
    const onLeft = state({ position: { x: -2000, y: 0 }, width: 1600, height: 1000 })
    expect(fitToDisplays(onLeft, [laptop, leftMonitor], laptop)).toEqual(onLeft)
  })

  it('pushes a window hanging off the right and bottom edges back inside', () => {
    const fitted = fitToDisplays(state({ position: { x: 1000, y: 600 } }), [laptop], laptop)
    expect(fitted).toEqual(state({ position: { x: 240, y: 95 } }))
  })

  it('pushes a window whose title bar is above the top edge back down', () => {
    expect(fitToDisplays(state({ position: { x: 10, y: -300 } }), [laptop], laptop).position).toEqual({
      x: 10,
      y: 0,
    })
  })

  it('moves a window from a display that is gone to the middle of the primary one', () => {
    const fitted = fitToDisplays(state({ position: { x: -2000, y: 0 } }), [laptop], laptop)
    expect(fitted).toEqual(state({ position: { x: 120, y: 48 } }))
  })

  it('goes to the display the window overlaps most', () => {
    // Mostly on the left monitor, a little on the laptop.
    const fitted = fitToDisplays(state({ position: { x: -1000, y: 100 } }), [laptop, leftMonitor], laptop)
    expect(fitted.position).toEqual({ x: -1200, y: 100 })
  })

  it('shrinks a window bigger than its display', () => {
    const big = state({ position: { x: 0, y: 0 }, width: 3000, height: 2000 })
    expect(fitToDisplays(big, [laptop], laptop)).toEqual(
      state({ position: { x: 0, y: 0 }, width: 1440, height: 875 }),
    )
  })

  it('grows a window below the minimum size', () => {
    const tiny = fitToDisplays(state({ width: 200, height: 100 }), [laptop], laptop)
    expect(tiny).toMatchObject({ width: 900, height: 600 })
  })

  it('leaves an unplaced window unplaced, sized to the primary display', () => {
    expect(fitToDisplays(DEFAULT_WINDOW_STATE, [laptop], { x: 0, y: 0, width: 1024, height: 740 })).toEqual({
      position: null,
      width: 1024,
      height: 740,
      isMaximized: false,
    })
  })

  it('keeps the maximised flag', () => {
    expect(fitToDisplays(state({ isMaximized: true }), [laptop], laptop).isMaximized).toBe(true)
  })
})

describe('createWindowStateKeeper', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
    vi.restoreAllMocks()
  })

  function keeper(options: { write?: (file: string, data: string) => Promise<void> } = {}) {
    const dir = tempDir()
    const file = join(dir, 'window-state.json')
    const write = vi.fn(options.write ?? (async (_file: string, data: string) => writeFileSync(_file, data)))
    const keeper = createWindowStateKeeper({ file, debounceMs: 500, write })
    const window = new FakeWindow()
    keeper.track(asWindow(window))
    const saved = () => JSON.parse(readFileSync(file, 'utf8')) as unknown
    return { dir, file, write, keeper, window, saved }
  }

  it('writes once after a burst of moves has settled', async () => {
    const { write, window, saved } = keeper()
    for (let x = 0; x < 30; x++) window.moveTo(x, 10)
    await vi.advanceTimersByTimeAsync(499)
    expect(write).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(1)
    expect(write).toHaveBeenCalledOnce()
    expect(saved()).toEqual({
      version: 1,
      position: { x: 29, y: 10 },
      width: 1200,
      height: 780,
      isMaximized: false,
    })
  })

  it('saves when the window closes, without waiting', async () => {
    const { keeper: states, window, saved } = keeper()
    window.moveTo(300, 200)
    window.emit('close')
    await states.flush()
    expect(saved()).toMatchObject({ position: { x: 300, y: 200 } })
    expect(states.current().position).toEqual({ x: 300, y: 200 })
  })

  it('remembers the size a maximised window goes back to, and that it was maximised', async () => {
    const { keeper: states, window, saved } = keeper()
    window.maximized = true
    window.bounds = { x: 0, y: 0, width: 1920, height: 1040 }
    window.normalBounds = { x: 200, y: 100, width: 1000, height: 700 }
    window.emit('maximize')
    await states.flush()
    expect(saved()).toEqual({
      version: 1,
      position: { x: 200, y: 100 },
      width: 1000,
      height: 700,
      isMaximized: true,
    })
  })

  it('does not remember full screen or a minimised position', async () => {
    const { keeper: states, window, saved } = keeper()
    window.fullScreen = true
    window.bounds = { x: 0, y: 0, width: 2560, height: 1440 }
    window.emit('resize')
    await states.flush()
    expect(saved()).toMatchObject({ position: { x: 100, y: 50 }, width: 1200, isMaximized: false })

    window.fullScreen = false
    window.minimized = true
    window.bounds = { x: -32000, y: -32000, width: 160, height: 28 }
    window.emit('close')
    await states.flush()
    expect(saved()).toMatchObject({ position: { x: 100, y: 50 }, width: 1200 })
  })

  it('does not write again when nothing changed', async () => {
    const { keeper: states, write, window } = keeper()
    window.moveTo(5, 5)
    await states.flush()
    window.emit('move')
    window.emit('close')
    await states.flush()
    expect(write).toHaveBeenCalledOnce()
  })

  it('logs a failed write instead of throwing, and tries again on the next change', async () => {
    const errorLog = vi.spyOn(console, 'error').mockImplementation(() => {})
    let fail = true
    const {
      keeper: states,
      window,
      saved,
    } = keeper({
      write: async (file, data) => {
        if (fail) throw new Error('disk full')
        writeFileSync(file, data)
      },
    })
    window.moveTo(1, 1)
    await expect(states.flush()).resolves.toBeUndefined()
    expect(errorLog).toHaveBeenCalledWith(expect.stringContaining('window state'), expect.any(Error))
    fail = false
    window.moveTo(2, 2)
    await states.flush()
    expect(saved()).toMatchObject({ position: { x: 2, y: 2 } })
  })

  it('writes atomically with the store helper by default and loads the result back', async () => {
    vi.useRealTimers()
    const dir = tempDir()
    const file = join(dir, 'window-state.json')
    const first = createWindowStateKeeper({ file })
    expect(await first.load()).toEqual(DEFAULT_WINDOW_STATE)
    const window = new FakeWindow()
    first.track(asWindow(window))
    window.moveTo(42, 24)
    await first.flush()
    expect(readdirSync(dir)).toEqual(['window-state.json'])

    const second = createWindowStateKeeper({ file })
    expect(await second.load()).toEqual(state({ position: { x: 42, y: 24 } }))
    expect(second.current()).toEqual(state({ position: { x: 42, y: 24 } }))
  })

  it('ignores a window that is already destroyed', async () => {
    const { keeper: states, write, window } = keeper()
    window.destroyed = true
    window.emit('close')
    await states.flush()
    expect(write).not.toHaveBeenCalled()
  })
})
