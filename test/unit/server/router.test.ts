import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { compileRoutes, matchRoute } from '../../../src/server/router.ts'
import { defineOperation } from '../../../src/shared/contract/define.ts'
import { contract } from '../../../src/shared/contract/index.ts'

const things = {
  getThing: defineOperation({
    method: 'GET',
    path: '/api/things/{id}',
    summary: 'test',
    input: z.object({ id: z.string() }),
    output: z.object({}),
  }),
  deleteThing: defineOperation({
    method: 'DELETE',
    path: '/api/things/{id}',
    summary: 'test',
    input: z.object({ id: z.string() }),
    output: z.object({}),
  }),
}

describe('contract routes', () => {
  it('gives every operation a unique method + path under /api/', () => {
    const keys = Object.values(contract).map((op) => `${op.method} ${op.path}`)
    expect(new Set(keys).size).toBe(keys.length)
    for (const op of Object.values(contract)) expect(op.path.startsWith('/api/')).toBe(true)
  })

  it('matches the routes the contract names, with or without a trailing slash', () => {
    const routes = compileRoutes(contract)
    expect(matchRoute(routes, 'GET', '/api/health')).toMatchObject({
      kind: 'found',
      route: { name: 'health' },
    })
    expect(matchRoute(routes, 'GET', '/api/event-types/')).toMatchObject({
      kind: 'found',
      route: { name: 'listEventTypes' },
    })
    expect(matchRoute(routes, 'GET', '/api/healthz')).toEqual({ kind: 'none' })
  })

  it('fills path parameters decoded, and tells a wrong method from an unknown path', () => {
    const routes = compileRoutes(things)
    expect(matchRoute(routes, 'DELETE', '/api/things/a%20b')).toMatchObject({
      kind: 'found',
      route: { name: 'deleteThing' },
      params: { id: 'a b' },
    })
    expect(matchRoute(routes, 'POST', '/api/things/1')).toEqual({
      kind: 'wrong-method',
      allowed: ['GET', 'HEAD', 'DELETE'],
    })
    expect(matchRoute(routes, 'GET', '/api/things/1/more')).toEqual({ kind: 'none' })
  })

  it('answers HEAD with the GET route, and nothing else', () => {
    const routes = compileRoutes(things)
    expect(matchRoute(routes, 'HEAD', '/api/things/1')).toMatchObject({
      kind: 'found',
      route: { name: 'getThing' },
      params: { id: '1' },
    })
    const deleteOnly = compileRoutes({ deleteThing: things.deleteThing })
    expect(matchRoute(deleteOnly, 'HEAD', '/api/things/1')).toEqual({
      kind: 'wrong-method',
      allowed: ['DELETE'],
    })
  })

  it('names the path parameter whose percent-encoding is malformed', () => {
    const routes = compileRoutes(things)
    expect(() => matchRoute(routes, 'GET', '/api/things/%zz')).toThrow(
      expect.objectContaining({
        code: 'bad_request',
        details: { issues: [{ path: 'id', message: 'malformed percent-encoding in "%zz"' }] },
      }),
    )
  })
})
