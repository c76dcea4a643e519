// `npm run bench`: runs every bench/*.bench.ts in its own Node process, one after another (so they
// do not compete for our two cores), and prints what each measured next to the baseline it measured
// in the same run. Benchmarks report; they never pass or fail.
import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import type { BenchResult } from './report.ts'

const dir = import.meta.dirname
const only = process.argv.slice(2)
const files = readdirSync(dir)
  .filter((file) => file.endsWith('.bench.ts'))
  .filter((file) => only.length === 0 || only.some((name) => file.includes(name)))
  .sort()

if (files.length === 0) {
  console.log('No benchmarks matched.')
  process.exit(0)
}

const results: BenchResult[] = []
for (const file of files) {
  console.error(`▶ ${file}`)
  const run = spawnSync(process.execPath, [join(dir, file)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  if (run.status !== 0) {
    console.error(`  ${file} exited with ${run.status}; its results are missing.`)
    continue
  }
  for (const line of run.stdout.split('\n')) {
    if (line.startsWith('{')) results.push(JSON.parse(line) as BenchResult)
  }
}

const rows = results.map((r) => ({
  benchmark: r.name,
  measured: `${format(r.value)} ${r.unit}`,
  baseline: `${format(r.baseline.value)} ${r.unit} (${r.baseline.name})`,
  ratio: `${(r.value / r.baseline.value).toFixed(2)}×`,
  target: r.target ?? '',
}))
console.table(rows)

function format(value: number): string {
  return value >= 100 ? Math.round(value).toLocaleString('en-US') : value.toFixed(2)
}
