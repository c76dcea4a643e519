import { z } from 'zod'

type RawIssue = z.core.$ZodRawIssue
interface NestedIssue {
  code: string
  path: PropertyKey[]
  message: string
  expected?: string
}

/**
 * Messages people can act on, for every schema in the product (installed once, globally, by
 * src/shared/errors.ts, which every boundary imports): "required" rather than "Invalid input:
 * expected string, received undefined", and for a value that matches none of a union's forms, the
 * form it came closest to rather than a bare "Invalid input". Anything else keeps zod's message.
 */
export function friendlyMessage(issue: RawIssue): string | undefined {
  if (issue.input === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_union')) {
    return 'required'
  }
  if (issue.code === 'too_small' && issue.minimum === 1) {
    if (issue.origin === 'string') return 'must not be empty'
    if (issue.origin === 'array') return 'needs at least one item'
  }
  if (issue.code === 'invalid_union') return unionMessage(issue.errors as NestedIssue[][])
  return undefined
}

function unionMessage(alternatives: NestedIssue[][]): string | undefined {
  const wrongType = (alternative: NestedIssue[]) =>
    alternative.some(
      (issue) =>
        (issue.code === 'invalid_type' || issue.code === 'unrecognized_keys') && issue.path.length === 0,
    )
  if (alternatives.length > 0 && alternatives.every(wrongType)) {
    const expected = alternatives.flatMap((alternative) =>
      alternative.flatMap((issue) => issue.expected ?? []),
    )
    return expected.length > 0 ? `expected ${[...new Set(expected)].join(' or ')}` : undefined
  }
  // The form whose shape fits and only a detail is wrong: say what that detail is.
  const closest = alternatives.find((alternative) => !wrongType(alternative))?.[0]
  if (!closest) return undefined
  return closest.path.length > 0
    ? `${closest.path.map(String).join('.')}: ${closest.message}`
    : closest.message
}

z.config({ customError: friendlyMessage })
