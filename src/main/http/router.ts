import type { HttpMethod } from '../../shared/contract/define.ts'
import { type Contract, contract, type OperationName, operationNames } from '../../shared/contract/index.ts'

export interface Route {
  name: OperationName
  method: HttpMethod
  pattern: RegExp
  paramNames: string[]
}

export type RouteMatch =
  | { kind: 'found'; route: Route; params: Record<string, string> }
  | { kind: 'wrong-method'; allowed: HttpMethod[] }
  | { kind: 'none' }

/** Compiles the contract's REST paths (`/api/messages/{message_id}`) into matchers, once. */
export function compileRoutes(table: Contract = contract): Route[] {
  return operationNames.map((name) => {
    const { method, path } = table[name]
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

export function matchRoute(routes: Route[], method: string, pathname: string): RouteMatch {
  const allowed: HttpMethod[] = []
  for (const route of routes) {
    const match = route.pattern.exec(pathname)
    if (!match) continue
    if (route.method !== method) {
      allowed.push(route.method)
      continue
    }
    const params: Record<string, string> = {}
    route.paramNames.forEach((paramName, index) => {
      params[paramName] = decodeURIComponent(match[index + 1] ?? '')
    })
    return { kind: 'found', route, params }
  }
  return allowed.length > 0 ? { kind: 'wrong-method', allowed } : { kind: 'none' }
}
