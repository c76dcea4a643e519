import { describe, expect, it } from 'vitest'
import { findTooDeep, MAX_JSON_DEPTH, tooDeepError } from '../../../src/shared/json-depth.ts'

/** `depth` nested arrays/objects around 1, built in a loop (no recursion anywhere). */
function nested(depth: number, kind: 'object' | 'array' = 'object'): unknown {
  let value: unknown = 1
  for (let i = 0; i < depth; i++) value = kind === 'object' ? { a: value } : [value]
  return value
}

describe('findTooDeep', () => {
  it('counts objects and arrays, not scalars, and accepts exactly the limit', () => {
    expect(findTooDeep(1, 0)).toBeNull()
    expect(findTooDeep('text', 0)).toBeNull()
    expect(findTooDeep(null, 0)).toBeNull()
    expect(findTooDeep({}, 0)).toEqual({ field: '', limit: 0 })
    expect(findTooDeep({ a: [] }, 2)).toBeNull()
    expect(findTooDeep({ a: [] }, 1)).toEqual({ field: 'a', limit: 1 })
    expect(findTooDeep(nested(MAX_JSON_DEPTH))).toBeNull()
    expect(findTooDeep(nested(MAX_JSON_DEPTH + 1))).toEqual({ field: 'a', limit: MAX_JSON_DEPTH })
    expect(findTooDeep(nested(MAX_JSON_DEPTH + 1, 'array'))).toEqual({ field: '0', limit: MAX_JSON_DEPTH })
  })

  it('names the top-level field the deep branch is under, beside shallow ones', () => {
    const value = { shallow: { x: 1 }, list: [1, 2], deep: nested(10) }
    expect(findTooDeep(value, 5)).toEqual({ field: 'deep', limit: 5 })
  })

  it('measures a value nested 200,000 levels deep without overflowing the stack', () => {
    expect(findTooDeep(nested(200_000))).toEqual({ field: 'a', limit: MAX_JSON_DEPTH })
    expect(findTooDeep(nested(200_000, 'array'))).toEqual({ field: '0', limit: MAX_JSON_DEPTH })
  })

  it('stops on a cyclic value (from an in-process caller) instead of looping', () => {
    const cyclic: Record<string, unknown> = {}
    cyclic.self = cyclic
    expect(findTooDeep(cyclic)).toEqual({ field: 'self', limit: MAX_JSON_DEPTH })
  })
})

describe('tooDeepError', () => {
  it('is a bad_request naming the limit, with the field as its one issue', () => {
    const error = tooDeepError({ field: 'data', limit: 64 }, 'The request body')
    expect(error.toBody()).toEqual({
      code: 'bad_request',
      message:
        'The request body nests objects and arrays more than 64 levels deep (under "data"); at most 64 are accepted.',
      details: {
        issues: [
          {
            path: 'data',
            message:
              'The request body nests objects and arrays more than 64 levels deep (under "data"); at most 64 are accepted.',
          },
        ],
      },
    })
  })
})
