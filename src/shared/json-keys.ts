import { HookbenchError } from './errors.ts'

/**
 * `JSON.parse('{"__proto__":{}}')` makes an own property named `__proto__`, but every copy of
 * the value after it — zod's records and objects, spreads, `Object.fromEntries` — assigns it,
 * which sets the copy's prototype instead: the key silently vanishes from what is stored (a
 * header, a template, an event's data), or worse. So such a key is refused where input enters,
 * saying where it is, instead of changing what the user sent.
 */
export const FORBIDDEN_KEY = '__proto__'

/** The dotted path of the first own `__proto__` key in `value` (after the depth check), or null. */
export function findForbiddenKey(value: unknown): string | null {
  const stack: Array<{ node: unknown; path: string }> = [{ node: value, path: '' }]
  while (stack.length > 0) {
    const { node, path } = stack.pop() as { node: unknown; path: string }
    if (typeof node !== 'object' || node === null) continue
    const keys = Array.isArray(node) ? node.keys() : Object.keys(node)
    for (const key of keys) {
      const at = path === '' ? String(key) : `${path}.${key}`
      if (key === FORBIDDEN_KEY) return at
      stack.push({ node: (node as Record<string, unknown>)[key], path: at })
    }
  }
  return null
}

/** The `bad_request` every boundary answers with, naming where the key is. */
export function forbiddenKeyError(path: string): HookbenchError {
  const message = `A key named "${FORBIDDEN_KEY}" (at ${path}) cannot be accepted: JavaScript objects cannot keep it as sent. Rename it.`
  return new HookbenchError('bad_request', message, { issues: [{ path, message }] })
}
