// In-page probes of the Messages page benchmark (bench/messages-ui.bench.ts). Each function is
// serialized by Playwright's page.evaluate and runs in the browser, so it may use nothing from this
// module's scope: only its argument and the page's globals.

export interface FilterProbe {
  /** Which toolbar `select.toolbar-select` (0 status, 1 subscription, 2 topic). */
  select: number
  /** API query field the select sets. */
  field: string
  /** The option chosen; '' for "any". */
  value: string
  /** What every row's cell for that field must read ('' for any). */
  expect: string
  /** The message_ids the API lists first for this filter: what the table must end up showing. */
  apiIds: string[]
}

export interface FilterTiming {
  /** From the change event until the first frame painted with only matching rows. */
  firstMs: number
  /** Until the frame painted with exactly the API's answer on screen. */
  settledMs: number
}

export interface ScrollFrames {
  onTimePercent: number
  within33Percent: number
  p95Ms: number
  /** How far down the table the scroll got, in rows. */
  rowsReached: number
  /** Frames spent at the end of the loaded rows, waiting for the next page. */
  framesWaiting: number
}

/** The browser globals the probes use (bench/ is type-checked without the DOM library). */
interface Row {
  cells: ArrayLike<{ textContent: string | null }>
  dataset: { messageId?: string }
}
interface Scroller {
  scrollTop: number
  scrollHeight: number
  clientHeight: number
  textContent: string | null
}
interface PageGlobals {
  document: {
    querySelector(selector: string): (Scroller & { getAttribute(name: string): string | null }) | null
    querySelectorAll(selector: string): ArrayLike<Row>
    addEventListener(type: string, listener: (event: { timeStamp: number }) => void, options: object): void
  }
  requestAnimationFrame(callback: (time: number) => void): number
  MutationObserver: new (
    callback: () => void,
  ) => { observe(target: unknown, options: object): void; disconnect(): void }
  MessageChannel: new () => {
    port1: { onmessage: (() => void) | null }
    port2: { postMessage(message: unknown): void }
  }
  __filterProbe?: { result: FilterTiming | null }
}

/** Installs the filter stopwatch; the next `change` event in the page starts it. */
function armFilter(probe: FilterProbe): void {
  const page = globalThis as unknown as PageGlobals
  const doc = page.document
  const column = probe.field === 'status' ? 0 : 1
  const state: { result: FilterTiming | null } = { result: null }
  page.__filterProbe = state
  let changedAt: number | null = null
  let firstSeen = false
  let firstMs: number | null = null
  let settling = false

  const rows = () => Array.from(doc.querySelectorAll('table[aria-label="Messages"] tbody tr'))
  const matches = () => {
    const shown = rows()
    if (shown.length === 0) return false
    if (!probe.expect) return true
    return shown.every((row) => row.cells[column]?.textContent?.trim().toLowerCase() === probe.expect)
  }
  const busy = () => doc.querySelector('table[aria-label="Messages"]')?.getAttribute('aria-busy') === 'true'
  const showsApiPage = () => {
    const ids = rows().map((row) => row.dataset.messageId ?? '')
    return ids.length > 0 && ids.every((id, index) => id === probe.apiIds[index])
  }
  // After the frame that shows the change: a task queued from requestAnimationFrame runs once it painted.
  const afterPaint = (done: (ms: number) => void) => {
    page.requestAnimationFrame(() => {
      const channel = new page.MessageChannel()
      channel.port1.onmessage = () => done(performance.now() - (changedAt ?? 0))
      channel.port2.postMessage(null)
    })
  }
  const check = () => {
    if (changedAt === null || settling) return
    const ok = matches()
    if (ok && !firstSeen) {
      firstSeen = true
      afterPaint((ms) => {
        firstMs = ms
      })
    }
    if (ok && !busy() && showsApiPage()) {
      settling = true
      afterPaint((ms) => {
        observer.disconnect()
        state.result = { firstMs: firstMs ?? ms, settledMs: ms }
      })
    }
  }
  const observer = new page.MutationObserver(check)
  observer.observe(doc.querySelector('.messages-main'), {
    subtree: true,
    childList: true,
    characterData: true,
    attributes: true,
  })
  doc.addEventListener(
    'change',
    (event) => {
      changedAt = event.timeStamp
    },
    { capture: true, once: true },
  )
}

/** The timing once the table settled, else null (waitForFunction polls it). */
function filterResult(): FilterTiming | null {
  return (globalThis as unknown as PageGlobals).__filterProbe?.result ?? null
}

/**
 * Scrolls the table by `step` px every animation frame for `frames` frames, recording each frame's
 * timestamp: a frame that took longer than a 60 Hz vsync is one the user saw stutter. At the end of
 * the loaded rows it holds while the next page loads, and turns back only at the end of the table.
 */
function scroll({ frames, step }: { frames: number; step: number }): Promise<ScrollFrames> {
  const page = globalThis as unknown as PageGlobals
  const scroller = page.document.querySelector('.message-scroller')
  if (!scroller) throw new Error('no .message-scroller on the page')
  const foot = page.document.querySelector('.message-table-foot')
  const times: number[] = []
  let direction = 1
  let deepest = 0
  let framesWaiting = 0
  return new Promise((resolve) => {
    const tick = (time: number) => {
      times.push(time)
      deepest = Math.max(deepest, scroller.scrollTop)
      if (times.length > frames) {
        const gaps = times.slice(1).map((t, i) => t - (times[i] ?? t))
        const sorted = [...gaps].sort((a, b) => a - b)
        // rAF timestamps are vsync times: one frame is 16.67 ms, a missed one 33.3 ms.
        const share = (limit: number) => (100 * gaps.filter((gap) => gap <= limit).length) / gaps.length
        resolve({
          onTimePercent: share(17),
          within33Percent: share(34),
          p95Ms: sorted[Math.floor(sorted.length * 0.95)] ?? 0,
          rowsReached: Math.round(deepest / 32),
          framesWaiting,
        })
        return
      }
      const end = scroller.scrollHeight - scroller.clientHeight
      const next = scroller.scrollTop + step * direction
      // The table's foot reads "All N shown" once every matching message is loaded.
      const wholeTable = foot?.textContent?.startsWith('All ') ?? false
      if (next < 0 || (next > end && wholeTable)) direction = -direction
      if (next > end && !wholeTable) framesWaiting++
      else scroller.scrollTop += step * direction
      page.requestAnimationFrame(tick)
    }
    page.requestAnimationFrame(tick)
  })
}

export const probes = { armFilter, filterResult, scroll }
