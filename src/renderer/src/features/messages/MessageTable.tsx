import { type KeyboardEvent, type ReactNode, useCallback, useEffect, useRef, useState } from 'react'
import type { MessageSummary } from '../../../../shared/domain/message.ts'
import { useAppStore } from '../../state/index.ts'
import { isToday } from '../../ui/format.ts'
import { MessageRow } from './MessageRow.tsx'
import type { SubscriptionName } from './subscription-names.ts'
import { VirtualList } from './VirtualList.tsx'

/** Also `.messages-row`'s height in messages.css. */
const ROW_HEIGHT = 32
const HEADER_HEIGHT = 30
/**
 * Each column's class names the cells that messages.css hides when the table is narrow (the message
 * detail open): Attempts and Latency first (the detail shows both), then Subscription.
 */
const COLUMNS = [
  { label: 'Status', className: 'col-status' },
  { label: 'Topic', className: 'col-topic' },
  { label: 'Subscription', className: 'col-subscription' },
  { label: 'Attempts', className: 'col-attempts messages-cell-number' },
  { label: 'HTTP', className: 'col-http messages-cell-number' },
  { label: 'Latency', className: 'col-latency messages-cell-number' },
  { label: 'Time', className: 'col-time messages-cell-number' },
] as const

interface MessageTableProps {
  messages: readonly MessageSummary[]
  /** Every message matching the API-side filters, loaded or not. */
  total: number
  nameOf: (subscriptionId: string) => SubscriptionName
}

/** The messages, newest first; ↑ ↓ Home End move, Enter opens, scrolling to the end loads more. */
export function MessageTable({ messages, total, nameOf }: MessageTableProps) {
  const openId = useAppStore((state) => state.messageDetail.id)
  const showMessage = useAppStore((state) => state.showMessage)
  const loadMore = useAppStore((state) => state.loadMoreMessages)
  const loadingMore = useAppStore((state) => state.messageList.loadingMore)
  const loaded = useAppStore((state) => state.messageList.items.length)
  // A filter just changed: the rows are a preview until the API's page arrives.
  const updating = useAppStore((state) => state.messageList.status === 'loading')
  const [active, setActive] = useState(0)
  const [focusPending, setFocusPending] = useState(false)
  const wrapper = useRef<HTMLDivElement>(null)
  const activeIndex = Math.min(active, Math.max(messages.length - 1, 0))
  // Newest first: when the oldest row is from today, every row's time is short.
  const oldest = messages[messages.length - 1]
  const olderDays = oldest !== undefined && !isToday(oldest.created_at)

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLTableRowElement>, index: number) => {
      const next = nextIndex(event.key, index, messages.length)
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault()
        const message = messages[index]
        if (message) showMessage(message.message_id)
        return
      }
      if (next === null) return
      event.preventDefault()
      setActive(next)
      setFocusPending(true)
    },
    [messages, showMessage],
  )

  // The row to focus may only exist after the list scrolled to it and rendered.
  useEffect(() => {
    if (!focusPending) return
    const row = wrapper.current?.querySelector<HTMLElement>(`[data-row-index="${activeIndex}"]`)
    if (!row) return
    row.focus()
    setFocusPending(false)
  })

  const onOpen = useCallback(
    (id: string) => {
      const index = messages.findIndex((message) => message.message_id === id)
      if (index >= 0) setActive(index)
      showMessage(id)
    },
    [messages, showMessage],
  )

  const frame = (rows: ReactNode[], height: number, offset: number) => (
    <table
      className={olderDays ? 'messages-table has-older-days' : 'messages-table'}
      aria-label="Messages"
      aria-rowcount={total + 1}
      aria-busy={updating}
    >
      <thead>
        <tr aria-rowindex={1} style={{ height: HEADER_HEIGHT }}>
          {COLUMNS.map((column) => (
            <th key={column.label} scope="col" className={column.className}>
              {column.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody style={{ height, paddingTop: offset }}>{rows}</tbody>
    </table>
  )

  return (
    <div ref={wrapper} className="messages-table-wrap">
      <VirtualList
        className="messages-scroller"
        items={messages}
        rowHeight={ROW_HEIGHT}
        headerHeight={HEADER_HEIGHT}
        frame={frame}
        itemKey={messageKey}
        activeIndex={focusPending ? activeIndex : null}
        onEndReached={loadMore}
        renderRow={(message, index) => (
          <MessageRow
            key={message.message_id}
            message={message}
            subscription={nameOf(message.subscription_id)}
            index={index}
            tabbable={index === activeIndex}
            open={message.message_id === openId}
            onOpen={onOpen}
            onKeyDown={onKeyDown}
          />
        )}
      />
      <p className="messages-table-foot" aria-live="polite">
        {updating ? 'Updating…' : loadingMore ? 'Loading older messages…' : footNote(loaded, total)}
      </p>
    </div>
  )
}

function messageKey(message: MessageSummary): string {
  return message.message_id
}

function footNote(shown: number, total: number): string {
  if (total === 0) return ''
  return shown >= total
    ? `All ${total.toLocaleString()} shown`
    : `${shown.toLocaleString()} of ${total.toLocaleString()} loaded · scroll for more`
}

function nextIndex(key: string, index: number, length: number): number | null {
  switch (key) {
    case 'ArrowDown':
      return Math.min(index + 1, length - 1)
    case 'ArrowUp':
      return Math.max(index - 1, 0)
    case 'PageDown':
      return Math.min(index + 15, length - 1)
    case 'PageUp':
      return Math.max(index - 15, 0)
    case 'Home':
      return 0
    case 'End':
      return length - 1
    default:
      return null
  }
}
