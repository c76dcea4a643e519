import type { LocalizedText } from '../../../../shared/domain/subscription.ts'

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
