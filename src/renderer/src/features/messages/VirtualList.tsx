import { type ReactNode, type UIEvent, useEffect, useLayoutEffect, useRef, useState } from 'react'

interface VirtualListProps<T> {
  items: readonly T[]
  /** Every row is exactly this tall (px), so positions are arithmetic and nothing shifts. */
  rowHeight: number
  /** Height (px) of what `frame` puts above the rows (a sticky table header). */
  headerHeight?: number
  /**
   * Wraps the rendered rows in their container, which must be `height` px tall (border-box) with
   * `offset` px of padding above the rows, which follow one another in normal flow.
   */
  frame?: (rows: ReactNode[], height: number, offset: number) => ReactNode
  /** One row; it must be exactly `rowHeight` px tall, set by a class rather than inline. */
  renderRow: (item: T, index: number) => ReactNode
  /** Scrolled within `endThreshold` rows of the end: load more. */
  onEndReached?: () => void
  endThreshold?: number
  /** Identifies an item, so rows added above keep what is on screen where it is. */
  itemKey?: (item: T) => string
  /** Scrolls so this row is visible (keyboard navigation). */
  activeIndex?: number | null
  overscan?: number
  className?: string
  'aria-label'?: string
}

/**
 * A fixed-row-height virtual list: only the rows in view (plus a margin) are in the DOM. The rows
 * carry no inline position: one padding on their container moves them all. In a trace, rows with a
 * `top` of their own cost three times the style work per scrolled frame once scrolling reached rows
 * never shown before (no two rows styled alike), and frames were dropped.
 */
export function VirtualList<T>({
  items,
  rowHeight,
  headerHeight = 0,
  frame = defaultFrame,
  renderRow,
  onEndReached,
  endThreshold = 30,
  activeIndex = null,
  itemKey,
  overscan = 8,
  className,
  ...aria
}: VirtualListProps<T>) {
  const scroller = useRef<HTMLDivElement | null>(null)
  const [scrollTop, setScrollTop] = useState(0)
  const [viewport, setViewport] = useState(600)
  const pendingFrame = useRef(0)

  useLayoutEffect(() => {
    const element = scroller.current
    if (!element) return
    setViewport(element.clientHeight)
    const observer = new ResizeObserver(() => setViewport(element.clientHeight))
    observer.observe(element)
    return () => observer.disconnect()
  }, [])

  useEffect(() => () => cancelAnimationFrame(pendingFrame.current), [])

  // Newer items arriving on top would push the rows being read down: scroll by as much instead.
  const firstKey = useRef<string | null>(null)
  useLayoutEffect(() => {
    const element = scroller.current
    const first = items[0]
    const previous = firstKey.current
    firstKey.current = first !== undefined && itemKey ? itemKey(first) : null
    if (!element || !itemKey || previous === null || element.scrollTop === 0) return
    const moved = items.findIndex((item) => itemKey(item) === previous)
    if (moved > 0 && moved < 1_000) element.scrollTop += moved * rowHeight
  }, [items, itemKey, rowHeight])

  // One state update per frame however fast the wheel turns.
  const onScroll = (event: UIEvent<HTMLDivElement>) => {
    const top = event.currentTarget.scrollTop
    cancelAnimationFrame(pendingFrame.current)
    pendingFrame.current = requestAnimationFrame(() => setScrollTop(top))
  }

  useEffect(() => {
    const element = scroller.current
    if (activeIndex === null || !element) return
    const top = activeIndex * rowHeight
    const bodyHeight = element.clientHeight - headerHeight
    if (top < element.scrollTop) element.scrollTop = top
    else if (top + rowHeight > element.scrollTop + bodyHeight)
      element.scrollTop = top + rowHeight - bodyHeight
  }, [activeIndex, rowHeight, headerHeight])

  const bodyTop = Math.max(0, scrollTop - headerHeight)
  const first = Math.max(0, Math.floor(bodyTop / rowHeight) - overscan)
  const last = Math.min(items.length, Math.ceil((bodyTop + viewport) / rowHeight) + overscan)

  useEffect(() => {
    if (onEndReached && items.length > 0 && last >= items.length - endThreshold) onEndReached()
  }, [last, items.length, endThreshold, onEndReached])

  const rows: ReactNode[] = []
  for (let index = first; index < last; index++) {
    const item = items[index]
    if (item !== undefined) rows.push(renderRow(item, index))
  }

  return (
    <div ref={scroller} className={className} onScroll={onScroll} {...aria}>
      {frame(rows, items.length * rowHeight, first * rowHeight)}
    </div>
  )
}

function defaultFrame(rows: ReactNode[], height: number, offset: number): ReactNode {
  return <div style={{ boxSizing: 'border-box', height, paddingTop: offset }}>{rows}</div>
}
