import { useMemo } from 'react'
import { useAppStore } from '../../state/index.ts'
import { plural } from '../../ui/format.ts'
import {
  type MinuteBucket,
  pendingNote,
  rateExplanation,
  ratePolylines,
  summarize,
} from './dashboard-data.ts'

const WIDTH = 600
const HEIGHT = 64

/** Deliveries per minute and success rate over the last hour, drawn from the messages listed. */
export function Dashboard() {
  const dashboard = useAppStore((state) => state.dashboard)
  const summary = useMemo(() => summarize(dashboard.points, dashboard.until), [dashboard])
  const rate = summary.successRate === null ? '—' : `${Math.round(summary.successRate * 100)}%`
  const note = pendingNote(summary.pending, summary.retrying)
  // "1 message", "2,345 messages": the number large, the word small.
  const [count, unit] = plural(summary.total, 'message').split(' ')

  return (
    <section className="messages-dashboard" aria-label="Last hour">
      <dl className="messages-dashboard-figures">
        <div>
          <dt>Last hour</dt>
          <dd>
            {count}
            {dashboard.capped ? '+' : ''} <span className="messages-dashboard-unit">{unit}</span>
          </dd>
        </div>
        <div data-testid="success-rate" title={rateExplanation(summary)}>
          <dt>Success rate</dt>
          <dd>
            <span className={rateClass(summary.successRate, summary.retrying)}>{rate}</span>
            {note ? <span className="messages-dashboard-note text-warn"> {note}</span> : null}
          </dd>
        </div>
        <div>
          <dt>Peak</dt>
          <dd>
            {summary.peak} <span className="messages-dashboard-unit">/ min</span>
          </dd>
        </div>
      </dl>
      <div className="messages-dashboard-chart">
        <Chart buckets={summary.buckets} peak={summary.peak} />
        <p className="messages-dashboard-legend" aria-hidden="true">
          <span className="messages-legend-delivered">delivered</span>
          <span className="messages-legend-failed">failed</span>
          <span className="messages-legend-pending">pending</span>
          <span className="messages-legend-rate">success rate</span>
          <span className="messages-legend-axis">−60 min … now</span>
        </p>
      </div>
    </section>
  )
}

function Chart({ buckets, peak }: { buckets: readonly MinuteBucket[]; peak: number }) {
  const step = WIDTH / buckets.length
  const scale = peak === 0 ? 0 : HEIGHT / peak
  const lines = ratePolylines(buckets, WIDTH, HEIGHT)
  const description = `Messages per minute over the last hour, peak ${peak} per minute.`
  return (
    <svg
      className="messages-chart"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      preserveAspectRatio="none"
      role="img"
      aria-label={description}
    >
      <line className="messages-chart-base" x1={0} x2={WIDTH} y1={HEIGHT - 0.5} y2={HEIGHT - 0.5} />
      {buckets.map((bucket, i) => {
        const x = i * step + 1
        const w = Math.max(step - 2, 1)
        let y = HEIGHT
        const parts: Array<[string, number]> = [
          ['messages-bar-delivered', bucket.delivered],
          ['messages-bar-failed', bucket.failed],
          ['messages-bar-pending', bucket.pending],
        ]
        return (
          <g key={bucket.start}>
            <title>{`${new Date(bucket.start).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })}: ${bucket.delivered} delivered, ${bucket.failed} failed, ${bucket.pending} pending`}</title>
            {parts.map(([className, count]) => {
              if (count === 0) return null
              const h = count * scale
              y -= h
              return <rect key={className} className={className} x={x} y={y} width={w} height={h} />
            })}
          </g>
        )
      })}
      {lines.map((points) => (
        <polyline
          key={points}
          className="messages-chart-rate"
          points={points}
          vectorEffect="non-scaling-stroke"
        />
      ))}
    </svg>
  )
}

/** Not green while messages fail and wait to retry, however many others were delivered. */
function rateClass(rate: number | null, retrying: number): string | undefined {
  if (rate === null) return undefined
  if (rate >= 0.95) return retrying > 0 ? 'text-warn' : 'text-ok'
  return rate >= 0.8 ? 'text-warn' : 'text-danger'
}
