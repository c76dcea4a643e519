import type { MessageStatus } from '../../../shared/domain/message.ts'
import type { LocalizedText } from '../../../shared/domain/subscription.ts'
import type { RetentionKind } from '../../../shared/settings.ts'

/**
 * How the UI writes times, sizes, counts, ids and schedules: one place, so every page says
 * the same thing the same way.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** A pasted message_id (a GUID), with the blanks a copy may bring trimmed off. */
export function asMessageId(text: string): string | null {
  const trimmed = text.trim()
  return UUID.test(trimmed) ? trimmed.toLowerCase() : null
}

// toLocaleTimeString builds a new Intl formatter per call: in a profile of the Messages table
// (a filter change renders some 40 rows) that cost more than rendering the rows, so they are built once.
// h23 says what is meant; `hour12: false` gives 24:03:07 just after midnight with older ICU data.
const timeFormat = new Intl.DateTimeFormat(undefined, {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
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

/** A localized name shows its first locale; an empty one says so instead of showing nothing. */
export function textOf(text: LocalizedText | undefined): string {
  if (text === undefined) return ''
  if (typeof text === 'string') return text
  return Object.values(text)[0] ?? ''
}

const UNITS: ReadonlyArray<[number, string]> = [
  [86_400, 'd'],
  [3600, 'h'],
  [60, 'min'],
]

function trimmed(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(value < 10 ? 1 : 0).replace(/\.0$/, '')
}

/** 5 → "5 s", 300 → "5 min", 7200 → "2 h", 0.5 → "0.5 s". */
export function formatSeconds(seconds: number): string {
  for (const [size, unit] of UNITS) {
    if (seconds >= size) return `${trimmed(seconds / size)} ${unit}`
  }
  if (seconds < 1 && seconds > 0) return `${trimmed(seconds * 1000)} ms`
  return `${trimmed(seconds)} s`
}

/** "now, 5 s, 5 min, 30 min…": when each attempt runs, as the delay after the one before. */
export function schedulePreview(schedule: readonly number[]): string {
  return schedule
    .map((seconds, index) => (index === 0 && seconds === 0 ? 'now' : formatSeconds(seconds)))
    .join(', ')
}

/** How long a whole schedule takes, with and without compressed time. */
export function scheduleSpan(schedule: readonly number[], timeScale: number): string {
  const total = schedule.reduce((sum, seconds) => sum + seconds, 0)
  const attempts = `${schedule.length} ${schedule.length === 1 ? 'attempt' : 'attempts'}`
  const span = `${attempts} over ${formatSeconds(total)}`
  if (!(timeScale > 1)) return span
  return `${span} of schedule — ${formatSeconds(total / timeScale)} of real time at ×${timeScale.toLocaleString()}`
}

/** "2 min ago", for timestamps in lists. */
export function relativeTime(iso: string, now = Date.now()): string {
  const seconds = Math.round((now - Date.parse(iso)) / 1000)
  if (Number.isNaN(seconds)) return ''
  if (seconds < 5) return 'just now'
  if (seconds < 60) return `${seconds} s ago`
  return `${formatSeconds(seconds).replace(/\.\d+/, '')} ago`
}

export function formatDateTime(iso: string): string {
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString()
}

/** `14:03:07.123` today, `Nov 24 14:03:07` on another day: captures come fast, milliseconds matter. */
export function timeOf(iso: string, now = new Date()): string {
  const date = new Date(iso)
  const time = timeFormat.format(date)
  const ms = String(date.getMilliseconds()).padStart(3, '0')
  return sameDay(date, now) ? `${time}.${ms}` : `${dayFormat.format(date)} ${time}`
}

export function sizeOf(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

/** The body's bytes, whether it is stored as text or as base64. */
export function bytesOf(body: string, encoding: 'utf8' | 'base64'): Uint8Array {
  if (encoding === 'utf8') return new TextEncoder().encode(body)
  const binary = atob(body)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}

/** Offset, 16 bytes in hex, and the printable ASCII: what `xxd` shows. */
export function hexDump(bytes: Uint8Array, limit = 64 * 1024): string {
  const lines: string[] = []
  const end = Math.min(bytes.length, limit)
  for (let offset = 0; offset < end; offset += 16) {
    const row = bytes.subarray(offset, Math.min(offset + 16, end))
    const hex = Array.from(row, (byte) => byte.toString(16).padStart(2, '0'))
    const pairs: string[] = []
    for (let i = 0; i < 16; i += 2) pairs.push(`${hex[i] ?? '  '}${hex[i + 1] ?? '  '}`)
    const ascii = Array.from(row, (byte) =>
      byte >= 0x20 && byte < 0x7f ? String.fromCharCode(byte) : '.',
    ).join('')
    lines.push(`${offset.toString(16).padStart(8, '0')}: ${pairs.join(' ')}  ${ascii}`)
  }
  if (bytes.length > end) lines.push(`… ${bytes.length - end} more bytes`)
  return lines.join('\n')
}

export function prettyJson(text: string): string | null {
  if (!/^\s*[[{]/.test(text)) return null
  try {
    return JSON.stringify(JSON.parse(text), null, 2)
  } catch {
    return null
  }
}

/** A curl that captures a webhook: the one command the empty state teaches. */
export function sampleCurl(url: string): string {
  return `curl -X POST '${url}' -H 'content-type: application/json' -d '{"hello":"world"}'`
}

const BYTE_UNITS = ['KB', 'MB', 'GB', 'TB'] as const

/** 0 B, 812 B, 4.2 KB, 37 MB: one decimal while it still says something. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  let value = bytes
  let unit: string = 'B'
  for (const next of BYTE_UNITS) {
    if (value < 1024) break
    value /= 1024
    unit = next
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value).toString()} ${unit}`
}

export function formatCount(count: number): string {
  return count.toLocaleString()
}

/** "1 bin", "3 bins", "0 auth configs". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`
}

/** How the kinds of history are called on this page. */
export const kindLabels: Record<RetentionKind, string> = {
  events: 'Events',
  messages: 'Messages',
  attempts: 'Attempts',
  requests: 'Captured requests',
  check_runs: 'Check runs',
}
