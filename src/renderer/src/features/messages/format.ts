import type { MessageStatus } from '../../../../shared/domain/message.ts'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** A pasted message_id (a GUID), with the blanks a copy may bring trimmed off. */
export function asMessageId(text: string): string | null {
  const trimmed = text.trim()
  return UUID.test(trimmed) ? trimmed.toLowerCase() : null
}

// toLocaleTimeString builds a new Intl formatter per call: in a profile of the Messages table
// (a filter change renders some 40 rows) that cost more than rendering the rows, so they are built once.
const timeFormat = new Intl.DateTimeFormat(undefined, {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
})
const dayFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' })

/** 14:03:27 today, "12 Mar 14:03:27" on another day. */
export function formatTime(iso: string, now = new Date()): string {
  const date = new Date(iso)
  const time = timeFormat.format(date)
  if (sameDay(date, now)) return time
  return `${dayFormat.format(date)} ${time}`
}

/** Whether a time falls on today's date, here. */
export function isToday(iso: string, now = new Date()): boolean {
  return sameDay(new Date(iso), now)
}

function sameDay(a: Date, b: Date): boolean {
  return a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate()
}

export function formatLatency(ms: number | null): string {
  if (ms === null) return '—'
  if (ms < 10) return `${ms.toFixed(1)} ms`
  if (ms < 10_000) return `${Math.round(ms)} ms`
  return `${(ms / 1000).toFixed(1)} s`
}

export const statusLabels: Record<MessageStatus, string> = {
  pending: 'Pending',
  delivered: 'Delivered',
  failed: 'Failed',
  exhausted: 'Exhausted',
}

/** The first 8 characters of an id: enough to tell rows apart, the full id is in the detail. */
export function shortId(id: string): string {
  return id.slice(0, 8)
}
