import { describe, expect, it } from 'vitest'
import { escapeXml, junitXmlOf } from '../../../../src/core/checks/junit.ts'
import type { CheckReport, CheckResult } from '../../../../src/core/checks/report.ts'

function result(overrides: Partial<CheckResult>): CheckResult {
  return {
    id: 'accepts-valid-delivery',
    title: 'Accepts a fresh, correctly signed delivery',
    level: 'must',
    ok: true,
    expected: '2xx',
    observed: '200 OK in 3 ms',
    request: null,
    response: { status: 200, headers: [], body: '', ms: 3.4 },
    error: null,
    ...overrides,
  }
}

const report: CheckReport = {
  url: 'http://127.0.0.1:3000/hooks?a=1&b=<2>',
  profile: 'standard',
  started_at: '2026-01-01T00:00:00.000Z',
  finished_at: '2026-01-01T00:00:01.250Z',
  passed: 1,
  failed: 1,
  skipped: 1,
  checks: [
    result({}),
    result({
      id: 'rejects-tampered-body',
      ok: false,
      expected: '4xx',
      observed: 'accepted a tampered body: 200 OK in 2 ms',
      error: 'odd "quotes" & \u0007bell',
    }),
    result({
      id: 'rejects-wrong-secret',
      ok: null,
      observed: 'skipped: no signing secret given',
      response: null,
    }),
  ],
}

/** Well-formed XML as far as JUnit reports go: one root, nested tags, quoted attributes, known entities. */
function assertWellFormed(xml: string): void {
  const body = xml.replace(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n/, '')
  const open: string[] = []
  for (const token of body.match(/<[^>]*>|[^<]+/g) ?? []) {
    if (!token.startsWith('<')) {
      expect(token).not.toMatch(/&(?!(amp|lt|gt|quot|apos);)/)
      continue
    }
    const tag = /^<(\/?)([A-Za-z][\w.-]*)((?:\s+[\w.-]+="[^"<]*")*)\s*(\/?)>$/.exec(token)
    if (!tag) throw new Error(`not a well-formed tag: ${token}`)
    const [, closing, name = '', attrs = '', selfClosing] = tag
    expect(attrs).not.toMatch(/&(?!(amp|lt|gt|quot|apos);)/)
    if (closing) expect(open.pop()).toBe(name)
    else if (!selfClosing) open.push(name)
  }
  expect(open).toEqual([])
}

describe('junitXmlOf', () => {
  it('writes one testcase per check: passed, failed with why, skipped', () => {
    const xml = junitXmlOf(report)
    assertWellFormed(xml)
    expect(xml).toContain(
      '<testsuite name="hookbench check standard http://127.0.0.1:3000/hooks?a=1&amp;b=&lt;2&gt;" tests="3" failures="1" errors="0" skipped="1" timestamp="2026-01-01T00:00:00.000Z" time="1.250">',
    )
    expect(xml).toContain(
      '<testcase classname="hookbench.check.standard" name="accepts-valid-delivery" time="0.003"/>',
    )
    expect(xml).toContain(
      '<failure message="must: expected 4xx, got accepted a tampered body: 200 OK in 2 ms" type="must">',
    )
    expect(xml).toContain('error: odd &quot;quotes&quot; &amp; \uFFFDbell</failure>')
    expect(xml).toContain('<skipped message="skipped: no signing secret given"/>')
  })

  it('escapes what XML cannot hold as text', () => {
    expect(escapeXml(`<a href='x'>&"\u0000`)).toBe('&lt;a href=&apos;x&apos;&gt;&amp;&quot;\uFFFD')
  })
})
