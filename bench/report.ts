/** One line of a benchmark's stdout: a figure next to the baseline measured in the same run. */
export interface BenchResult {
  name: string
  unit: string
  value: number
  baseline: { name: string; value: number }
  /** The figure aimed for, e.g. "ratio ≥ 0.9" (README, "Benchmarks"), shown for the reader; never asserted. */
  target?: string
}

export function report(result: BenchResult): void {
  process.stdout.write(`${JSON.stringify(result)}\n`)
}

/** The middle value: what benchmarks report from interleaved rounds on this noisy machine. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = sorted.length >> 1
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2
}
