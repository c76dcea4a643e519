import { existsSync, statSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import {
  type CheckReport,
  type CheckResult,
  type Credentials,
  junitXmlOf,
  mustChecksPassed,
  planChecks,
  runChecks,
} from '../core/index.ts'
import { HookbenchError } from '../shared/errors.ts'
import { CHECK_USAGE, type CheckArgs } from './check-args.ts'
import { badArguments } from './options.ts'
import { packageVersion } from './paths.ts'

/** `hookbench check <url>`: runs the checks here (no Hookbench needed) and exits by the must checks. */
export async function check(args: CheckArgs): Promise<number> {
  if (args.junit !== undefined && !isFolder(dirname(args.junit))) {
    throw badArguments(`Invalid --junit: the folder ${dirname(args.junit)} does not exist.`, CHECK_USAGE)
  }
  const credentials: Credentials | null = args.basic ?? args.bearer ?? null
  const options = {
    url: args.url,
    profile: args.profile,
    secret: args.secret ?? null,
    credentials,
    ...(args.timeoutMs === undefined ? {} : { timeoutMs: args.timeoutMs }),
    ...(args.only === undefined ? {} : { only: args.only }),
    userAgent: `Hookbench/${packageVersion()} (check)`,
  }
  const plan = withUsage(() => planChecks(options))
  const width = Math.max(...plan.map((each) => each.id.length))
  if (!args.json) process.stdout.write(`Checking ${args.url} as ${args.profile} (${plan.length} checks)\n`)
  const report = await runChecks(options, (result) => {
    if (!args.json) process.stdout.write(`${lineOf(result, width)}\n`)
  })
  if (args.junit !== undefined) await writeFile(args.junit, junitXmlOf(report))
  process.stdout.write(args.json ? `${JSON.stringify(report, null, 2)}\n` : summaryOf(report, args))
  return mustChecksPassed(report) ? 0 : 1
}

function isFolder(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory()
}

/** Core refuses a check id or secret it cannot use; here that is a bad argument, with the usage. */
function withUsage<T>(run: () => T): T {
  try {
    return run()
  } catch (error) {
    if (error instanceof HookbenchError && error.code === 'bad_request') {
      throw badArguments(error.message, CHECK_USAGE)
    }
    throw error
  }
}

const MARKS = { pass: '✓', fail: '✗', skip: '-' } as const

/** `✗ rejects-tampered-body  expected 4xx, got accepted a tampered body: 200 OK in 2 ms` */
export function lineOf(result: CheckResult, width: number): string {
  const mark = result.ok === null ? MARKS.skip : result.ok ? MARKS.pass : MARKS.fail
  const id = result.id.padEnd(width)
  const level = result.level === 'should' ? ' (should)' : ''
  if (result.ok === null) return `${mark} ${id}  ${result.observed}${level}`
  return `${mark} ${id}  expected ${result.expected}, got ${result.observed}${level}`
}

export function summaryOf(report: CheckReport, args: Pick<CheckArgs, 'secret' | 'basic' | 'bearer'>): string {
  const mustFailures = report.checks.filter((each) => each.ok === false && each.level === 'must')
  const failed = report.failed === 0 ? '0 failed' : `${report.failed} failed (${mustFailures.length} must)`
  const lines = [`\n${report.passed} passed, ${failed}, ${report.skipped} skipped.`]
  const skippedFor = (needle: string) =>
    report.checks.filter((each) => each.ok === null && each.observed.includes(needle)).length
  const unsigned = skippedFor('secret')
  if (unsigned > 0 && !args.secret) {
    lines.push(`Pass --secret whsec_… to run the ${unsigned} signature check${unsigned === 1 ? '' : 's'}.`)
  }
  const uncredentialed = skippedFor('credentials')
  if (uncredentialed > 0 && !args.basic && !args.bearer) {
    lines.push(`Pass --basic user:password or --bearer TOKEN to run the ${uncredentialed} credential checks.`)
  }
  lines.push(
    mustFailures.length > 0
      ? `Must checks that failed: ${mustFailures.map((each) => each.id).join(', ')}.`
      : 'Every must check passed.',
  )
  return `${lines.join('\n')}\n`
}
