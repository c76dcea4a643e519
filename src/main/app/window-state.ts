import { readFile } from 'node:fs/promises'
import type { BrowserWindow, Rectangle } from 'electron'
import { z } from 'zod'
import { writeFileAtomic } from '../../core/index.ts'

/** Kept in the userData folder, next to (not inside) the workspace files. */
export const WINDOW_STATE_FILE = 'window-state.json'
export const DEFAULT_WINDOW_SIZE = { width: 1280, height: 800 } as const
export const MIN_WINDOW_SIZE = { width: 900, height: 600 } as const

/** Where the window goes: no position means "let the OS centre it". */
export interface WindowState {
  position: { x: number; y: number } | null
  width: number
  height: number
  isMaximized: boolean
}

export const DEFAULT_WINDOW_STATE: WindowState = {
  position: null,
  ...DEFAULT_WINDOW_SIZE,
  isMaximized: false,
}

const coordinate = z.number().int().min(-1_000_000).max(1_000_000)
const length = z.number().int().min(1).max(1_000_000)
const WindowStateFileSchema = z.strictObject({
  version: z.literal(1),
  position: z.strictObject({ x: coordinate, y: coordinate }).nullable(),
  width: length,
  height: length,
  isMaximized: z.boolean(),
})

/** The saved state, or the defaults when the file is missing, unreadable or not what we wrote. */
export async function readWindowState(file: string): Promise<WindowState> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      console.warn(`Could not read ${file}; using the default window size.`, error)
    }
    return DEFAULT_WINDOW_STATE
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    console.warn(`${file} is not valid JSON; using the default window size.`)
    return DEFAULT_WINDOW_STATE
  }
  const parsed = WindowStateFileSchema.safeParse(json)
  if (!parsed.success) {
    console.warn(`${file} does not hold a window state; using the default window size.`)
    return DEFAULT_WINDOW_STATE
  }
  const { position, width, height, isMaximized } = parsed.data
  return { position, width, height, isMaximized }
}

function serialize(state: WindowState): string {
  return `${JSON.stringify({ version: 1, ...state }, null, 2)}\n`
}

const clamp = (value: number, min: number, max: number) => Math.min(Math.max(value, min), max)

function overlapArea(a: Rectangle, b: Rectangle): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)
  return width > 0 && height > 0 ? width * height : 0
}

/**
 * Fits a saved state onto the displays attached now (their work areas, i.e. without task bars
 * and docks), so a window saved on a monitor that is gone, or partly off a screen, comes back
 * entirely visible: it goes to the display it overlaps most (the primary one if none), shrinks to
 * that display if it is bigger, and is pushed inside its edges.
 */
export function fitToDisplays(
  state: WindowState,
  workAreas: readonly Rectangle[],
  primary: Rectangle,
): WindowState {
  const saved = state.position
  let area = primary
  let best = 0
  if (saved) {
    const rect = { ...saved, width: state.width, height: state.height }
    for (const candidate of workAreas) {
      const overlap = overlapArea(rect, candidate)
      if (overlap > best) {
        best = overlap
        area = candidate
      }
    }
  }
  const width = Math.min(Math.max(state.width, MIN_WINDOW_SIZE.width), area.width)
  const height = Math.min(Math.max(state.height, MIN_WINDOW_SIZE.height), area.height)
  if (!saved) return { position: null, width, height, isMaximized: state.isMaximized }
  const position =
    best === 0
      ? {
          x: area.x + Math.round((area.width - width) / 2),
          y: area.y + Math.round((area.height - height) / 2),
        }
      : {
          x: clamp(saved.x, area.x, area.x + area.width - width),
          y: clamp(saved.y, area.y, area.y + area.height - height),
        }
  return { position, width, height, isMaximized: state.isMaximized }
}

export interface WindowStateKeeperOptions {
  file: string
  /** Moves and resizes arrive in bursts: write once they have stopped for this long. */
  debounceMs?: number
  write?: (file: string, data: string) => Promise<void>
}

export interface WindowStateKeeper {
  /** Reads the saved state; call once before the first window opens. */
  load(): Promise<WindowState>
  /** The last known state (saved or observed), to place a new window with. */
  current(): WindowState
  /** Follows a window's moves, resizes and maximisation, and saves when it closes. */
  track(window: BrowserWindow): void
  /** Saves what is pending now and waits for every write to finish (before quitting). */
  flush(): Promise<void>
}

/** Remembers the main window's size, position and maximised state in `file`, written atomically. */
export function createWindowStateKeeper(options: WindowStateKeeperOptions): WindowStateKeeper {
  const debounceMs = options.debounceMs ?? 500
  const write = options.write ?? ((file, data) => writeFileAtomic(file, data))
  let state = DEFAULT_WINDOW_STATE
  /** What the file holds (or is being written to hold): an unchanged state is not written again. */
  let written = serialize(state)
  let writing: Promise<void> = Promise.resolve()
  let timer: NodeJS.Timeout | null = null
  let tracked: BrowserWindow | null = null

  const capture = (window: BrowserWindow) => {
    if (window.isDestroyed()) return
    // Maximised, minimised or full-screen windows report the size they would go back to, which
    // is what a restored window should use; full screen itself is not remembered.
    const isMaximized = window.isMaximized()
    const bounds =
      isMaximized || window.isMinimized() || window.isFullScreen()
        ? window.getNormalBounds()
        : window.getBounds()
    state = {
      position: { x: bounds.x, y: bounds.y },
      width: bounds.width,
      height: bounds.height,
      isMaximized,
    }
  }

  const save = (): Promise<void> => {
    const data = serialize(state)
    if (data === written) return writing
    written = data
    writing = writing
      .then(() => write(options.file, data))
      .catch((error: unknown) => {
        if (written === data) written = '' // so the next save tries again
        console.error(`Could not save the window state to ${options.file}:`, error)
      })
    return writing
  }

  const cancelTimer = () => {
    if (timer) clearTimeout(timer)
    timer = null
  }

  const saveSoon = (window: BrowserWindow) => {
    cancelTimer()
    timer = setTimeout(() => {
      timer = null
      capture(window)
      void save()
    }, debounceMs)
  }

  return {
    async load() {
      state = await readWindowState(options.file)
      written = serialize(state)
      return state
    },
    current: () => state,
    track(window) {
      tracked = window
      const soon = () => saveSoon(window)
      window.on('resize', soon)
      window.on('move', soon)
      window.on('maximize', soon)
      window.on('unmaximize', soon)
      window.on('close', () => {
        cancelTimer()
        capture(window)
        void save()
      })
      window.once('closed', () => {
        if (tracked === window) tracked = null
      })
    },
    async flush() {
      if (timer && tracked) capture(tracked)
      cancelTimer()
      await save()
    },
  }
}
