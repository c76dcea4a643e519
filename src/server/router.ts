import type { HttpMethod, Operation } from '../shared/contract/define.ts'
import { HookbenchError } from '../shared/errors.ts'

export interface Route<Name extends string = string> {
  name: Name
  method: HttpMethod
  pattern: RegExp
  paramNames: string[]
}

/** What a client may send: the contract's methods, plus HEAD wherever GET works. */
export type AllowedMethod = HttpMethod | 'HEAD'

export type RouteMatch<Name extends string = string> =
  | { kind: 'found'; route: Route<Name>; params: Record<string, string> }
  | { kind: 'wrong-method'; allowed: AllowedMethod[] }
  | { kind: 'none' }

/** Compiles a contract's REST paths (`/api/messages/{message_id}`) into matchers, once. */
export function compileRoutes<Table extends Record<string, Pick<Operation, 'method' | 'path'>>>(
  table: Table,
): Route<keyof Table & string>[] {
  return (Object.keys(table) as Array<keyof Table & string>).map((name) => {
    const { method, path } = table[name] as Pick<Operation, 'method' | 'path'>
    const paramNames: string[] = []
    const source = path
      .split('/')
      .map((segment) => {
        const param = /^\{(\w+)\}$/.exec(segment)
        if (!param?.[1]) return segment.replace(/[.*+?^$()|[\]\\]/g, '\\$&')
        paramNames.push(param[1])
        return '([^/]+)'
      })
      .join('/')
    return { name, method, pattern: new RegExp(`^${source}/?$`), paramNames }
  })
}

/**
 * Finds the route for a method and path. HEAD matches the GET route (RFC 9110: the same answer
 * without its body, which node:http leaves out by itself), so the caller runs the GET handler.
 */
export function matchRoute<Name extends string>(
  routes: Route<Name>[],
  method: string,
  pathname: string,
): RouteMatch<Name> {
  const wanted = method === 'HEAD' ? 'GET' : method
  const allowed: AllowedMethod[] = []
  for (const route of routes) {
    const match = route.pattern.exec(pathname)
    if (!match) continue
    if (route.method !== wanted) {
      allowed.push(...(route.method === 'GET' ? (['GET', 'HEAD'] as const) : [route.method]))
      continue
    }
    const params: Record<string, string> = {}
    for (const [index, paramName] of route.paramNames.entries()) {
      params[paramName] = decodeSegment(match[index + 1] ?? '', paramName)
    }
    return { kind: 'found', route, params }
  }
  return allowed.length > 0 ? { kind: 'wrong-method', allowed } : { kind: 'none' }
}

function decodeSegment(segment: string, paramName: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    const message = `malformed percent-encoding in "${segment}"`
    throw new HookbenchError('bad_request', `Invalid input at "${paramName}": ${message}`, {
      issues: [{ path: paramName, message }],
    })
  }
}
