/** One line of a benchmark's stdout: a figure next to the baseline measured in the same run. */
export interface BenchResult {
  name: string
  unit: string
  value: number
  baseline: { name: string; value: number }
  /** What the issue asks for, e.g. "ratio ≥ 0.9", shown for the reader; never asserted. */
  target?: string
}

export function report(result: BenchResult): void {
  process.stdout.write(`${JSON.stringify(result)}\n`)
}
