import { HookbenchError } from './errors.ts'

/**
 * How deeply JSON may nest where it enters Hookbench. `JSON.parse` copes with any depth, but the
 * code after it does not: zod's recursive JSON schema, `structuredClone`, `JSON.stringify` and
 * anything else that walks a value recursively overflow the stack somewhere between a few hundred
 * and a few thousand levels, depending on what else is on the stack. So depth is checked right
 * after parsing, before anything recursive sees the value.
 *
 * 64 levels is far beyond real webhook payloads and templates (which rarely pass 10) and far below
 * where anything overflows.
 */
export const MAX_JSON_DEPTH = 64

/**
 * Documents Hookbench wrote itself — config.json, an exported workspace being imported — wrap what
 * was sent in a few levels of their own (`bins[].response.sequence[].body`, `history.events[]`),
 * so they get this much room on top of MAX_JSON_DEPTH: whatever was accepted can be read back.
 */
export const MAX_STORED_JSON_DEPTH = MAX_JSON_DEPTH + 16

export interface TooDeep {
  /** The top-level field the nesting is under ('' when the value itself is the array/object). */
  field: string
  limit: number
}

/**
 * Whether `value` nests objects and arrays more than `limit` levels deep (`1` is 0 levels, `{}` and
 * `[]` are 1, `{"a":[]}` is 2). Walks with an explicit stack, never recursion, so it cannot
 * overflow on the very input it guards against, and stops at the first place past the limit.
 */
export function findTooDeep(value: unknown, limit = MAX_JSON_DEPTH): TooDeep | null {
  if (!isContainer(value)) return null
  // Each entry: a container, how deep it sits, and the top-level field it is under.
  const stack: Array<{ node: object; depth: number; field: string }> = [{ node: value, depth: 1, field: '' }]
  while (stack.length > 0) {
    const { node, depth, field } = stack.pop() as { node: object; depth: number; field: string }
    if (depth > limit) return { field, limit }
    // Plain loops: this runs on every request body, so no arrays of entries per node.
    if (Array.isArray(node)) {
      for (let index = 0; index < node.length; index++) {
        const child: unknown = node[index]
        if (isContainer(child)) {
          stack.push({ node: child, depth: depth + 1, field: depth === 1 ? String(index) : field })
        }
      }
      continue
    }
    for (const key of Object.keys(node)) {
      const child: unknown = (node as Record<string, unknown>)[key]
      if (isContainer(child)) stack.push({ node: child, depth: depth + 1, field: depth === 1 ? key : field })
    }
  }
  return null
}

/** The sentence every boundary answers with, naming the limit. */
export function tooDeepMessage(found: TooDeep, what = 'The JSON'): string {
  const where = found.field === '' ? '' : ` (under "${found.field}")`
  return `${what} nests objects and arrays more than ${found.limit} levels deep${where}; at most ${found.limit} are accepted.`
}

/**
 * The `bad_request` the API, IPC and in-process calls answer with: the one issue names the
 * top-level field the nesting is under, so clients read `details.issues` as on every 400.
 */
export function tooDeepError(found: TooDeep, what?: string): HookbenchError {
  const message = tooDeepMessage(found, what)
  return new HookbenchError('bad_request', message, { issues: [{ path: found.field, message }] })
}

function isContainer(value: unknown): value is object {
  return typeof value === 'object' && value !== null
}
