import type { HttpMethod, Operation } from '../../shared/contract/define.ts'
import { HookbenchError } from '../../shared/errors.ts'

export interface Route<Name extends string = string> {
  name: Name
  method: HttpMethod
  pattern: RegExp
  paramNames: string[]
}

export type RouteMatch<Name extends string = string> =
  | { kind: 'found'; route: Route<Name>; params: Record<string, string> }
  | { kind: 'wrong-method'; allowed: HttpMethod[] }
  | { kind: 'none' }

/** Compiles a contract's REST paths (`/api/messages/{message_id}`) into matchers, once. */
export function compileRoutes<Table extends Record<string, Operation>>(
  table: Table,
): Route<keyof Table & string>[] {
  return (Object.keys(table) as Array<keyof Table & string>).map((name) => {
    const { method, path } = table[name] as Operation
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

export function matchRoute<Name extends string>(
  routes: Route<Name>[],
  method: string,
  pathname: string,
): RouteMatch<Name> {
  const allowed: HttpMethod[] = []
  for (const route of routes) {
    const match = route.pattern.exec(pathname)
    if (!match) continue
    if (route.method !== method) {
      allowed.push(route.method)
      continue
    }
    const params: Record<string, string> = {}
    for (const [index, paramName] of route.paramNames.entries()) {
      params[paramName] = decodeSegment(match[index + 1] ?? '')
    }
    return { kind: 'found', route, params }
  }
  return allowed.length > 0 ? { kind: 'wrong-method', allowed } : { kind: 'none' }
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    throw new HookbenchError('bad_request', `Malformed percent-encoding in path segment "${segment}".`)
  }
}
