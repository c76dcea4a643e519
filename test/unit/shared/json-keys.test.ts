import { describe, expect, it } from 'vitest'
import { findForbiddenKey, forbiddenKeyError } from '../../../src/shared/json-keys.ts'

describe('findForbiddenKey', () => {
  it('finds an own __proto__ key at any depth, in objects and arrays, and names its path', () => {
    expect(findForbiddenKey(JSON.parse('{"a":1}'))).toBeNull()
    expect(findForbiddenKey(JSON.parse('{"__proto__":{}}'))).toBe('__proto__')
    expect(findForbiddenKey(JSON.parse('{"data":{"x":[1,{"__proto__":1}]}}'))).toBe('data.x.1.__proto__')
    expect(findForbiddenKey(JSON.parse('[{"ok":{"__proto__":null}}]'))).toBe('0.ok.__proto__')
  })

  it('leaves other keys alone, constructor and prototype included, and scalars', () => {
    expect(findForbiddenKey(JSON.parse('{"constructor":{"prototype":{}}}'))).toBeNull()
    expect(findForbiddenKey('__proto__')).toBeNull()
    expect(findForbiddenKey(null)).toBeNull()
  })

  it('answers a bad_request whose one issue has the path', () => {
    const error = forbiddenKeyError('data.__proto__')
    expect(error.code).toBe('bad_request')
    expect(error.toBody().details).toEqual({ issues: [{ path: 'data.__proto__', message: error.message }] })
  })
})
