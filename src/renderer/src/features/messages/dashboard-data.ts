import { formatCount, plural } from '../../ui/format.ts'
import type { DashboardPoint } from './dashboard-slice.ts'

export interface MinuteBucket {
  /** Start of the minute (ms). */
  start: number
  delivered: number
  failed: number
  pending: number
}

export interface DashboardSummary {
  buckets: MinuteBucket[]
  total: number
  delivered: number
  /** Delivered, failed or exhausted: the messages the success rate is made of. */
  settled: number
  /** Not settled yet: queued, or waiting to retry after a failed attempt (`retrying`). */
  pending: number
  retrying: number
  /** Delivered out of those that settled (delivered, failed or exhausted); null when none did. */
  successRate: number | null
  peak: number
}

/** Messages of the last `minutes` minutes before `until`, counted per minute by outcome. */
export function summarize(points: readonly DashboardPoint[], until: number, minutes = 60): DashboardSummary {
  const end = Math.ceil(until / 60_000) * 60_000
  const begin = end - minutes * 60_000
  const buckets: MinuteBucket[] = Array.from({ length: minutes }, (_, i) => ({
    start: begin + i * 60_000,
    delivered: 0,
    failed: 0,
    pending: 0,
  }))
  let delivered = 0
  let settled = 0
  let total = 0
  let pending = 0
  let retrying = 0
  for (const point of points) {
    const bucket = buckets[Math.floor((point.at - begin) / 60_000)]
    if (!bucket) continue
    total++
    if (point.status === 'delivered') {
      bucket.delivered++
      delivered++
      settled++
    } else if (point.status === 'pending') {
      bucket.pending++
      pending++
      if (point.attempts > 0) retrying++
    } else {
      bucket.failed++
      settled++
    }
  }
  const peak = buckets.reduce((max, b) => Math.max(max, b.delivered + b.failed + b.pending), 0)
  const successRate = settled === 0 ? null : delivered / settled
  return { buckets, total, delivered, settled, pending, retrying, successRate, peak }
}

/**
 * What the success rate leaves out, said beside it: "2 retrying" (each failed at least once),
 * "3 pending" (queued), "3 pending, 1 retrying"; null when every message settled.
 */
export function pendingNote(pending: number, retrying: number): string | null {
  if (pending === 0) return null
  if (retrying === pending) return `${formatCount(retrying)} retrying`
  if (retrying === 0) return `${formatCount(pending)} pending`
  return `${formatCount(pending)} pending, ${formatCount(retrying)} retrying`
}

/** The success rate's tooltip: how it is computed, from what. */
export function rateExplanation(
  summary: Pick<DashboardSummary, 'delivered' | 'settled' | 'pending'>,
): string {
  const pending =
    summary.pending === 0
      ? 'No message is pending.'
      : `Pending messages (queued or waiting to retry) count once they settle: ${plural(summary.pending, 'is', 'are')} pending now.`
  return `Success rate = delivered ÷ (delivered + failed + exhausted) over the last hour: ${formatCount(summary.delivered)} of ${formatCount(summary.settled)}. ${pending}`
}

/** The per-minute success rate as SVG polylines (y: 100 % at the top), broken where nothing settled. */
export function ratePolylines(buckets: readonly MinuteBucket[], width: number, height: number): string[] {
  const step = width / buckets.length
  const lines: string[] = []
  let current: string[] = []
  for (const [i, bucket] of buckets.entries()) {
    const settled = bucket.delivered + bucket.failed
    if (settled === 0) {
      if (current.length > 0) lines.push(current.join(' '))
      current = []
      continue
    }
    // Two points per minute (a step line), so a lone busy minute still draws a segment.
    const y = (height - (bucket.delivered / settled) * (height - 2) - 1).toFixed(1)
    current.push(`${(i * step).toFixed(1)},${y}`, `${((i + 1) * step).toFixed(1)},${y}`)
  }
  if (current.length > 0) lines.push(current.join(' '))
  return lines
}
