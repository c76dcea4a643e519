import type { CheckReport, CheckResult } from './report.ts'

/**
 * The report as JUnit XML, which CI systems show as test results: one testsuite for the run, one
 * testcase per check (a failed check is a <failure>, a skipped one <skipped>).
 */
export function junitXmlOf(report: CheckReport): string {
  const seconds = (from: string, to: string) => ((Date.parse(to) - Date.parse(from)) / 1000).toFixed(3)
  const suite = attributes({
    name: `hookbench check ${report.profile} ${report.url}`,
    tests: report.checks.length,
    failures: report.failed,
    errors: 0,
    skipped: report.skipped,
    timestamp: report.started_at,
    time: seconds(report.started_at, report.finished_at),
  })
  const cases = report.checks.map((check) => testcaseOf(check, report.profile))
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${suite}>`,
    `  <testsuite${suite}>`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n')
}

function testcaseOf(check: CheckResult, profile: string): string {
  const head = `    <testcase${attributes({
    classname: `hookbench.check.${profile}`,
    name: check.id,
    time: ((check.response?.ms ?? 0) / 1000).toFixed(3),
  })}`
  if (check.ok === true) return `${head}/>`
  if (check.ok === null)
    return `${head}>\n      <skipped${attributes({ message: check.observed })}/>\n    </testcase>`
  const message = `${check.level}: expected ${check.expected}, got ${check.observed}`
  const details = [check.title, message, check.error ? `error: ${check.error}` : '']
    .filter(Boolean)
    .join('\n')
  return [
    `${head}>`,
    `      <failure${attributes({ message, type: check.level })}>${escapeXml(details)}</failure>`,
    '    </testcase>',
  ].join('\n')
}

function attributes(values: Record<string, string | number>): string {
  return Object.entries(values)
    .map(([name, value]) => ` ${name}="${escapeXml(String(value))}"`)
    .join('')
}

/** Escaped for text and attributes alike; characters XML 1.0 cannot hold at all become U+FFFD. */
export function escapeXml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
}
