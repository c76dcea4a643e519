import type { RetentionKind } from '../../../../shared/settings.ts'

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

/** How the four kinds of history are called on this page. */
export const kindLabels: Record<RetentionKind, string> = {
  events: 'Events',
  messages: 'Messages',
  attempts: 'Attempts',
  requests: 'Captured requests',
}
