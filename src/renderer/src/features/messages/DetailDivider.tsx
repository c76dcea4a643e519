import { type KeyboardEvent, type PointerEvent, useRef } from 'react'
import { useAppStore } from '../../state/index.ts'
import { DETAIL_SHARE } from './detail-share.ts'

/**
 * The divider between the messages and the open message: drag it, or focus it and use ← → (Home
 * and End for the narrowest and widest detail); a double click goes back to the initial width.
 * Its value is the detail's share of the page, in percent.
 */
export function DetailDivider() {
  const share = useAppStore((state) => state.messageDetailShare)
  const resize = useAppStore((state) => state.resizeMessageDetail)
  const dragging = useRef(false)

  // The share is of the layout the divider sits in: its parent.
  const shareAt = (event: PointerEvent<HTMLDivElement>) => {
    const layout = event.currentTarget.parentElement?.getBoundingClientRect()
    return layout && layout.width > 0 ? (layout.right - event.clientX) / layout.width : share
  }

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return
    event.preventDefault()
    event.currentTarget.setPointerCapture(event.pointerId)
    event.currentTarget.focus()
    dragging.current = true
  }
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (dragging.current) resize(shareAt(event), false)
  }
  const onPointerUp = (event: PointerEvent<HTMLDivElement>) => {
    if (!dragging.current) return
    dragging.current = false
    resize(shareAt(event), true)
  }

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const next = keyedShare(event.key, share)
    if (next === null) return
    event.preventDefault()
    resize(next, true)
  }

  return (
    // biome-ignore lint/a11y/useSemanticElements: a focusable, movable separator has no HTML element (<hr> cannot be focused or dragged).
    <div
      className="messages-detail-divider"
      role="separator"
      aria-orientation="vertical"
      aria-label="Resize the message detail"
      aria-controls="message-detail"
      aria-valuemin={Math.round(DETAIL_SHARE.min * 100)}
      aria-valuemax={Math.round(DETAIL_SHARE.max * 100)}
      aria-valuenow={Math.round(share * 100)}
      aria-valuetext={`Detail ${Math.round(share * 100)} % wide`}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={() => {
        dragging.current = false
      }}
      onDoubleClick={() => resize(DETAIL_SHARE.initial, true)}
      onKeyDown={onKeyDown}
    />
  )
}

/** The arrows move the divider (← widens the detail); Home and End give it its least and most. */
function keyedShare(key: string, share: number): number | null {
  switch (key) {
    case 'ArrowLeft':
      return share + DETAIL_SHARE.step
    case 'ArrowRight':
      return share - DETAIL_SHARE.step
    case 'Home':
      return DETAIL_SHARE.min
    case 'End':
      return DETAIL_SHARE.max
    default:
      return null
  }
}
